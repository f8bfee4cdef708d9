"""The ingest and export management commands, as researchers script them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsdiff.models import Article, Claim, ClaimLink, ClaimStatus, Story
from newsdiff.pipeline.types import Reason
from tests.conftest import SEED_EREM, SEED_ROAYAH

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ingest_seeds_without_story_makes_one_story() -> None:
    out, _ = run("ingest", str(SEED_EREM), str(SEED_ROAYAH))
    assert out.count(": ingested ") == 2
    assert out.endswith("2 ingested, 0 duplicates, 0 refused\n")
    assert Story.objects.count() == 1
    assert Article.objects.values("outlet").distinct().count() == 2


def test_ingest_again_reports_duplicates() -> None:
    run("ingest", str(SEED_EREM))
    out, _ = run("ingest", str(SEED_EREM))
    assert "duplicate" in out
    assert Article.objects.count() == 1


def test_ingest_with_options(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Officials said the bridge reopened on Tuesday after two weeks of repairs.\n"
        "The repairs cost 4 million dollars, according to the city council.",
        encoding="utf-8",
    )
    out, _ = run(
        "ingest",
        str(path),
        "--outlet",
        "City Paper",
        "--story",
        "bridge",
        "--published",
        "2025-01-02",
        "--url",
        "https://city.example/bridge",
    )
    article = Article.objects.get()
    assert (article.outlet.name, article.story.slug) == ("City Paper", "bridge")
    assert article.published_at.date().isoformat() == "2025-01-02"
    assert article.url == "https://city.example/bridge"
    assert "bridge" in out


def test_ingest_bad_file_is_reported_and_good_files_still_ingest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\x80\x81")
    empty = tmp_path / "empty.txt"
    empty.write_text("logo\n", encoding="utf-8")
    with pytest.raises(CommandError, match="2 of 3"):
        call_command(
            "ingest",
            str(bad),
            str(SEED_EREM),
            str(empty),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert Article.objects.count() == 1


def test_ingest_reads_files_as_uploads_are(tmp_path: Path) -> None:
    # HTML is extracted (not stored as markup), Windows-1256 read, a JSONL file gives one
    # document per line.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge</title></head><body><nav>Home Sport Weather</nav>"
        "<article><p>Officials said the bridge reopened on Tuesday after two weeks of "
        "repairs.</p><p>The repairs cost 4 million dollars, according to the city "
        "council.</p></article></body></html>",
        encoding="utf-8",
    )
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(SEED_EREM.read_text(encoding="utf-8").encode("cp1256", errors="replace"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": SEED_ROAYAH.read_text(encoding="utf-8"), "outlet": "Roayah News"})
        + "\n",
        encoding="utf-8",
    )
    out, _ = run("ingest", str(page), str(legacy), str(feed))
    assert f"{page}: ingested" in out and f"{feed}#1: ingested" in out
    stored = Article.objects.get(raw_text__contains="bridge reopened")
    assert "<" not in stored.raw_text and "Home Sport" not in stored.raw_text
    assert Article.objects.filter(raw_text__contains="الحوثي").count() == 2


def test_ingest_manifest(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "erem.txt").write_bytes(SEED_EREM.read_bytes())
    (tmp_path / "texts" / "roayah.txt").write_bytes(SEED_ROAYAH.read_bytes())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,outlet,url,published,story\n"
        "texts/erem.txt,Erem News,https://erem.example/a,2024-10-09,bout\n"
        "texts/roayah.txt,Roayah News,,,bout\n"
        "texts/missing.txt,Nobody,,,\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 3 documents were not ingested"):
        call_command("ingest", "--manifest", str(manifest), stdout=out, stderr=err)

    erem = Article.objects.get(outlet__name="Erem News")
    assert (erem.story.slug, erem.url) == ("bout", "https://erem.example/a")
    assert erem.published_at.date().isoformat() == "2024-10-09"
    assert Article.objects.get(outlet__name="Roayah News").story.slug == "bout"
    assert f"{tmp_path / 'texts' / 'missing.txt'}: refused: no such file" in err.getvalue()
    assert out.getvalue().endswith("2 ingested, 0 duplicates, 1 refused\n")


def test_ingest_options_win_over_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED_EREM.read_bytes())
    manifest = tmp_path / "list.jsonl"
    manifest.write_text('{"path": "a.txt", "outlet": "Erem News", "story": "one"}\n')
    run("ingest", "--manifest", str(manifest), "--story", "two", "--outlet", "Other Outlet")
    article = Article.objects.get()
    assert (article.outlet.name, article.story.slug) == ("Other Outlet", "two")


def test_ingest_needs_files_or_a_manifest() -> None:
    with pytest.raises(CommandError, match="--manifest"):
        run("ingest")


def test_ingest_reports_a_failing_document_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from django.db import DataError

    from newsdiff.management.commands import ingest

    real = ingest.article_ingest
    faults = {"fault.txt": RuntimeError("boom"), "data.txt": DataError("bad value")}

    def flaky(**kwargs):
        fault = faults.get(Path(kwargs["source"]).name)
        if fault:
            raise fault
        return real(**kwargs)

    monkeypatch.setattr(ingest, "article_ingest", flaky)
    for name in faults:
        (tmp_path / name).write_text("Some text that is never analysed here.", encoding="utf-8")
    paths = [str(tmp_path / "fault.txt"), str(tmp_path / "data.txt"), str(SEED_EREM)]
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 of 3"):
        call_command("ingest", *paths, stdout=out, stderr=err)
    assert f"{paths[0]}: refused: failed: RuntimeError: boom" in err.getvalue()
    assert f"{paths[1]}: refused: the database refused it (bad value)" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert Article.objects.count() == 1
    # --traceback lets the fault through, to see where it came from.
    with pytest.raises(RuntimeError, match="boom"):
        call_command("ingest", paths[0], "--traceback", stdout=out, stderr=err)


def test_ingest_rejects_bad_date() -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("ingest", str(SEED_EREM), "--published", "7/10/2024")


def test_export_json_shape_matches_database() -> None:
    run("ingest", str(SEED_EREM), str(SEED_ROAYAH))
    out, _ = run("export", "--format", "json")
    data = json.loads(out)
    (story,) = data["stories"]
    stored = Story.objects.get()
    assert list(story) == ["slug", "title", "counts", "articles", "claims", "links", "differences"]
    # The counts are the story's stored ones, never recomputed by the export.
    assert story["counts"]["article_count"] == stored.article_count == 2
    assert story["counts"] == asdict(stored.counts)
    assert {"id", "outlet", "title", "url", "published_at"} <= story["articles"][0].keys()
    assert {"id", "article_id", "position", "text", "status", "attribution", "facts"} <= (
        story["claims"][0].keys()
    )
    statuses = dict(Claim.objects.values_list("id", "status"))
    assert {c["id"]: c["status"] for c in story["claims"]} == statuses
    # Facts in their public form: the words as written, no internal subject stem.
    assert all(
        set(f) == {"kind", "value", "unit", "text"} for c in story["claims"] for f in c["facts"]
    )
    assert {"claim_a", "claim_b", "relation", "reason", "explanation", "details"} <= (
        story["links"][0].keys()
    )
    reasons = set(Reason)
    assert all(link["reason"] in reasons and link["explanation"] for link in story["links"])
    assert len(story["claims"]) == Claim.objects.count()
    assert len(story["links"]) == ClaimLink.objects.count()
    assert {a["published_at"][:10] for a in story["articles"]} == {"2024-10-07", "2024-10-08"}


def test_export_csv_to_file_rereads(tmp_path: Path) -> None:
    run("ingest", str(SEED_EREM), str(SEED_ROAYAH))
    target = tmp_path / "out.csv"
    slug = Story.objects.get().slug
    run("export", "--story", slug, "--format", "csv", "--output", str(target))
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    links = [r for r in rows if r["row_type"] == "link"]
    unique = [r for r in rows if r["row_type"] == "unique"]
    assert len(links) == ClaimLink.objects.count()
    # One unique row per claim whose stored status is "only here".
    only_here = Claim.objects.filter(status="only_here")
    assert sorted(int(r["claim_a_id"]) for r in unique) == sorted(o.pk for o in only_here)
    assert len(unique) == Story.objects.get().only_here_count
    assert all(r["story"] == slug for r in rows)
    assert {r["relation"] for r in links} <= {"agreement", "contradiction", "disputed", "updated"}
    first = links[0]
    assert first["outlet_a"] and first["outlet_b"] and first["claim_a_text"]
    assert first["reason"] in set(Reason) and first["explanation"].endswith(".")
    assert first["claim_a_status"] in {s.value for s in ClaimStatus}


def test_export_unknown_story() -> None:
    with pytest.raises(CommandError, match="No story"):
        run("export", "--story", "nope", "--format", "json")


def test_demo_account_is_created_once() -> None:
    from django.contrib.auth import authenticate

    from tests.builders import role_group

    role_group("Admin")  # a transactional test earlier in the run may have flushed it
    out, _ = run("demo_account")
    assert "created Admin 'demo'" in out
    user = authenticate(username="demo", password="newsdiff-demo")
    assert user is not None and user.has_perm("newsdiff.upload_article")
    out, _ = run("demo_account", "--password", "other")
    assert "exists" in out
    assert authenticate(username="demo", password="newsdiff-demo") is not None


def test_seed_outlets_load_twice_without_duplicates() -> None:
    from django.conf import settings

    from newsdiff.models import Outlet

    fixture = str(settings.BASE_DIR / "fixtures" / "outlets.json")
    run("loaddata", fixture)
    run("loaddata", fixture)
    assert sorted(Outlet.objects.values_list("name", flat=True)) == ["Erem News", "Roayah News"]
    out, _ = run("ingest", str(SEED_EREM), str(SEED_ROAYAH))
    assert "(Erem News," in out and "(Roayah News," in out


def test_realign_command() -> None:
    run("ingest", str(SEED_EREM), str(SEED_ROAYAH))
    slug = Story.objects.get().slug
    links = ClaimLink.objects.count()
    out, _ = run("realign", "--story", slug)
    assert out.startswith(f"{slug}: ") and "0 contradictions" in out
    assert ClaimLink.objects.count() == links
    out, _ = run("realign", "--all")
    assert slug in out and "joined" not in out
    with pytest.raises(CommandError, match="No story"):
        run("realign", "--story", "nope")
    with pytest.raises(CommandError, match="--all"):
        run("realign")
