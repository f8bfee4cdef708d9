"""The claims each process keeps in memory (services.claims_kept): the next article of a story
reads only its own claims from the database, and what is kept is never stale. So with the
verdicts' inputs (services.verdicts_kept): the claims and links of a story read again only
for what is new since the process last stored its verdicts."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.http import HttpRequest
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from newsdiff import services
from newsdiff.admin import ClaimAdmin
from newsdiff.comparison import LinkEdge
from newsdiff.models import Article, Claim, ClaimLink, ReviewDecision, Story
from newsdiff.pipeline.encode import encoder_get
from newsdiff.pipeline.types import ClaimDraft
from newsdiff.services import (
    article_ingest,
    claims_kept,
    story_realign,
    story_verdicts_store,
    verdicts_kept,
)

pytestmark = pytest.mark.django_db

Commits = Callable[..., AbstractContextManager[Any]]

HARBOUR_A = """Fire broke out in a grain warehouse at the northern harbour on Friday night.
Firefighters said 40 crews fought the blaze for six hours before it was contained.
The port authority closed two berths and diverted 9 ships to the southern terminal.
No one was hurt, according to the civil defence."""

HARBOUR_B = """A fire at a grain warehouse in the northern harbour was contained after six hours.
The port authority diverted 9 ships to the southern terminal and closed two berths.
The civil defence said 40 crews were sent to fight the blaze.
Insurers expect the losses to run into millions."""

HARBOUR_C = """Forty crews fought a fire in a grain warehouse at the northern harbour on Friday.
The blaze was contained after six hours, firefighters said.
Nine ships were diverted to the southern terminal while two berths stayed closed."""


def _claim_reads(queries: CaptureQueriesContext) -> list[str]:
    """The queries that read stored claims as the pipeline sees them (with their vectors)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "newsdiff_claim"' in q["sql"] and '"vector"' in q["sql"]
    ]


def _links() -> list[tuple[int, int, str, float]]:
    return sorted(ClaimLink.objects.values_list("claim_a", "claim_b", "relation", "score"))


def _one_article_kept(commits: Commits) -> Article:
    """HARBOUR_A ingested into the story "fire", its claims kept (its transaction committed)."""
    with commits(execute=True):
        return article_ingest(
            raw_text=HARBOUR_A, outlet_name="Port News", story_slug="fire"
        ).article


def _admin_request(user: Any) -> HttpRequest:
    request = RequestFactory().post("/")
    request.user = user
    return request


def _kept(article: Article) -> services._KeptClaims | None:
    article.refresh_from_db()
    return claims_kept.get(article.pk, services._kept_key(article, encoder_get()))


def test_the_next_article_reads_only_its_own_claims_and_links_as_before(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = article_ingest(raw_text=HARBOUR_A, outlet_name="Port News", story_slug="fire")
        second = article_ingest(raw_text=HARBOUR_B, outlet_name="Dock Times", story_slug="fire")
    assert _kept(first.article) is not None and _kept(second.article) is not None
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        third = article_ingest(raw_text=HARBOUR_C, outlet_name="Bay Wire", story_slug="fire")
    reads = _claim_reads(queries)
    assert len(reads) == 1 and f"IN ({third.article.pk})" in reads[0], reads
    incremental = _links()
    # The same links from the database alone: nothing kept, the story realigned whole.
    claims_kept.clear()
    story_realign(story=Story.objects.get(slug="fire"))
    assert _links() == incremental


def test_a_realignment_with_every_claim_kept_reads_none_and_draws_the_same_links(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for text, outlet in ((HARBOUR_A, "Port News"), (HARBOUR_B, "Dock Times")):
            article_ingest(raw_text=text, outlet_name=outlet, story_slug="fire")
    story = Story.objects.get(slug="fire")
    story_realign(story=story)
    from_database = _links()
    with CaptureQueriesContext(connection) as queries:
        story_realign(story=story)
    assert _claim_reads(queries) == []
    assert _links() == from_database


def test_a_claim_edited_in_the_admin_is_read_again(
    django_capture_on_commit_callbacks: Commits, admin_user: Any
) -> None:
    article = _one_article_kept(django_capture_on_commit_callbacks)
    story = Story.objects.get(slug="fire")
    claim = Claim.objects.get(article=article, position=1)
    claim.text = "Firefighters said 45 crews fought the blaze for six hours."
    with django_capture_on_commit_callbacks(execute=True):
        ClaimAdmin(Claim, admin.site).save_model(
            _admin_request(admin_user),
            claim,
            form=None,  # type: ignore[arg-type]
            change=True,
        )
    texts = [c.text for c in services._story_claims(story).drafts[0]]
    assert "Firefighters said 45 crews fought the blaze for six hours." in texts


def test_a_claim_deleted_in_the_admin_is_gone_from_what_is_kept(
    django_capture_on_commit_callbacks: Commits, admin_user: Any
) -> None:
    article = _one_article_kept(django_capture_on_commit_callbacks)
    story = Story.objects.get(slug="fire")
    with django_capture_on_commit_callbacks(execute=True):
        ClaimAdmin(Claim, admin.site).delete_queryset(
            _admin_request(admin_user), Claim.objects.filter(article=article, position=0)
        )
    found = services._story_claims(story)
    assert len(found.drafts[0]) == len(found.vectors[0]) == len(found.claim_ids[0])
    assert Claim.objects.filter(article=article).count() == len(found.drafts[0])


def test_claims_written_without_saying_so_stay_as_kept_until_their_article_says_so(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    """The contract: a write to claims other than through the engine or the admin must call
    article_claims_changed, or the processes that keep them go on with the old."""
    article = _one_article_kept(django_capture_on_commit_callbacks)
    story = Story.objects.get(slug="fire")
    Claim.objects.filter(article=article, position=3).update(text="Two workers were hurt.")
    assert "Two workers were hurt." not in [c.text for c in services._story_claims(story).drafts[0]]
    with django_capture_on_commit_callbacks(execute=True):
        services.article_claims_changed(article_ids=[article.pk])
    assert "Two workers were hurt." in [c.text for c in services._story_claims(story).drafts[0]]


def test_claims_read_under_an_older_reading_are_not_taken_from_what_is_kept(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    article = _one_article_kept(django_capture_on_commit_callbacks)
    Claim.objects.filter(article=article).update(facts=[])
    Article.objects.filter(pk=article.pk).update(reading_version=1)
    found = services._story_claims(Story.objects.get(slug="fire"))
    assert any(c.facts for c in found.drafts[0]), "read again, not taken from memory"


def test_an_article_rolled_back_leaves_nothing_kept(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            article = article_ingest(
                raw_text=HARBOUR_A, outlet_name="Port News", story_slug="fire"
            ).article
            raise RuntimeError("the batch item failed after alignment")
    assert claims_kept.get(article.pk, services._kept_key(article, encoder_get())) is None


def test_what_is_kept_is_bounded_and_the_least_recent_leaves_first() -> None:
    kept = services._ClaimsKept(limit=5)
    key = ("digest", 0, 1, "encoder")
    vectors = encoder_get().encode(["one", "two"])
    drafts = tuple(ClaimDraft(i, f"claim {i}", f"claim {i}", 0, 7) for i in range(2))

    def entry() -> services._KeptClaims:
        return services._KeptClaims(key=key, claim_ids=(1, 2), drafts=drafts, vectors=vectors)

    kept.put({1: entry(), 2: entry()})
    assert kept.get(1, key) is not None  # 1 is now the most recently used
    kept.put({3: entry()})  # six claims: one article must leave
    assert kept.get(2, key) is None
    assert kept.get(1, key) is not None and kept.get(3, key) is not None
    assert kept.get(3, ("digest", 1, 1, "encoder")) is None, "another claims revision"


# --- The verdicts' inputs (services.verdicts_kept) ------------------------------------------


def _verdict_reads(queries: CaptureQueriesContext) -> list[str]:
    """The queries story_verdicts_store reads the story's claims and links with."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if ('FROM "newsdiff_claim"' in q["sql"] and '"status"' in q["sql"])
        or ('FROM "newsdiff_claimlink"' in q["sql"] and "conflict_details" in q["sql"])
    ]


def _verdicts() -> tuple[list[tuple[Any, ...]], list[int]]:
    story = Story.objects.get(slug="fire")
    claims = Claim.objects.filter(article__story=story).order_by("id")
    return (
        list(claims.values_list("id", *services.CLAIM_VERDICT_FIELDS)),
        [getattr(story, name) for name in services.STORY_COUNT_FIELDS],
    )


def _from_scratch() -> tuple[list[tuple[Any, ...]], list[int]]:
    """The verdicts decided again from the database alone (nothing kept)."""
    verdicts_kept.clear()
    story_verdicts_store(story=Story.objects.get(slug="fire"))
    return _verdicts()


def _two_articles(commits: Commits) -> None:
    with commits(execute=True):
        for text, outlet in ((HARBOUR_A, "Port News"), (HARBOUR_B, "Dock Times")):
            article_ingest(raw_text=text, outlet_name=outlet, story_slug="fire")


def test_the_next_article_s_verdicts_read_only_the_new_claims_and_links(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    _two_articles(django_capture_on_commit_callbacks)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        article_ingest(raw_text=HARBOUR_C, outlet_name="Bay Wire", story_slug="fire")
    reads = _verdict_reads(queries)
    assert len(reads) == 2 and all('."id" >' in sql for sql in reads), reads
    incremental = _verdicts()
    assert incremental[1][0] == 3 and incremental[1][1] >= 1, "three articles that agree"
    assert _from_scratch() == incremental


def test_verdicts_another_process_stored_are_read_whole(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    _two_articles(django_capture_on_commit_callbacks)
    # Another process dismisses every link: its verdicts end with a new story revision.
    ClaimLink.objects.update(review=ReviewDecision.DISMISSED)
    Story.objects.filter(slug="fire").update(revision=uuid.uuid4())
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        article_ingest(raw_text=HARBOUR_C, outlet_name="Bay Wire", story_slug="fire")
    assert not any('."id" >' in sql for sql in _verdict_reads(queries))
    after = _verdicts()
    assert after[1][-1] >= 1, "the dismissed links are counted"
    assert _from_scratch() == after


def test_verdicts_of_a_rolled_back_article_are_not_taken_for_the_stored_ones(
    django_capture_on_commit_callbacks: Commits,
) -> None:
    _two_articles(django_capture_on_commit_callbacks)
    with pytest.raises(RuntimeError), transaction.atomic():
        article_ingest(raw_text=HARBOUR_C, outlet_name="Bay Wire", story_slug="fire")
        raise RuntimeError("the batch item failed after its verdicts")
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        article_ingest(
            raw_text=HARBOUR_C.replace("Forty crews", "Fifty crews"),
            outlet_name="Harbour Daily",
            story_slug="fire",
        )
    assert not any('."id" >' in sql for sql in _verdict_reads(queries))
    after = _verdicts()
    assert after[1][0] == 3
    assert _from_scratch() == after


def test_kept_verdict_inputs_are_bounded_and_taken_only_under_their_revision() -> None:
    kept = services._VerdictsKept(limit=5)
    revisions = [uuid.uuid4() for _ in range(4)]

    def inputs(revision: uuid.UUID, links: int) -> services._VerdictInputs:
        edges = tuple(
            LinkEdge(id=i, claim_a_id=1, claim_b_id=2, relation="agreement") for i in range(links)
        )
        return services._VerdictInputs(
            revision=revision, claims={}, links=edges, last_claim=0, last_link=links
        )

    kept.put({0: inputs(revisions[0], 2)})
    kept.put({1: inputs(revisions[1], 2)})
    assert kept.get(0, revisions[0]) is not None  # 0 is now the most recently used
    kept.put({2: inputs(revisions[2], 2)})  # six links: one story must leave
    assert kept.get(1, revisions[1]) is None, "the least recent story left"
    assert kept.get(0, revisions[0]) is not None and kept.get(2, revisions[2]) is not None
    assert kept.get(2, revisions[1]) is None, "another revision"
    kept.put({3: inputs(revisions[3], 6)})  # larger than the bound: nothing stays
    assert kept.get(3, revisions[3]) is None and kept.get(0, revisions[0]) is None
