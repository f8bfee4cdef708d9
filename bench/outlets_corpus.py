"""How well outlets are read from real pages: with the page's URL and without it.

For every manifest entry of the development corpus (../shared/corpus) and the devset
(devset/) whose text is saved under corpus-texts/, reads the outlet twice: with the entry's
URL, and from the text alone with the file name as source (what a blind bulk upload gives).
Prints per page the manifest outlet, the two readings with their evidence, and whether they
match; then the totals. Page texts are third-party: only names and evidence labels are
printed, never the text.

A reading matches when one of the names the manifest gives for the page (its outlet, and the
reprinting site or credited original it names in brackets) is the reading's name, native name,
alias or domain, compared case-insensitively in folded form.

    .venv/bin/python bench/outlets_corpus.py [--texts DIR] [--quiet] [--stored]

--stored also ingests every page as a blind bulk upload would (no outlet, URL or date; the
file name as source) into a throw-away SQLite database, and counts the pages whose stored
outlet is the one their manifest names, and how many were stored under a provisional one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdiff.pipeline.outlets import (  # noqa: E402
    EVIDENCE_FILE_NAME,
    OutletReading,
    name_key,
    outlet_read,
)

CORPUS = ROOT.parent / "shared" / "corpus"
DEVSET = ROOT / "devset"
TEXTS = ROOT / "corpus-texts"
# Words of a manifest's outlet field that join names rather than being one:
# "Goud (via Maghress)", "CBS News (reprinted on barrie360.com)", "DNyuz (reprint of Newsweek)".
MANIFEST_JOINERS_RE = re.compile(
    r"[();]|\bvia\b|\breprint(?:ed|ing)?\b(?:\s+(?:on|of))?|\bappears to\b|\brewriting\b"
    r"|\bsyndicated\b|\barchive\b|\bedition\b|\bforum\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    story: str
    file: str
    outlet: str
    url: str
    path: Path


def pages(texts: Path) -> tuple[list[Page], list[str]]:
    """The manifest entries whose text exists, and the files that are missing."""
    found, missing = [], []
    for root, prefix in ((CORPUS, ""), (DEVSET, "devset")):
        for manifest in sorted(root.glob("*/manifest.json")):
            story = manifest.parent.name
            for entry in json.loads(manifest.read_text(encoding="utf-8")):
                candidates = [texts / story / entry["file"], texts / prefix / story / entry["file"]]
                path = next((p for p in candidates if p.is_file()), None)
                if path is None:
                    missing.append(f"{story}/{entry['file']}")
                    continue
                found.append(Page(story, entry["file"], entry["outlet"], entry["url"], path))
    return found, missing


def manifest_names(outlet: str) -> list[str]:
    """The names one manifest outlet field gives: "Goud (via Maghress)" -> Goud, Maghress."""
    pieces = [piece.strip(" ,.") for piece in MANIFEST_JOINERS_RE.split(outlet)]
    names = []
    for piece in pieces:
        for name in re.split(r",|/", piece):
            if name.strip() and len(name.strip()) > 1:
                names.append(name.strip())
    return names


def reading_keys(reading: OutletReading) -> set[str]:
    names = (reading.name, reading.native_name, *reading.aliases, reading.domain)
    return {name_key(name) for name in names if name}


def matches(reading: OutletReading, outlet: str) -> tuple[bool, bool]:
    """(matches the manifest's first name, matches any name the manifest gives)."""
    if not reading.name:
        return False, False
    keys = reading_keys(reading)
    names = [name_key(name) for name in manifest_names(outlet)]
    primary = bool(names) and names[0] in keys
    return primary, any(name in keys for name in names)


def verdict(reading: OutletReading, outlet: str) -> str:
    primary, any_name = matches(reading, outlet)
    if primary:
        return "yes"
    if any_name:
        return "yes*"
    return "prov" if reading.provisional else "NO"


def stored_outlets(found: list[Page]) -> None:
    """Ingest the pages blind, through services.article_ingest, and compare the outlets."""
    import os
    import tempfile

    database = Path(tempfile.mkdtemp()) / "outlets.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from newsdiff import services

    call_command("migrate", verbosity=0)
    matched = provisional = refused = 0
    for page in found:
        try:
            result = services.article_ingest(
                raw_text=page.path.read_text(encoding="utf-8"), source=page.file
            )
        except ValidationError:
            refused += 1
            continue
        outlet = result.article.outlet
        keys = {
            name_key(name)
            for name in (outlet.name, outlet.native_name, outlet.domain, *outlet.aliases.split(","))
            if name.strip()
        }
        matched += any(name_key(name) in keys for name in manifest_names(page.outlet))
        provisional += outlet.provisional
    print(
        f"stored blind: {len(found)} pages, refused {refused}, stored under the manifest's "
        f"outlet {matched}, under a provisional outlet {provisional}"
    )


def wait_for_texts(texts: Path, minutes: float) -> None:
    """Another process may still be saving the texts: wait while files keep appearing."""
    deadline = time.monotonic() + minutes * 60
    last = -1
    while time.monotonic() < deadline:
        found, missing = pages(texts)
        if not missing or len(found) == last:
            return
        last = len(found)
        time.sleep(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--quiet", action="store_true", help="totals only")
    parser.add_argument("--wait", type=float, default=0, help="minutes to wait for texts")
    parser.add_argument("--stored", action="store_true", help="also ingest blind and compare")
    args = parser.parse_args()
    if args.wait:
        wait_for_texts(args.texts, args.wait)
    found, missing = pages(args.texts)
    totals = {key: 0 for key in ("url", "url_any", "text", "text_any", "file", "prov", "wrong")}
    url_wrong = url_prov = 0
    evidences: dict[str, int] = {}
    started = time.perf_counter()
    for page in found:
        text = page.path.read_text(encoding="utf-8")
        with_url = outlet_read(text, url=page.url)
        blind = outlet_read(text, source=page.file)
        url_primary, url_any = matches(with_url, page.outlet)
        primary, any_name = matches(blind, page.outlet)
        totals["url"] += url_primary
        totals["url_any"] += url_any
        url_prov += with_url.provisional and not url_any
        url_wrong += not url_any and not with_url.provisional
        from_file = blind.evidence == EVIDENCE_FILE_NAME
        totals["text"] += primary and not from_file
        totals["text_any"] += any_name and not from_file
        totals["file"] += any_name and from_file
        totals["prov"] += blind.provisional
        totals["wrong"] += not any_name and not blind.provisional
        if not args.quiet:
            print(
                f"{page.story[:14]:14} {page.file[:30]:30} | {page.outlet[:34]:34} | "
                f"url: {with_url.name[:22]:22} {with_url.evidence:11} "
                f"{verdict(with_url, page.outlet):4} | "
                f"blind: {blind.name[:22]:22} {blind.evidence:11} {verdict(blind, page.outlet)}"
            )
        evidences[blind.evidence or "none"] = evidences.get(blind.evidence or "none", 0) + 1
    elapsed = time.perf_counter() - started
    n = len(found)
    print(f"\n{n} pages read ({len(missing)} manifest entries without a saved text)")
    print(
        f"with URL:    matched {totals['url']} (any name the manifest gives: "
        f"{totals['url_any']}), provisional unmatched {url_prov}, wrong {url_wrong}"
    )
    print(
        f"without URL: matched from the text {totals['text']} (any name: "
        f"{totals['text_any']}), from the file name {totals['file']}, "
        f"provisional {totals['prov']}, wrong {totals['wrong']}"
    )
    print("without URL, by evidence: " + ", ".join(f"{k} {v}" for k, v in evidences.items()))
    print(f"{elapsed * 1000 / max(1, 2 * n):.2f} ms a reading")
    if args.stored:
        stored_outlets(found)


if __name__ == "__main__":
    main()
