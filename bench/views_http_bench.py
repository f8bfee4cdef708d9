"""The story screens served for real: gunicorn (newsdiff.wsgi) timed from an HTTP client.

    .venv/bin/python bench/views_http_bench.py [--requests 100]

Run bench/views_bench.py first: it builds the 10,000-article PostgreSQL data set this script
reads (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/newsdiff_bench). Starts one
gunicorn worker with DEBUG off, signs an Editor in through a session, then times each screen
end to end over loopback (warm-up requests left out), printing median and p95 milliseconds.
Unlike views_bench.py this includes the WSGI server and HTTP; the worker runs newsdiff/wsgi.py
as production does (start-up heap frozen out of the garbage collector).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsdiff_bench"
PORT = 8766
WARM_UP = 10


def editor_session_cookie() -> str:
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.filter(groups__name="Editor").first()
    if user is None:
        sys.exit("no Editor in the data set: run bench/views_bench.py first")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def timed(url: str, headers: dict[str, str], n: int) -> list[float]:
    times = []
    for _ in range(n + WARM_UP):
        request = urllib.request.Request(url, headers=headers)
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times[WARM_UP:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_URL),
        "DEBUG": "false",
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "newsdiff.settings",
    }
    os.environ.update(env)
    cookie = editor_session_cookie()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "newsdiff.wsgi", "-w", "1", "-b", f"127.0.0.1:{PORT}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):  # wait for the worker
            try:
                urllib.request.urlopen(f"{base}/accounts/login/").read()
                break
            except OSError:
                time.sleep(0.1)
        story = f"{base}/stories/bench-big-story/"
        screens = [
            ("page", "story (side by side)", story, False),
            ("page", "story ?tab=contradictions", f"{story}?tab=contradictions", False),
            ("partial", "story (side by side)", story, True),
            ("partial", "story ?tab=agreements", f"{story}?tab=agreements", True),
            ("partial", "story ?tab=contradictions", f"{story}?tab=contradictions", True),
            ("partial", "story ?tab=matrix", f"{story}?tab=matrix", True),
        ]
        print(f"gunicorn, 1 worker, {args.requests} requests per screen after {WARM_UP} warm-up")
        print(f"{'kind':8s} {'screen':30s} {'median ms':>10s} {'p95 ms':>8s}")
        for kind, label, url, htmx in screens:
            headers = {"Cookie": cookie, **({"HX-Request": "true"} if htmx else {})}
            times = timed(url, headers, args.requests)
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            print(f"{kind:8s} {label:30s} {statistics.median(times):10.1f} {p95:8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
