"""Exports read back (CSV with csv, XLSX with openpyxl, JSON with json) against the DB."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from urllib.parse import quote

import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsdiff import exports
from newsdiff.models import Claim, ClaimLink, Language, LinkReview, Relation, Story
from tests.builders import (
    article_with_claims,
    link,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)

HTMX = {"HX-Request": "true"}
ARABIC_SLUG = "صفقة-أسلحة"
FORMULA_CLAIM = '=HYPERLINK("http://evil.example","انقر هنا")'


@dataclass(frozen=True)
class Stories:
    arabic: Story
    english: Story


@pytest.fixture
def stories(db) -> Stories:
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 12, 0))
    arabic = story_create_for_test(title="صفقة أسلحة بين بوت والحوثيين", slug=ARABIC_SLUG)
    erem = outlet_create_for_test(name="Erem News", native_name="إرم نيوز")
    roayah = outlet_create_for_test(name="Roayah News")
    _, (a1, a2, a3, a4) = article_with_claims(
        story=arabic,
        outlet=erem,
        published_at=day,
        claims=[
            "كشفت صحيفة وول ستريت جورنال عن صفقة أسلحة.",
            "قيمة الصفقة 10 ملايين دولار.",
            "تفصيل لا يذكره أحد غيرنا.",
            FORMULA_CLAIM,
        ],
    )
    _, (b1, b2) = article_with_claims(
        story=arabic,
        outlet=roayah,
        published_at=day + dt.timedelta(days=1),
        claims=["ذكرت وول ستريت جورنال صفقة أسلحة.", "قيمة الصفقة 20 مليون دولار."],
    )
    link(a1, b1, relation=Relation.AGREEMENT, similarity=0.91234, explanation="نفس الخبر")
    link(a2, b2, relation=Relation.CONTRADICTION, similarity=0.85, explanation="-10 vs 20")

    english = story_create_for_test(title="Flooding closes the coastal road", slug="coast-flood")
    coast = outlet_create_for_test(name="Coast Daily", language=Language.ENGLISH)
    harbour = outlet_create_for_test(name="Harbour Herald", language=Language.ENGLISH)
    _, (c1,) = article_with_claims(
        story=english,
        outlet=coast,
        published_at=day + dt.timedelta(days=30),
        claims=["Flooding closed the coastal road on Monday."],
    )
    _, (d1,) = article_with_claims(
        story=english,
        outlet=harbour,
        published_at=day + dt.timedelta(days=31),
        claims=["The coastal road was closed by floods on Monday."],
    )
    link(c1, d1, relation=Relation.AGREEMENT)
    return Stories(arabic=arabic, english=english)


@pytest.fixture
def researcher(db) -> Client:
    client = Client()
    client.force_login(user_create_for_test(username="researcher", role="Researcher"))
    return client


def download(client: Client, name: str, **kwargs: str) -> tuple[object, bytes]:
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def expected_rows(story: Story) -> list[list[str]]:
    """What the CSV must hold, built straight from the DB (not through exports)."""
    rows = []
    linked = set()
    for lk in ClaimLink.objects.filter(story=story).order_by("claim_a_id", "claim_b_id"):
        linked |= {lk.claim_a_id, lk.claim_b_id}
        rows.append(
            [
                story.slug,
                "link",
                lk.relation,
                str(round(lk.similarity, 4)),
                str(round(lk.score, 4)),
                lk.explanation,
                lk.article_a.outlet.name,
                str(lk.article_a_id),
                str(lk.claim_a_id),
                lk.claim_a.text,
                lk.article_b.outlet.name,
                str(lk.article_b_id),
                str(lk.claim_b_id),
                lk.claim_b.text,
                lk.review,
                _newest_note(lk),
            ]
        )
    for claim in Claim.objects.filter(article__story=story).order_by("article_id", "position"):
        if claim.pk not in linked:
            rows.append(
                [story.slug, "unique", "only_here", "", "", "Only this outlet reports this claim."]
                + [claim.article.outlet.name, str(claim.article_id), str(claim.pk), claim.text]
                + ["", "", "", "", "", ""]
            )
    return rows


def _newest_note(lk: ClaimLink) -> str:
    review = (
        LinkReview.objects.filter(claim_a=lk.claim_a_id, claim_b=lk.claim_b_id)
        .order_by("-created_at", "-id")
        .first()
    )
    return review.note if review else ""


def neutralised(row: list[str]) -> list[str]:
    return ["'" + v if v[:1] in ("=", "+", "-", "@") else v for v in row]


# --- CSV ---------------------------------------------------------------------------


def test_story_csv_matches_the_database(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # RFC 5987: the Arabic slug survives in filename*.
    assert response["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote(f'newsdiff-{ARABIC_SLUG}.csv')}"
    )
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0] == exports.CSV_COLUMNS
    expected = expected_rows(stories.arabic)
    assert rows[1:] == [neutralised(row) for row in expected]
    assert [r[1] for r in rows[1:]].count("link") == 2
    assert [r[1] for r in rows[1:]].count("unique") == 2
    # The formula claim is text, never a formula; the explanation starting with "-" too.
    assert ["'" + FORMULA_CLAIM] == [r[9] for r in rows[1:] if FORMULA_CLAIM in r[9]]
    assert "'-10 vs 20" in [r[5] for r in rows[1:]]


def test_bulk_csv_filters_by_date_range_and_query(researcher: Client, stories: Stories) -> None:
    url = reverse("stories_download", kwargs={"fmt": "csv"})

    def story_slugs(params: dict[str, str]) -> set[str]:
        response = researcher.get(url, params)
        assert response.status_code == 200
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        return {row[0] for row in list(csv.reader(io.StringIO(body, newline="")))[1:]}

    assert story_slugs({}) == {ARABIC_SLUG, "coast-flood"}
    assert story_slugs({"date_from": "2024-10-01", "date_to": "2024-10-31"}) == {ARABIC_SLUG}
    assert story_slugs({"date_from": "2024-11-01"}) == {"coast-flood"}
    # The search finds Arabic as people type it: without hamza.
    assert story_slugs({"q": "اسلحة"}) == {ARABIC_SLUG}
    assert story_slugs({"q": "coastal"}) == {"coast-flood"}
    assert story_slugs({"slugs": f"coast-flood, {ARABIC_SLUG}"}) == {ARABIC_SLUG, "coast-flood"}
    assert story_slugs({"q": "nothing like this"}) == set()
    response = researcher.get(url, {"date_from": "2024-12-01", "date_to": "2024-01-01"})
    assert response.status_code == 400


def test_csv_streams_in_a_bounded_number_of_queries(
    researcher: Client, stories: Stories, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(12):
        response = researcher.get(reverse("stories_download", kwargs={"fmt": "csv"}))
        b"".join(response.streaming_content)


# --- XLSX --------------------------------------------------------------------------


def read_xlsx(body: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


def as_text(value: object) -> str:
    return "" if value is None else str(value)


def test_story_xlsx_matches_the_database(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="xlsx")
    assert isinstance(response, FileResponse)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        f"filename*=utf-8''{quote(f'newsdiff-{ARABIC_SLUG}.xlsx')}"
        in response["Content-Disposition"]
    )
    ws = read_xlsx(body)
    assert ws.title == ARABIC_SLUG
    assert ws.sheet_view.rightToLeft is True
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["J"].width == exports.XLSX_COLUMN_WIDTHS["claim_a_text"]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    assert rows[0] == exports.CSV_COLUMNS
    assert ws["A1"].font.bold
    expected = expected_rows(stories.arabic)
    assert [[as_text(v) for v in row] for row in rows[1:]] == expected
    # Numbers stay numbers; the formula claim is stored as text, exactly as written.
    assert isinstance(rows[1][3], float) and isinstance(rows[1][8], int)
    formula_cells = [c for row in ws.iter_rows() for c in row if c.value == FORMULA_CLAIM]
    assert len(formula_cells) == 1 and formula_cells[0].data_type == "s"


def test_english_xlsx_is_left_to_right(researcher: Client, stories: Stories) -> None:
    _, body = download(researcher, "story_download", slug="coast-flood", fmt="xlsx")
    ws = read_xlsx(body)
    assert not ws.sheet_view.rightToLeft
    assert ws.freeze_panes == "A2"


def test_bulk_xlsx_holds_the_filtered_stories(researcher: Client, stories: Stories) -> None:
    response = researcher.get(
        reverse("stories_download", kwargs={"fmt": "xlsx"}), {"date_from": "2024-11-01"}
    )
    assert response.status_code == 200
    assert 'filename="newsdiff-stories-' in response["Content-Disposition"]
    ws = read_xlsx(b"".join(response.streaming_content))
    rows = list(ws.iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {"coast-flood"}
    assert [[as_text(v) for v in row] for row in rows[1:]] == expected_rows(stories.english)
    assert not ws.sheet_view.rightToLeft


def test_sheet_names_are_valid() -> None:
    assert exports.sheet_name("a/b[c]:d*?e") == "a-b-c--d--e"
    assert len(exports.sheet_name("x" * 40)) == 31


# --- JSON --------------------------------------------------------------------------


def test_json_api_shape(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_api", slug=ARABIC_SLUG)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/json"
    document = json.loads(body)
    assert list(document) == ["stories"]
    (story,) = document["stories"]
    assert list(story) == ["slug", "title", "articles", "claims", "links"]
    assert story["slug"] == ARABIC_SLUG and story["title"] == stories.arabic.title
    assert len(story["articles"]) == 2 and len(story["claims"]) == 6 and len(story["links"]) == 2
    assert set(story["articles"][0]) == {
        "id", "outlet", "title", "url", "published_at", "language", "copy_of",
    }  # fmt: skip
    assert set(story["claims"][0]) == {
        "id", "article_id", "position", "text", "start", "end", "facts", "attribution",
    }  # fmt: skip
    assert set(story["links"][0]) == {
        "claim_a", "claim_b", "relation", "similarity", "score", "explanation", "details",
        "engine_version",
        "human_label",
        "human_note",
    }  # fmt: skip
    # Arabic is written as is, not \\u-escaped; the formula claim is untouched in JSON.
    assert "صفقة".encode() in body and FORMULA_CLAIM in {c["text"] for c in story["claims"]}
    assert document == {"stories": [exports.story_export_data(stories.arabic)]}


def test_json_download_matches_the_command_shape(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_download", slug="coast-flood", fmt="json")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="newsdiff-coast-flood.json"'
    assert json.loads(body) == {"stories": [exports.story_export_data(stories.english)]}


def test_streamed_json_is_the_same_text_as_json_dumps(stories: Stories, monkeypatch) -> None:
    # Chunk boundaries must not change the text: force several chunks per story.
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    streamed = "".join(exports.story_json_chunks(stories.arabic))
    assert streamed == json.dumps(exports.story_export_data(stories.arabic), ensure_ascii=False)
    empty = story_create_for_test(slug="empty")
    assert "".join(exports.story_json_chunks(empty)) == json.dumps(
        exports.story_export_data(empty), ensure_ascii=False
    )


def test_unknown_story_is_404(researcher: Client, stories: Stories) -> None:
    assert researcher.get(reverse("story_api", kwargs={"slug": "nope"})).status_code == 404
    url = reverse("story_download", kwargs={"slug": "nope", "fmt": "csv"})
    assert researcher.get(url).status_code == 404
    assert researcher.get(f"/stories/{ARABIC_SLUG}/export.pdf").status_code == 404


# --- Pages -------------------------------------------------------------------------


def test_story_export_page_links_every_format(researcher: Client, stories: Stories) -> None:
    html = researcher.get(reverse("story_export", kwargs={"slug": ARABIC_SLUG})).content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert reverse("story_download", kwargs={"slug": ARABIC_SLUG, "fmt": fmt}) in html
    assert reverse("story_api", kwargs={"slug": ARABIC_SLUG}) in html
    assert "right-to-left" in html


def test_bulk_export_page_and_partial(researcher: Client, stories: Stories) -> None:
    url = reverse("stories_export")
    page = researcher.get(url, {"date_from": "2024-11-01"}).content.decode()
    assert "<html" in page and 'hx-get="/export/"' in page and 'action="/export/"' in page
    assert "Flooding closes the coastal road" in page and stories.arabic.title not in page
    partial = researcher.get(url, {"q": "اسلحة"}, headers=HTMX).content.decode()
    assert "<html" not in partial and 'id="export-results"' in partial
    assert stories.arabic.title in partial
    assert "/export/stories.xlsx?q=" in partial


def test_editor_decisions_are_exported_as_human_labels(
    researcher: Client, stories: Stories
) -> None:
    from newsdiff.services import link_review

    link = ClaimLink.objects.filter(story=stories.arabic).order_by("id").first()
    link_review(link=link, decision="confirmed", note="أولى")
    link_review(link=link, decision="dismissed", note="ليست الصفقة نفسها")

    _, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["claim_a_id"] == str(link.claim_a_id)
              and r["claim_b_id"] == str(link.claim_b_id)]  # fmt: skip
    assert (row["human_label"], row["human_note"]) == ("dismissed", "ليست الصفقة نفسها")

    _, body = download(researcher, "story_api", slug=ARABIC_SLUG)
    (story,) = json.loads(body)["stories"]
    (exported,) = [x for x in story["links"] if x["claim_a"] == link.claim_a_id
                   and x["claim_b"] == link.claim_b_id]  # fmt: skip
    assert (exported["human_label"], exported["human_note"]) == ("dismissed", "ليست الصفقة نفسها")
