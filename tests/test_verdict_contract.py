"""One verdict, one contract: every screen, count and export tells the same truth.

Stories are built the way production builds them (articles ingested through the services,
links drawn by the engine, an editor's review through the service), then the same numbers
are read from every place a person or a script sees them: the stored rows, the story list,
the story page and each of its tabs, the CSV, the XLSX, the JSON export and the API.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from dataclasses import asdict
from typing import Any

import openpyxl
import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse

from newsdiff import comparison, services
from newsdiff.models import Article, Claim, ClaimLink, LinkReview, Relation, ReviewDecision, Story
from newsdiff.pipeline.types import RelationDetails
from tests.builders import user_create_for_test

pytestmark = pytest.mark.django_db

# A flood story told by four outlets: the health ministry's toll (2,000, later 5,300) against
# the Red Crescent's (11,300), and a wire reprint of the first article.
COAST_DAILY = "\n".join(
    [
        "Floods swept through the eastern port city of Darna on Sunday night after two"
        " dams collapsed.",
        "The health ministry said 2,000 people were killed when the flood wave destroyed"
        " the eastern district bridges.",
        "Rescue teams from three neighbouring countries arrived at the port on Tuesday morning.",
        "The mayor said the old dams had not been repaired since 2002.",
    ]
)
HARBOUR_HERALD = "\n".join(
    [
        "Rescue teams from three neighbouring countries reached the port of Darna on"
        " Tuesday morning.",
        "The Red Crescent said 11,300 people were killed when the flood wave destroyed"
        " the eastern district bridges.",
        "Two dams collapsed on Sunday night and floods swept through the eastern port city.",
        "The old dams had not been repaired since 2002, the mayor said.",
        "A football match in the capital was postponed as a sign of mourning.",
    ]
)
LIBYA_OBSERVER = "\n".join(
    [
        "By Thursday the death toll had risen sharply in the flooded port city of Darna.",
        "The health ministry said 5,300 people were killed when the flood wave destroyed"
        " the eastern district bridges.",
        "Aid convoys from the capital were still stuck on the coastal road.",
        "The mayor said the old dams had not been repaired since 2002.",
    ]
)
# The same wire text as COAST_DAILY, reprinted with one sentence reworded.
WIRE_REPRINT = COAST_DAILY.replace("arrived at the port", "landed at the port")

ARTICLES = [
    ("Coast Daily", COAST_DAILY, dt.date(2023, 9, 12)),
    ("Harbour Herald", HARBOUR_HERALD, dt.date(2023, 9, 12)),
    ("Wire Reprint", WIRE_REPRINT, dt.date(2023, 9, 12)),
    ("Libya Observer", LIBYA_OBSERVER, dt.date(2023, 9, 14)),
]
COUNT_FIELDS = [f for f in asdict(comparison.StoryCounts()) if f != "dismissed_count"]


def _story() -> Story:
    for outlet, text, published in ARTICLES:
        services.article_ingest(
            raw_text=text, outlet_name=outlet, story_slug="darna-floods", published=published
        )
    return Story.objects.get(slug="darna-floods")


@pytest.fixture
def researcher_client() -> Client:
    client = Client()
    client.force_login(user_create_for_test(role="Admin"))
    return client


def _stored(story: Story) -> dict[str, int]:
    story.refresh_from_db()
    return {name: getattr(story, name) for name in asdict(comparison.StoryCounts())}


def _recomputed(story: Story) -> comparison.StoryVerdicts:
    """The rule run afresh on the stored rows: what was stored must be what it says."""
    return comparison.story_verdicts(
        articles=[
            comparison.ArticleNode(id=a.pk, outlet_id=a.outlet_id, copy_of_id=a.copy_of_id)
            for a in Article.objects.filter(story=story)
        ],
        claim_article=dict(
            Claim.objects.filter(article__story=story).values_list("id", "article_id")
        ),
        links=[
            comparison.LinkEdge(
                id=pk,
                claim_a_id=a,
                claim_b_id=b,
                relation=rel,
                review=review,
                score=score,
                differing=RelationDetails.from_json(details).differing,
            )
            for pk, a, b, rel, review, score, details in ClaimLink.objects.filter(
                story=story
            ).values_list(
                "id", "claim_a_id", "claim_b_id", "relation", "review", "score", "details"
            )
        ],
    )


_NUMBER_RE = re.compile(r"\d[\d,٬]*")


def _count_lines(html: str) -> dict[str, int]:
    """The count bar's numbers by kind: <li class="count count--KIND">... N words</li>."""
    found = {}
    for kind, body in re.findall(r'class="count count--([\w-]+)"[^>]*>(.*?)</li>', html, re.S):
        text = re.sub(r"<[^>]+>", " ", body)
        number = _NUMBER_RE.search(text)
        found[kind] = int(number.group().replace(",", "").replace("٬", "")) if number else 0
    return found


def _csv_rows(client: Client, slug: str) -> list[dict[str, str]]:
    response = client.get(reverse("story_download", kwargs={"slug": slug, "fmt": "csv"}))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _xlsx_rows(client: Client, slug: str) -> list[dict[str, Any]]:
    response = client.get(reverse("story_download", kwargs={"slug": slug, "fmt": "xlsx"}))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def _json(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    data = json.loads(b"".join(response.streaming_content))
    return data["stories"][0] if "stories" in data else data


def assert_one_truth(story: Story, client: Client) -> dict[str, int]:
    """Every place shows the stored counts and statuses; returns the stored counts."""
    stored = _stored(story)
    verdicts = _recomputed(story)
    assert asdict(verdicts.counts) == stored, "stored counts differ from the rule's"
    statuses = dict(Claim.objects.filter(article__story=story).values_list("id", "status"))
    assert statuses == {pk: v.status for pk, v in verdicts.claims.items()}
    links = list(ClaimLink.objects.filter(story=story))
    assert stored["dismissed_count"] == sum(
        1 for link in links if link.review == ReviewDecision.DISMISSED
    )

    # The story list: its row and its count bar.
    (row,) = [r for r in _story_list_rows() if r.slug == story.slug]
    for name in COUNT_FIELDS:
        assert getattr(row.counts, name) == stored[name], name
    page = client.get(reverse("story_list")).content.decode()
    assert _bar_matches(_count_lines(page), stored)

    # The story page: the count bar on every tab, and the tab that lists each count.
    for tab in ("columns", "agreements", "contradictions", "only-here", "matrix", "timeline"):
        html = client.get(story.get_absolute_url(), {"tab": tab}).content.decode()
        assert _bar_matches(_count_lines(html), stored), tab
        if tab == "agreements":
            assert html.count("group group--agreed") == stored["agreement_count"]
        if tab == "contradictions":
            assert html.count("group group--contradicted") == stored["contradiction_count"]
            assert html.count("group group--disputed") == stored["disputed_count"]
            assert html.count("group group--updated") == stored["updated_count"]
        if tab == "only-here":
            assert html.count("claim claim--only_here") == stored["only_here_count"]
        if tab == "matrix":
            # Each cell counts the pairs of claims two outlets relate, once from each side.
            for relation, css in MATRIX_CELLS.items():
                shown = sum(map(int, re.findall(rf'class="{css}">.*?</span> (\d+)', html)))
                assert shown == 2 * _independent_links(story, links, relation), relation

    # CSV and XLSX: one row per link, one per claim only one outlet reports.
    for rows in (_csv_rows(client, story.slug), _xlsx_rows(client, story.slug)):
        link_rows = [r for r in rows if r["row_type"] == "link"]
        unique_rows = [r for r in rows if r["row_type"] == "unique"]
        assert len(unique_rows) == stored["only_here_count"]
        assert Counter(r["relation"] for r in link_rows) == Counter(link.relation for link in links)
        assert sum(r["human_label"] == "dismissed" for r in link_rows) == stored["dismissed_count"]
        for r in link_rows:
            assert r["claim_a_status"] == statuses[int(r["claim_a_id"])]
            assert r["claim_b_status"] == statuses[int(r["claim_b_id"])]

    # JSON export and the API.
    for url in (
        reverse("story_download", kwargs={"slug": story.slug, "fmt": "json"}),
        reverse("story_api", kwargs={"slug": story.slug}),
    ):
        data = _json(client, url)
        assert data["counts"] == stored
        assert {c["id"]: c["status"] for c in data["claims"]} == statuses
        assert Counter(link["relation"] for link in data["links"]) == Counter(
            link.relation for link in links
        )
    return stored


# The matrix's figure for each relation (templates/newsdiff/story_detail.html).
MATRIX_CELLS = {
    Relation.AGREEMENT: "matrix__agree",
    Relation.CONTRADICTION: "matrix__contradict",
    Relation.DISPUTED: "matrix__dispute",
    Relation.UPDATED: "matrix__update",
}


def _independent_links(story: Story, links: list[ClaimLink], relation: str) -> int:
    """Links of one relation that count (not dismissed) between independent sources."""
    source_of = comparison.source_of_articles(
        comparison.ArticleNode(id=a.pk, outlet_id=a.outlet_id, copy_of_id=a.copy_of_id)
        for a in Article.objects.filter(story=story)
    )
    return sum(
        1
        for link in links
        if link.relation == relation
        and link.review != ReviewDecision.DISMISSED
        and source_of[link.article_a_id] != source_of[link.article_b_id]
    )


def _story_list_rows() -> list[Any]:
    from newsdiff import selectors

    return selectors.story_list_rows()


# The count bar's kinds (templates/newsdiff/_claim_counts.html) and the stored count each shows.
BAR_KINDS = {
    "agreed": "agreement_count",
    "contradicted": "contradiction_count",
    "disputed": "disputed_count",
    "updated": "updated_count",
    "only_here": "only_here_count",
    "dismissed": "dismissed_count",
}


def _bar_matches(bar: dict[str, int], stored: dict[str, int]) -> bool:
    for kind, name in BAR_KINDS.items():
        if bar.get(kind, 0) != stored[name]:
            raise AssertionError(f"count bar {kind}={bar.get(kind, 0)} but {name}={stored[name]}")
    return True


def test_dispute_update_and_wire_copy_tell_one_truth(researcher_client: Client) -> None:
    story = _story()
    stored = assert_one_truth(story, researcher_client)
    # The Red Crescent's toll against the ministry's is a dispute between sources; the
    # ministry's toll rising from 2,000 to 5,300 two days later is an update.
    assert stored["disputed_count"] >= 1 and stored["updated_count"] == 1
    assert stored["contradiction_count"] == 0
    html = researcher_client.get(story.get_absolute_url(), {"tab": "contradictions"})
    page = html.content.decode()
    assert "The Red Crescent" in page and "The health ministry" in page
    # The reprint is one source with the article it copies; nobody dismissed anything.
    reprint = Article.objects.get(outlet__name="Wire Reprint")
    assert reprint.copy_of is not None and reprint.copy_of.outlet.name == "Coast Daily"
    assert stored["dismissed_count"] == 0
    assert "dismissed" not in page.lower() or "0 links dismissed" not in page
    assert not LinkReview.objects.exists()
    listing = researcher_client.get(reverse("story_list")).content.decode()
    assert "dispute" in listing.lower()


def test_editor_dismissal_is_counted_from_reviews_only(researcher_client: Client) -> None:
    story = _story()
    before = assert_one_truth(story, researcher_client)
    disputed = ClaimLink.objects.filter(story=story, relation=Relation.DISPUTED).first()
    assert disputed is not None
    services.link_review(link=disputed, decision=ReviewDecision.DISMISSED, note="not the toll")
    after = assert_one_truth(story, researcher_client)
    assert after["dismissed_count"] == 1
    assert after["disputed_count"] <= before["disputed_count"]


def test_realign_keeps_the_one_truth(researcher_client: Client) -> None:
    story = _story()
    link = ClaimLink.objects.filter(story=story, relation=Relation.AGREEMENT).first()
    assert link is not None
    services.link_review(link=link, decision=ReviewDecision.DISMISSED)
    before = assert_one_truth(story, researcher_client)
    result = services.story_realign(story=story)
    after = assert_one_truth(story, researcher_client)
    assert asdict(result.counts) == after == before
    # The message after "Re-run the engine" says what the count bar says.
    response = researcher_client.post(reverse("story_realign", args=[story.slug]), follow=True)
    message = re.search(r"The engine re-ran: ([^<]*)", response.content.decode())
    assert message is not None
    assert _count_lines_of_message(message.group(1)) == [
        after[name]
        for name in (
            "agreement_count",
            "contradiction_count",
            "disputed_count",
            "updated_count",
            "only_here_count",
            "dismissed_count",
        )
    ]


def _count_lines_of_message(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in _NUMBER_RE.findall(text)]


def test_a_story_of_wire_copies_counts_one_source_and_no_dismissal(
    researcher_client: Client,
) -> None:
    """Five outlets reprint one wire text (two of them word for word): one source, so no
    agreement between outlets, and nothing is ever shown as dismissed by an editor."""
    outlets = ["Wire Service", "Reprint One", "Reprint Two", "Reprint Three", "Reprint Four"]
    for index, outlet in enumerate(outlets):
        text = COAST_DAILY if index < 3 else WIRE_REPRINT
        services.article_ingest(raw_text=text, outlet_name=outlet, story_slug="wire")
    story = Story.objects.get(slug="wire")
    assert story.articles.count() == 5
    originals = Article.objects.filter(story=story, copy_of__isnull=True)
    assert [a.outlet.name for a in originals] == ["Wire Service"]
    stored = assert_one_truth(story, researcher_client)
    assert stored["agreement_count"] == 0 and stored["dismissed_count"] == 0
    for tab in ("columns", "contradictions"):
        page = researcher_client.get(story.get_absolute_url(), {"tab": tab}).content.decode()
        assert "dismissed" not in page.lower()
    statuses = set(Claim.objects.filter(article__story=story).values_list("status", flat=True))
    assert statuses == {"copied"}


# One article quoting two seismic agencies that disagree on the depth, and another outlet.
QUAKE_GAZETTE = "\n".join(
    [
        "A strong earthquake struck the mountain province of Varnia on Friday night.",
        "The European monitoring institute said the tremor's focus lay 18 kilometres deep.",
        "The national seismic agency said the tremor's focus lay 8 kilometres deep.",
        "Hundreds of families spent the night outside in the old town of Varnia.",
    ]
)
VALLEY_POST = "\n".join(
    [
        "A strong earthquake struck the mountain province of Varnia late on Friday night.",
        "Hundreds of families spent the night outside in the old town of Varnia.",
    ]
)


def test_a_dispute_one_article_reports_tells_one_truth(researcher_client: Client) -> None:
    for outlet, text in (("Quake Gazette", QUAKE_GAZETTE), ("Valley Post", VALLEY_POST)):
        services.article_ingest(
            raw_text=text, outlet_name=outlet, story_slug="varnia", published=dt.date(2024, 3, 1)
        )
    story = Story.objects.get(slug="varnia")
    (inner,) = ClaimLink.objects.filter(story=story, article_a=F("article_b"))
    assert inner.relation == Relation.DISPUTED and inner.article_a.outlet.name == "Quake Gazette"
    stored = assert_one_truth(story, researcher_client)
    assert stored["disputed_count"] == 1 and stored["contradiction_count"] == 0
    page = researcher_client.get(story.get_absolute_url(), {"tab": "contradictions"})
    text = page.content.decode()
    assert "The European monitoring institute" in text and "The national seismic agency" in text
    # A full realignment draws it again, under the same id.
    services.story_realign(story=story)
    assert ClaimLink.objects.get(story=story, article_a=F("article_b")).pk == inner.pk
    assert_one_truth(story, researcher_client)
