"""Exports read back (CSV with csv, XLSX with openpyxl, JSON with json) against the DB.

Two stories of short articles written for these tests, one Arabic and one English, whose
claims carry the facts and attributions the engine stores (with stems and name keys, which
must never leave), linked by every kind of relation; their verdicts and counts are stored by
services.story_verdicts_store, as realignment stores them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from newsdiff import exports
from newsdiff.explanations import link_sentence
from newsdiff.models import (
    Article,
    Claim,
    ClaimLink,
    ClaimStatus,
    Language,
    LinkReview,
    Relation,
    Story,
)
from newsdiff.pipeline.types import Fact, FactDifference, FactValue, Reason, RelationDetails
from newsdiff.services import link_review, story_verdicts_store
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
EREM_URL = "https://erem.example/news/1?ref=feed"

# What the facts stage stores (Fact.as_dict rows): subject stems and, for a name, its key.
WSJ = Fact("entity", "l strt", "", "", "وول ستريت جورنال")
TEN_MILLION = Fact("money", "10000000", "USD", "صفق", "10 ملايين دولار")
TWENTY_MILLION = Fact("money", "20000000", "USD", "صفق", "20 مليونا")
MISSILES_100 = Fact("count", "100", "", "صاروخ", "100")
MISSILES_300 = Fact("count", "300", "", "صاروخ", "300")
LAST_AUGUST = Fact("date", "2024-08", "", "", "أغسطس الماضي")
EVACUATED_12 = Fact("count", "12", "", "peopl", "12")
EVACUATED_40 = Fact("count", "40", "", "peopl", "40")
COST_4M = Fact("money", "4000000", "USD", "cost", "4 million")
COST_6M = Fact("money", "6000000", "USD", "cost", "$6 million")
# Normalised forms (attributions, claim texts), name keys and subject stems that must not
# appear in any export; the written forms ("صحيفة", "الصفقة", "people") must.
INTERNAL_FORMS = ["صحيفه", "الصفقه", "l strt", '"subject"']
STEM_RE = re.compile(r"صفق(?![ةه])|peopl(?!e)")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Stories:
    arabic: Story
    english: Story


def facts(*items: Fact) -> list[dict[str, str]]:
    return [f.as_dict() for f in items]


def quoting(claim: Claim, normalised: str, written: str) -> None:
    """Who the claim quotes, stored as the facts stage stores it."""
    Claim.objects.filter(pk=claim.pk).update(attribution=normalised, attribution_text=written)


def with_url(article: Article, url: str) -> None:
    Article.objects.filter(pk=article.pk).update(url=url)


def difference(a: Fact, b: Fact) -> FactDifference:
    return FactDifference(kind=a.kind, a=FactValue.of(a), b=FactValue.of(b))


def _arabic_story(day: dt.datetime) -> Story:
    story = story_create_for_test(title="صفقة أسلحة بين بوت والحوثيين", slug=ARABIC_SLUG)
    erem = outlet_create_for_test(name="Erem News", native_name="إرم نيوز")
    roayah = outlet_create_for_test(name="Roayah News")
    erem_article, (a1, a2, a3, a4, a5) = article_with_claims(
        story=story,
        outlet=erem,
        published_at=day,
        claims=[
            ("كشفت صحيفة وول ستريت جورنال عن صفقة أسلحة.", facts(WSJ)),
            ("قيمة الصفقة 10 ملايين دولار.", facts(TEN_MILLION)),
            "تفصيل لا يذكره أحد غيرنا.",
            FORMULA_CLAIM,
            ("قال الكرملين إن الشحنة تضم 100 صاروخ.", facts(MISSILES_100)),
        ],
    )
    roayah_article, (b1, b2, b3) = article_with_claims(
        story=story,
        outlet=roayah,
        published_at=day + dt.timedelta(days=1),
        claims=[
            ("ذكرت وول ستريت جورنال في أغسطس الماضي صفقة أسلحة.", facts(WSJ, LAST_AUGUST)),
            ("بلغت قيمة الصفقة من الدولارات 20 مليونا.", facts(TWENTY_MILLION)),
            ("وقالت الصحيفة إن الشحنة تضم 300 صاروخ.", facts(MISSILES_300)),
        ],
    )
    with_url(erem_article, EREM_URL)
    with_url(roayah_article, "https://roayah.example/news/2")
    quoting(a1, "صحيفه وول ستريت جورنال", "صحيفة وول ستريت جورنال")
    quoting(b1, "وول ستريت جورنال", "وول ستريت جورنال")
    quoting(a5, "كرملين", "الكرملين")
    quoting(b3, "صحيفه", "الصحيفة")
    link(
        a1,
        b1,
        relation=Relation.AGREEMENT,
        reason=Reason.SAME_FACTS,
        similarity=0.91234,
        details=RelationDetails(reason=Reason.SAME_FACTS, matched=(FactValue.of(WSJ),)),
    )
    link(
        a2,
        b2,
        relation=Relation.CONTRADICTION,
        reason=Reason.VALUE_MISMATCH,
        similarity=0.85,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH, differing=(difference(TEN_MILLION, TWENTY_MILLION),)
        ),
    )
    link(
        a5,
        b3,
        relation=Relation.DISPUTED,
        reason=Reason.VALUE_MISMATCH,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(difference(MISSILES_100, MISSILES_300),),
            source_a="الكرملين",
            source_b="الصحيفة",
        ),
    )
    return story


def _english_story(day: dt.datetime) -> Story:
    story = story_create_for_test(title="Flooding closes the coastal road", slug="coast-flood")
    coast = outlet_create_for_test(name="Coast Daily", language=Language.ENGLISH)
    harbour = outlet_create_for_test(name="Harbour Herald", language=Language.ENGLISH)
    _, (c1, c2, c3) = article_with_claims(
        story=story,
        outlet=coast,
        published_at=day + dt.timedelta(days=30),
        claims=[
            "Flooding closed the coastal road on Monday.",
            ("Officials said 12 people were evacuated.", facts(EVACUATED_12)),
            ("The repairs will cost 4 million.", facts(COST_4M)),
        ],
    )
    _, (d1, d2, d3, d4) = article_with_claims(
        story=story,
        outlet=harbour,
        published_at=day + dt.timedelta(days=31),
        claims=[
            "The coastal road was closed by floods on Monday.",
            ("Officials said 40 people have now been evacuated.", facts(EVACUATED_40)),
            ("Repairs are expected to cost $6 million.", facts(COST_6M)),
            ("A second bridge was closed last August.", facts(LAST_AUGUST)),
        ],
    )
    quoting(c2, "officials", "Officials")
    link(c1, d1, relation=Relation.AGREEMENT, reason=Reason.PARAPHRASE, details=None)
    link(
        c2,
        d2,
        relation=Relation.UPDATED,
        reason=Reason.FIGURE_UPDATED,
        details=RelationDetails(
            reason=Reason.FIGURE_UPDATED,
            differing=(difference(EVACUATED_12, EVACUATED_40),),
            published_a=dt.date(2024, 11, 6),
            published_b=dt.date(2024, 11, 7),
        ),
    )
    link(
        c3,
        d3,
        relation=Relation.CONTRADICTION,
        reason=Reason.VALUE_MISMATCH,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH, differing=(difference(COST_4M, COST_6M),)
        ),
    )
    return story


@pytest.fixture
def stories(db) -> Stories:
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 12, 0))
    arabic, english = _arabic_story(day), _english_story(day)
    for story in (arabic, english):
        story_verdicts_store(story=story)
    return Stories(arabic=arabic, english=english)


@pytest.fixture
def researcher(db) -> Client:
    client = Client()
    client.force_login(user_create_for_test(username="researcher", role="Researcher"))
    return client


def download(client: Client, name: str, **kwargs: str) -> tuple[Any, bytes]:
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def assert_public(text: str) -> None:
    """No normalised attribution, name key or stem anywhere in an export."""
    for internal in INTERNAL_FORMS:
        assert internal not in text
    assert not STEM_RE.search(text)
    assert "صحيفة" in text or "people" in text


def iso(article: Article) -> str:
    return article.published_at.isoformat() if article.published_at else ""


def fact_columns(d: FactDifference) -> list[str]:
    return [d.kind, d.a.text, d.a.value, d.a.unit, d.b.text, d.b.value, d.b.unit]


def expected_rows(story: Story) -> list[list[str]]:
    """What the CSV must hold, built straight from the DB (not through exports)."""
    rows = []
    for lk in ClaimLink.objects.filter(story=story).order_by("claim_a_id", "claim_b_id"):
        with translation.override("en"):
            sentence = link_sentence(lk.relation, lk.relation_details)
        columns = [
            story.slug,
            "link",
            lk.relation,
            lk.reason,
            str(round(lk.similarity, 4)),
            str(round(lk.score, 4)),
            sentence,
            lk.article_a.outlet.name,
            str(lk.article_a_id),
            str(lk.claim_a_id),
            lk.claim_a.text,
            lk.claim_a.status,
            lk.article_b.outlet.name,
            str(lk.article_b_id),
            str(lk.claim_b_id),
            lk.claim_b.text,
            lk.claim_b.status,
            lk.review,
            _newest_note(lk),
            lk.article_a.url,
            iso(lk.article_a),
            lk.article_b.url,
            iso(lk.article_b),
        ]
        rows.append(columns + [""] * 7)
        for d in lk.relation_details.differing:
            rows.append([story.slug, "difference", *columns[2:], *fact_columns(d)])
    only_here = Claim.objects.filter(article__story=story, status=ClaimStatus.ONLY_HERE)
    for claim in only_here.order_by("article_id", "position"):
        rows.append(
            [story.slug, "unique", "only_here", "only_here", "", ""]
            + ["Only this outlet reports this claim."]
            + [claim.article.outlet.name, str(claim.article_id), str(claim.pk), claim.text]
            + ["only_here"]
            + [""] * 7
            + [claim.article.url, iso(claim.article)]
            + [""] * 9
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
    """The CSV's guard against formulas: a ' before = + - @, but not before a plain number."""
    return [
        "'" + v if v[:1] in ("=", "+", "-", "@") and not PLAIN_NUMBER.fullmatch(v) else v
        for v in row
    ]


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


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
    rows = csv_rows(body)
    assert rows[0] == exports.CSV_COLUMNS
    assert rows[1:] == [neutralised(row) for row in expected_rows(stories.arabic)]
    assert [r[1] for r in rows[1:]].count("link") == 3
    # Unique rows are the claims whose stored status is "only here", no more, no less.
    unique = [int(r[9]) for r in rows[1:] if r[1] == "unique"]
    assert unique == list(
        Claim.objects.filter(article__story=stories.arabic, status="only_here")
        .order_by("article_id", "position")
        .values_list("pk", flat=True)
    )
    assert len(unique) == stories.arabic.only_here_count == 2
    # The formula claim is text, never a formula.
    assert ["'" + FORMULA_CLAIM] == [r[10] for r in rows[1:] if FORMULA_CLAIM in r[10]]


def test_csv_says_why_with_the_values_as_written(researcher: Client, stories: Stories) -> None:
    _, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    text = body.decode("utf-8-sig")
    assert_public(text)
    by_relation = {r["relation"]: r for r in csv.DictReader(io.StringIO(text))}
    contradiction = by_relation["contradiction"]
    assert contradiction["reason"] == "value_mismatch"
    assert contradiction["explanation"] == (
        "Same quantity, different values (money: 10 ملايين دولار vs 20 مليونا (USD))."
    )
    assert (contradiction["claim_a_status"], contradiction["claim_b_status"]) == (
        "contradicted",
        "contradicted",
    )
    disputed = by_relation["disputed"]
    assert disputed["explanation"] == (
        "Sources disagree: الكرملين and الصحيفة give conflicting accounts; the outlets report "
        "both. Same quantity, different values (count: 100 vs 300)."
    )
    assert disputed["claim_a_status"] == "disputed"
    assert by_relation["agreement"]["explanation"] == "Both claims report the same facts."

    _, body = download(researcher, "story_download", slug="coast-flood", fmt="csv")
    text = body.decode("utf-8-sig")
    assert_public(text)
    by_relation = {r["relation"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_relation["updated"]["reason"] == "figure_updated"
    assert by_relation["updated"]["explanation"] == (
        "The figure changed between the publication dates, Nov. 6, 2024 and Nov. 7, 2024 "
        "(count: 12, then 40)."
    )
    assert by_relation["contradiction"]["explanation"] == (
        "Same quantity, different values (money: 4 million (USD) vs $6 million)."
    )
    assert by_relation["agreement"]["reason"] == "paraphrase"
    assert by_relation["only_here"]["claim_a_text"] == "A second bridge was closed last August."


def test_csv_is_english_whatever_the_readers_language(researcher: Client, stories: Stories) -> None:
    researcher.cookies["django_language"] = "ar"
    _, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert "Same quantity, different values" in {r["explanation"].split(" (")[0] for r in rows}


def test_bulk_csv_filters_by_date_range_and_query(researcher: Client, stories: Stories) -> None:
    url = reverse("stories_download", kwargs={"fmt": "csv"})

    def story_slugs(params: dict[str, str]) -> set[str]:
        response = researcher.get(url, params)
        assert response.status_code == 200
        return {row[0] for row in csv_rows(b"".join(response.streaming_content))[1:]}

    assert story_slugs({}) == {ARABIC_SLUG, "coast-flood"}
    assert story_slugs({"date_from": "2024-10-01", "date_to": "2024-10-31"}) == {ARABIC_SLUG}
    assert story_slugs({"date_from": "2024-11-01"}) == {"coast-flood"}
    # The search finds Arabic as people type it: without hamza.
    assert story_slugs({"q": "اسلحة"}) == {ARABIC_SLUG}
    assert story_slugs({"q": "coastal"}) == {"coast-flood"}
    assert story_slugs({"slugs": f"coast-flood, {ARABIC_SLUG}"}) == {ARABIC_SLUG, "coast-flood"}
    assert story_slugs({"slugs": "coast-flood"}) == {"coast-flood"}
    assert story_slugs({"q": "nothing like this"}) == set()
    response = researcher.get(url, {"date_from": "2024-12-01", "date_to": "2024-01-01"})
    assert response.status_code == 400


def test_bulk_csv_lists_stories_oldest_first(researcher: Client, stories: Stories) -> None:
    response = researcher.get(reverse("stories_download", kwargs={"fmt": "csv"}))
    slugs = [row[0] for row in csv_rows(b"".join(response.streaming_content))[1:]]
    assert slugs == sorted(slugs, key=[ARABIC_SLUG, "coast-flood"].index)


def test_csv_streams_in_a_bounded_number_of_queries(
    researcher: Client, stories: Stories, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(12):
        response = researcher.get(reverse("stories_download", kwargs={"fmt": "csv"}))
        b"".join(response.streaming_content)


# --- XLSX --------------------------------------------------------------------------


def read_xlsx(body: bytes) -> Any:
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
    assert ws.column_dimensions["K"].width == exports.XLSX_COLUMN_WIDTHS["claim_a_text"]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    assert rows[0] == exports.CSV_COLUMNS
    assert ws["A1"].font.bold
    assert [[as_text(v) for v in row] for row in rows[1:]] == expected_rows(stories.arabic)
    assert_public(json.dumps(rows, ensure_ascii=False))
    # Numbers stay numbers; the formula claim is stored as text, exactly as written.
    assert isinstance(rows[1][4], float) and isinstance(rows[1][9], int)
    formula_cells = [c for row in ws.iter_rows() for c in row if c.value == FORMULA_CLAIM]
    assert len(formula_cells) == 1 and formula_cells[0].data_type == "s"


def test_english_xlsx_is_left_to_right(researcher: Client, stories: Stories) -> None:
    _, body = download(researcher, "story_download", slug="coast-flood", fmt="xlsx")
    ws = read_xlsx(body)
    assert not ws.sheet_view.rightToLeft
    assert ws.freeze_panes == "A2"
    rows = [[as_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    assert rows[1:] == expected_rows(stories.english)


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

STORY_KEYS = ["slug", "title", "counts", "articles", "claims", "links", "differences"]
COUNT_KEYS = {
    "article_count", "agreement_count", "contradiction_count", "disputed_count",
    "updated_count", "only_here_count", "dismissed_count",
}  # fmt: skip
ARTICLE_KEYS = {"id", "outlet", "title", "url", "published_at", "language", "copy_of"}
CLAIM_KEYS = {
    "id", "article_id", "position", "text", "start", "end", "attribution", "facts", "status",
    "agreed_outlets", "contradicted_outlets", "disputed_outlets", "updated_outlets",
    "article_url", "article_published_at",
}  # fmt: skip
LINK_KEYS = {
    "claim_a", "claim_b", "relation", "reason", "explanation", "details", "similarity",
    "score", "engine_version", "human_label", "human_note",
    "outlet_a", "article_a", "article_a_url", "article_a_published_at",
    "outlet_b", "article_b", "article_b_url", "article_b_published_at",
}  # fmt: skip
DETAILS_KEYS = {
    "reason", "matched", "differing", "distinct", "source_a", "source_b", "published_a",
    "published_b", "similarity", "model_probability", "first",
}  # fmt: skip


def articles_of(lk: ClaimLink) -> dict[str, Any]:
    """A link's two articles as JSON links and differences give them, from the DB."""
    a, b = lk.article_a, lk.article_b
    return {
        "outlet_a": a.outlet.name,
        "article_a": a.pk,
        "article_a_url": a.url,
        "article_a_published_at": iso(a) or None,
        "outlet_b": b.outlet.name,
        "article_b": b.pk,
        "article_b_url": b.url,
        "article_b_published_at": iso(b) or None,
    }


def expected_differences(stored: Story) -> list[dict[str, Any]]:
    """A story's "differences", built straight from the DB: one per differing fact."""
    rows = []
    for lk in ClaimLink.objects.filter(story=stored).order_by("claim_a_id", "claim_b_id"):
        for d in lk.relation_details.differing:
            rows.append(
                {
                    "claim_a": lk.claim_a_id,
                    "claim_b": lk.claim_b_id,
                    "relation": lk.relation,
                    "reason": lk.reason,
                    **dict(zip(exports.FACT_COLUMNS, fact_columns(d), strict=True)),
                    **articles_of(lk),
                }
            )
    return rows


def assert_story_document(story: dict[str, Any], stored: Story) -> None:
    """The documented shape, the stored counts and verdicts, and public values only."""
    stored.refresh_from_db()
    assert list(story) == STORY_KEYS
    assert (story["slug"], story["title"]) == (stored.slug, stored.title)
    assert story["counts"] == {key: getattr(stored, key) for key in COUNT_KEYS}
    assert all(set(a) == ARTICLE_KEYS for a in story["articles"])
    claims = {c.pk: c for c in Claim.objects.filter(article__story=stored)}
    assert [c["id"] for c in story["claims"]] == sorted(
        claims, key=lambda pk: (claims[pk].article_id, claims[pk].position)
    )
    for exported in story["claims"]:
        claim = claims[exported["id"]]
        assert set(exported) == CLAIM_KEYS
        assert exported["status"] == claim.status
        assert exported["attribution"] == claim.attribution_text
        assert (exported["agreed_outlets"], exported["contradicted_outlets"]) == (
            claim.agreed_outlets,
            claim.contradicted_outlets,
        )
        assert exported["facts"] == [
            FactValue.of(Fact.from_dict(row)).to_json() for row in claim.facts
        ]
        assert (exported["article_url"], exported["article_published_at"]) == (
            claim.article.url,
            iso(claim.article) or None,
        )
    links = {(lk.claim_a_id, lk.claim_b_id): lk for lk in ClaimLink.objects.filter(story=stored)}
    assert len(story["links"]) == len(links)
    for exported in story["links"]:
        lk = links[(exported["claim_a"], exported["claim_b"])]
        assert set(exported) == LINK_KEYS and set(exported["details"]) == DETAILS_KEYS
        assert (exported["relation"], exported["reason"]) == (lk.relation, lk.reason)
        assert exported["details"] == lk.relation_details.to_json()
        with translation.override("en"):
            assert exported["explanation"] == link_sentence(lk.relation, lk.relation_details)
        assert {key: exported[key] for key in articles_of(lk)} == articles_of(lk)
    assert story["differences"] == expected_differences(stored)
    assert_public(json.dumps(story, ensure_ascii=False))


def test_json_api_for_an_arabic_story(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_api", slug=ARABIC_SLUG)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/json"
    document = json.loads(body)
    assert list(document) == ["stories"]
    (story,) = document["stories"]
    assert_story_document(story, stories.arabic)
    assert story["counts"] == {
        "article_count": 2,
        "agreement_count": 1,
        "contradiction_count": 1,
        "disputed_count": 1,
        "updated_count": 0,
        "only_here_count": 2,
        "dismissed_count": 0,
    }
    # Arabic is written as is, not \\u-escaped; the formula claim is untouched in JSON.
    assert "صفقة".encode() in body and FORMULA_CLAIM in {c["text"] for c in story["claims"]}
    # Attribution as written, not normalised.
    assert {c["attribution"] for c in story["claims"]} == {
        "",
        "صحيفة وول ستريت جورنال",
        "وول ستريت جورنال",
        "الكرملين",
        "الصحيفة",
    }
    # Facts in their public form: a name's words, not its key; the date and its text.
    facts_of = {c["text"]: c["facts"] for c in story["claims"]}
    assert facts_of["ذكرت وول ستريت جورنال في أغسطس الماضي صفقة أسلحة."] == [
        {"kind": "entity", "value": "وول ستريت جورنال", "unit": "", "text": "وول ستريت جورنال"},
        {"kind": "date", "value": "2024-08", "unit": "", "text": "أغسطس الماضي"},
    ]
    contradiction = next(x for x in story["links"] if x["relation"] == "contradiction")
    assert contradiction["details"]["differing"] == [
        {
            "kind": "money",
            "a": {"kind": "money", "value": "10000000", "unit": "USD", "text": "10 ملايين دولار"},
            "b": {"kind": "money", "value": "20000000", "unit": "USD", "text": "20 مليونا"},
        }
    ]
    disputed = next(x for x in story["links"] if x["relation"] == "disputed")
    assert (disputed["details"]["source_a"], disputed["details"]["source_b"]) == (
        "الكرملين",
        "الصحيفة",
    )
    assert document == {"stories": [exports.story_export_data(stories.arabic)]}


def test_json_download_for_an_english_story(researcher: Client, stories: Stories) -> None:
    response, body = download(researcher, "story_download", slug="coast-flood", fmt="json")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="newsdiff-coast-flood.json"'
    document = json.loads(body)
    assert document == {"stories": [exports.story_export_data(stories.english)]}
    (story,) = document["stories"]
    assert_story_document(story, stories.english)
    assert story["counts"]["updated_count"] == 1 and story["counts"]["only_here_count"] == 1
    updated = next(x for x in story["links"] if x["relation"] == "updated")
    assert updated["reason"] == "figure_updated"
    assert (updated["details"]["published_a"], updated["details"]["published_b"]) == (
        "2024-11-06",
        "2024-11-07",
    )
    assert updated["explanation"] == (
        "The figure changed between the publication dates, Nov. 6, 2024 and Nov. 7, 2024 "
        "(count: 12, then 40)."
    )
    statuses = {c["text"]: c["status"] for c in story["claims"]}
    assert statuses["Officials said 12 people were evacuated."] == "updated"
    assert statuses["A second bridge was closed last August."] == "only_here"


def test_bulk_json_holds_every_story(
    researcher: Client, stories: Stories, django_assert_max_num_queries
) -> None:
    # Session and user, the stories, then per story a fixed few (articles, claims, the
    # reviews' notes, links, differences), whatever the stories' sizes.
    with django_assert_max_num_queries(15):
        response = researcher.get(reverse("stories_download", kwargs={"fmt": "json"}))
        body = b"".join(response.streaming_content)
    document = json.loads(body)
    assert [s["slug"] for s in document["stories"]] == [ARABIC_SLUG, "coast-flood"]
    assert_story_document(document["stories"][0], stories.arabic)
    assert_story_document(document["stories"][1], stories.english)


def test_streamed_json_is_the_same_text_as_json_dumps(stories: Stories, monkeypatch) -> None:
    # Chunk boundaries must not change the text: force several chunks per story.
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    for story in (stories.arabic, stories.english):
        streamed = "".join(exports.story_json_chunks(story))
        assert streamed == json.dumps(exports.story_export_data(story), ensure_ascii=False)
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


# --- Editors' decisions ------------------------------------------------------------


def test_a_dismissed_link_is_exported_and_its_claims_become_only_here(
    researcher: Client, stories: Stories
) -> None:
    agreement = ClaimLink.objects.get(story=stories.arabic, relation=Relation.AGREEMENT)
    link_review(link=agreement, decision="confirmed", note="أولى")
    link_review(link=agreement, decision="dismissed", note="ليست الصفقة نفسها")
    stories.arabic.refresh_from_db()
    assert (stories.arabic.dismissed_count, stories.arabic.only_here_count) == (1, 4)

    _, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["row_type"] == "link" and r["relation"] == "agreement"]
    assert (row["human_label"], row["human_note"]) == ("dismissed", "ليست الصفقة نفسها")
    assert row["claim_a_status"] == row["claim_b_status"] == "only_here"
    unique = {int(r["claim_a_id"]) for r in rows if r["row_type"] == "unique"}
    assert {agreement.claim_a_id, agreement.claim_b_id} <= unique and len(unique) == 4

    _, body = download(researcher, "story_api", slug=ARABIC_SLUG)
    (story,) = json.loads(body)["stories"]
    assert story["counts"]["dismissed_count"] == 1
    (exported,) = [x for x in story["links"] if x["relation"] == "agreement"]
    assert (exported["human_label"], exported["human_note"]) == ("dismissed", "ليست الصفقة نفسها")
    assert_story_document(story, stories.arabic)


# --- For researchers: each article's URL and date, the facts that differ -------------

PORT_SLUG = "port-strike"
PORT_URL = "https://quay.example/2025/03/strike?id=7"
PORT_PUBLISHED = "2025-03-04T08:30:00+00:00"
# The columns of the first exports, which scripts already read: they stay first, in order.
FIRST_COLUMNS = [
    "story", "row_type", "relation", "reason", "similarity", "score", "explanation",
    "outlet_a", "article_a_id", "claim_a_id", "claim_a_text", "claim_a_status",
    "outlet_b", "article_b_id", "claim_b_id", "claim_b_text", "claim_b_status",
    "human_label", "human_note",
]  # fmt: skip
ADDED_COLUMNS = [
    "article_a_url", "article_a_published_at", "article_b_url", "article_b_published_at",
    "fact", "value_a_written", "value_a", "unit_a", "value_b_written", "value_b", "unit_b",
]  # fmt: skip
THREE_DAYS = Fact("duration", "3", "day", "strik", "three-day")
FIVE_DAYS = Fact("duration", "5", "day", "strik", "five days")
MARCH_4 = Fact("date", "2025-03-04", "", "", "4 March")
MARCH_6 = Fact("date", "2025-03-06", "", "", "6 March")
# A name as written that a spreadsheet would run as a formula.
FORMULA_NAME = "=SUM(1,2)"
CALLED_BY_FORMULA = Fact("entity", "sum 1 2", "", "", FORMULA_NAME)
HARBOUR_BOARD = Fact("entity", "harbour board", "", "", "the Harbour Board")
TRADE_DOWN_2_5 = Fact("percent", "-2.5", "%", "trade", "-2.5%")
TRADE_DOWN_4 = Fact("percent", "-4", "%", "trade", "-4%")


@pytest.fixture
def port(db) -> Story:
    """A story of two short articles, the second without URL or publication date, whose
    links differ in two facts, in a name written as a formula, and in negative numbers."""
    story = story_create_for_test(title="Dockers strike at the port", slug=PORT_SLUG)
    quay = outlet_create_for_test(name="Quay Times", language=Language.ENGLISH)
    wharf = outlet_create_for_test(name="Wharf Weekly", language=Language.ENGLISH)
    first, (c1, c2, c3) = article_with_claims(
        story=story,
        outlet=quay,
        published_at=dt.datetime.fromisoformat(PORT_PUBLISHED),
        claims=[
            ("Dockers began a three-day strike on 4 March.", facts(THREE_DAYS, MARCH_4)),
            (f"300 people joined a strike called by {FORMULA_NAME}.", facts(CALLED_BY_FORMULA)),
            ("Trade through the port changed by -2.5% in a week.", facts(TRADE_DOWN_2_5)),
        ],
    )
    second, (d1, d2, d3) = article_with_claims(
        story=story,
        outlet=wharf,
        claims=[
            ("Dockers began a strike of five days on 6 March.", facts(FIVE_DAYS, MARCH_6)),
            ("The Harbour Board called the strike.", facts(HARBOUR_BOARD)),
            ("Trade through the port has now changed by -4%.", facts(TRADE_DOWN_4)),
        ],
    )
    with_url(first, PORT_URL)
    Article.objects.filter(pk=second.pk).update(url="", published_at=None)
    link(
        c1,
        d1,
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(difference(THREE_DAYS, FIVE_DAYS), difference(MARCH_4, MARCH_6)),
        ),
    )
    link(
        c2,
        d2,
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.ENTITY_SUBSTITUTION,
            differing=(difference(CALLED_BY_FORMULA, HARBOUR_BOARD),),
        ),
    )
    link(
        c3,
        d3,
        relation=Relation.UPDATED,
        details=RelationDetails(
            reason=Reason.FIGURE_UPDATED, differing=(difference(TRADE_DOWN_2_5, TRADE_DOWN_4),)
        ),
    )
    story_verdicts_store(story=story)
    return story


def fact_cells(row: dict[str, str]) -> list[str]:
    return [row[column] for column in exports.FACT_COLUMNS]


def test_new_columns_come_after_the_first_ones() -> None:
    assert exports.CSV_COLUMNS == FIRST_COLUMNS + ADDED_COLUMNS
    assert exports.FACT_COLUMNS == ADDED_COLUMNS[4:]
    assert set(exports.XLSX_COLUMN_WIDTHS) == set(exports.CSV_COLUMNS)


def test_csv_carries_urls_dates_and_the_facts_that_differ(researcher: Client, port: Story) -> None:
    # Headers are fixed codes whatever the reader's language.
    researcher.cookies["django_language"] = "ar"
    _, body = download(researcher, "story_download", slug=PORT_SLUG, fmt="csv")
    assert body.startswith(b"\xef\xbb\xbf")
    assert csv_rows(body)[1:] == [neutralised(row) for row in expected_rows(port)]
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0]) == exports.CSV_COLUMNS
    # Each link row is followed by one row per fact its claims give differently.
    assert [r["row_type"] for r in rows] == [
        "link", "difference", "difference", "link", "difference", "link", "difference",
    ]  # fmt: skip
    strike = rows[0]
    assert (strike["relation"], strike["reason"]) == ("contradiction", "value_mismatch")
    assert (strike["article_a_url"], strike["article_a_published_at"]) == (PORT_URL, PORT_PUBLISHED)
    # The second article has neither: empty cells.
    assert (strike["article_b_url"], strike["article_b_published_at"]) == ("", "")
    assert fact_cells(strike) == [""] * 7
    assert [fact_cells(r) for r in rows[1:3]] == [
        ["duration", "three-day", "3", "day", "five days", "5", "day"],
        ["date", "4 March", "2025-03-04", "", "6 March", "2025-03-06", ""],
    ]
    # A difference row repeats its link's columns, so it stands on its own.
    for row in rows[1:3]:
        assert {k: v for k, v in row.items() if k not in {"row_type", *exports.FACT_COLUMNS}} == {
            k: v for k, v in strike.items() if k not in {"row_type", *exports.FACT_COLUMNS}
        }
    # A value that would run as a formula is text; a negative number stays a number.
    assert fact_cells(rows[4]) == [
        "entity", "'" + FORMULA_NAME, "'" + FORMULA_NAME, "", "the Harbour Board",
        "the Harbour Board", "",
    ]  # fmt: skip
    assert rows[4]["reason"] == "entity_substitution"
    assert fact_cells(rows[6]) == ["percent", "'-2.5%", "-2.5", "%", "'-4%", "-4", "%"]
    assert (rows[6]["relation"], rows[6]["reason"]) == ("updated", "figure_updated")


def test_unique_rows_carry_their_articles_url_and_date(
    researcher: Client, stories: Stories
) -> None:
    _, body = download(researcher, "story_download", slug=ARABIC_SLUG, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    unique = [r for r in rows if r["row_type"] == "unique"]
    assert unique and all(
        (r["article_a_url"], r["article_a_published_at"]) == (EREM_URL, "2024-10-07T12:00:00+00:00")
        for r in unique
    )
    assert {(r["article_b_url"], r["article_b_published_at"], r["fact"]) for r in unique} == {
        ("", "", "")
    }
    links = [r for r in rows if r["row_type"] == "link"]
    assert {r["article_b_published_at"] for r in links} == {"2024-10-08T12:00:00+00:00"}
    assert [fact_cells(r) for r in rows if r["row_type"] == "difference"] == [
        ["money", "10 ملايين دولار", "10000000", "USD", "20 مليونا", "20000000", "USD"],
        ["count", "100", "100", "", "300", "300", ""],
    ]


def test_xlsx_carries_urls_dates_and_the_facts_that_differ(researcher: Client, port: Story) -> None:
    _, body = download(researcher, "story_download", slug=PORT_SLUG, fmt="xlsx")
    ws = read_xlsx(body)
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    assert rows[0] == exports.CSV_COLUMNS
    assert [[as_text(v) for v in row] for row in rows[1:]] == expected_rows(port)
    assert ws.column_dimensions["T"].width == exports.XLSX_COLUMN_WIDTHS["article_a_url"]
    strike = dict(zip(exports.CSV_COLUMNS, rows[2], strict=True))
    assert strike["row_type"] == "difference"
    assert (strike["article_a_url"], strike["article_a_published_at"]) == (PORT_URL, PORT_PUBLISHED)
    # The name written as a formula is a text cell, exactly as written (no ' in XLSX).
    formula_cells = [c for row in ws.iter_rows() for c in row if c.value == FORMULA_NAME]
    assert len(formula_cells) == 2 and {c.data_type for c in formula_cells} == {"s"}


def test_json_differences_table(researcher: Client, port: Story) -> None:
    _, body = download(researcher, "story_download", slug=PORT_SLUG, fmt="json")
    document = json.loads(body)
    assert document == {"stories": [exports.story_export_data(port)]}
    (story,) = document["stories"]
    assert_story_document(story, port)
    first, second = Article.objects.filter(story=port).order_by("id").values_list("id", flat=True)
    where = {
        "outlet_a": "Quay Times",
        "article_a": first,
        "article_a_url": PORT_URL,
        "article_a_published_at": PORT_PUBLISHED,
        "outlet_b": "Wharf Weekly",
        "article_b": second,
        "article_b_url": "",
        "article_b_published_at": None,
    }
    strike = story["links"][0]
    assert {key: strike[key] for key in where} == where
    assert [len(link["details"]["differing"]) for link in story["links"]] == [1 + 1, 1, 1]
    claim_a, claim_b = strike["claim_a"], strike["claim_b"]
    assert story["differences"][:2] == [
        {
            "claim_a": claim_a,
            "claim_b": claim_b,
            "relation": "contradiction",
            "reason": "value_mismatch",
            "fact": "duration",
            "value_a_written": "three-day",
            "value_a": "3",
            "unit_a": "day",
            "value_b_written": "five days",
            "value_b": "5",
            "unit_b": "day",
            **where,
        },
        {
            "claim_a": claim_a,
            "claim_b": claim_b,
            "relation": "contradiction",
            "reason": "value_mismatch",
            "fact": "date",
            "value_a_written": "4 March",
            "value_a": "2025-03-04",
            "unit_a": "",
            "value_b_written": "6 March",
            "value_b": "2025-03-06",
            "unit_b": "",
            **where,
        },
    ]
    # JSON is not a spreadsheet: values stay exactly as written.
    assert [(d["value_a"], d["value_b"]) for d in story["differences"][2:]] == [
        (FORMULA_NAME, "the Harbour Board"),
        ("-2.5", "-4"),
    ]
    claims = {c["text"]: c for c in story["claims"]}
    assert claims["The Harbour Board called the strike."]["article_url"] == ""
    assert claims["The Harbour Board called the strike."]["article_published_at"] is None
    assert claims["Dockers began a three-day strike on 4 March."]["article_published_at"] == (
        PORT_PUBLISHED
    )


def test_streamed_json_with_differences_is_json_dumps(port: Story, monkeypatch) -> None:
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    streamed = "".join(exports.story_json_chunks(port))
    assert streamed == json.dumps(exports.story_export_data(port), ensure_ascii=False)


def test_a_link_without_details_has_no_difference_rows(researcher: Client, port: Story) -> None:
    # Links stored before details existed hold {}: still a link row, no difference row.
    ClaimLink.objects.filter(story=port, reason="entity_substitution").update(details={})
    _, body = download(researcher, "story_download", slug=PORT_SLUG, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [r["row_type"] for r in rows] == [
        "link", "difference", "difference", "link", "link", "difference",
    ]  # fmt: skip
    story = exports.story_export_data(port)
    assert [d["fact"] for d in story["differences"]] == ["duration", "date", "percent"]


def test_formula_guard_leaves_plain_numbers() -> None:
    guarded = exports.neutralise_formula
    assert [guarded(v) for v in ("-2.5", "+3", "-4", "12")] == ["-2.5", "+3", "-4", "12"]
    assert [guarded(v) for v in ("=1+1", "-1+1", "+3%", "@SUM(A1)", "-", "\t1")] == [
        "'=1+1", "'-1+1", "'+3%", "'@SUM(A1)", "'-", "'\t1",
    ]  # fmt: skip
