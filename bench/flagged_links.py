"""Every link newsdiff flags on one real story, for reading by hand.

The annotated stories are scored by ../shared/corpus/score.py; a story nobody annotated (such
as devset/hajj-heat-2024, an audit of figures) is read instead: its pages are ingested as
score.py ingests them (one `manage.py ingest` per page with its outlet, URL and date, into a
throw-away SQLite database), and every contradiction, dispute and update is printed with its
reason and the two claims, then the stories formed and the count of each kind.

    .venv/bin/python bench/flagged_links.py devset/hajj-heat-2024 [--texts DIR] [--shuffle N]

The page texts are third-party: they are rebuilt into the git-ignored corpus-texts/ (see
../shared/corpus/README.md) and what this prints stays on the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGGED = ("contradiction", "disputed", "updated")


def manage(args: list[str], env: dict[str, str]) -> None:
    """Run one manage.py command of this checkout; stop with its output if it fails."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {args[0]} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def ingest_args(entry: dict[str, str], path: Path) -> list[str]:
    args = ["ingest", str(path)]
    for flag in ("outlet", "url", "published"):
        if entry.get(flag):
            args += [f"--{flag}", entry[flag]]
    return args


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path, help="a folder with a manifest.json")
    parser.add_argument("--texts", type=Path, default=ROOT / "corpus-texts")
    parser.add_argument("--shuffle", type=int, help="ingest the pages in another order")
    options = parser.parse_args()
    story = options.story.resolve()
    manifest = json.loads((story / "manifest.json").read_text(encoding="utf-8"))
    pages = [(m, options.texts / story.name / m["file"]) for m in manifest]
    missing = [str(path) for _, path in pages if not path.exists()]
    pages = [(m, path) for m, path in pages if path.exists()]
    if not pages:
        sys.exit(f"no page text under {options.texts / story.name}: rebuild the texts first")
    if options.shuffle is not None:
        random.Random(options.shuffle).shuffle(pages)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3"}
        manage(["migrate", "-v", "0"], env)
        for entry, path in pages:
            manage(ingest_args(entry, path), env)
        out = Path(tmp) / "export.json"
        manage(["export", "--format", "json", "--output", str(out)], env)
        export = json.loads(out.read_text(encoding="utf-8"))
    kinds: Counter[str] = Counter()
    for formed in export["stories"]:
        claims = {c["id"]: c for c in formed["claims"]}
        outlets = {a["id"]: a.get("outlet") or a.get("title", "") for a in formed["articles"]}
        for link in formed["links"]:
            if link["relation"] not in FLAGGED:
                continue
            kinds[link["relation"]] += 1
            print(f"\n{link['relation']} ({link.get('reason', '')}, {link.get('score', 0):.2f})")
            # The figures set side by side, as the story page shows them.
            print(f"  = {link.get('explanation', '')}")
            for key in ("claim_a", "claim_b"):
                claim = claims[link[key]]
                print(f"  {outlets.get(claim['article_id'], '')}: {claim['text']}")
    print("\nstories formed:", [len(formed["articles"]) for formed in export["stories"]])
    # The pages left out of the largest story, by outlet: which ones the grouping set apart.
    largest = max(export["stories"], key=lambda formed: len(formed["articles"]), default=None)
    for formed in export["stories"]:
        if formed is not largest:
            names = [a.get("outlet") or a.get("title", "") for a in formed["articles"]]
            print("  apart:", ", ".join(names))
    print("flagged links:", sum(kinds.values()), dict(sorted(kinds.items())))
    if missing:
        print(f"{len(missing)} page(s) without text, left out")


if __name__ == "__main__":
    main()
