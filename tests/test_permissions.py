"""Who may see what: every page and partial against every role.

Anonymous visitors are sent to the login page; signed-in users without the permission get 403.
Editor browses; Researcher browses and exports; Admin does everything, uploads included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import resolve, reverse

from newsdiff.models import IngestBatch, Language, Relation
from tests.builders import (
    article_with_claims,
    link,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
    verdicts_store,
)

HTMX = {"HX-Request": "true"}


@dataclass(frozen=True)
class Site:
    story_slug: str
    claim_id: int
    article_id: int
    link_id: int
    batch_id: int


@pytest.fixture
def site(db) -> Site:
    story = story_create_for_test(title="Flooding closes the coastal road", slug="coast-flood")
    coast = outlet_create_for_test(name="Coast Daily", language=Language.ENGLISH)
    harbour = outlet_create_for_test(name="Harbour Herald", language=Language.ENGLISH)
    article, (a1, _a2) = article_with_claims(
        story=story,
        outlet=coast,
        claims=["Flooding closed the coastal road on Monday.", "Repairs will take a week."],
    )
    _, (b1,) = article_with_claims(
        story=story, outlet=harbour, claims=["The coastal road was closed by floods on Monday."]
    )
    agreement = link(a1, b1, relation=Relation.AGREEMENT)
    verdicts_store(story)
    batch = IngestBatch.objects.create(total=0, status="finished")
    return Site(
        story_slug=story.slug,
        claim_id=a1.pk,
        article_id=article.pk,
        link_id=agreement.pk,
        batch_id=batch.pk,
    )


@dataclass(frozen=True)
class Case:
    name: str
    permission: str  # "browse", "review", "export", "upload" or "realign"
    request: Callable[[Client, Site], object]
    # What the request returns when allowed, when not 200: (status, URL name it redirects to).
    success: tuple[int, str] | None = None


def _get(name: str, *, htmx: bool = False, **kwargs: Callable[[Site], object]):
    def run(client: Client, site: Site):
        resolved = {key: value(site) for key, value in kwargs.items()}
        return client.get(reverse(name, kwargs=resolved), headers=HTMX if htmx else {})

    return run


def _upload_post(client: Client, site: Site):
    return client.post(
        reverse("upload"),
        {
            "text": "Flooding closed the coastal road on Monday. Repairs will take a week.",
            "outlet": "Coast Daily",
        },
    )


def _review_post(client: Client, site: Site):
    return client.post(
        reverse("link_review_create", kwargs={"link_id": site.link_id}),
        {"decision": "confirmed", "claim": site.claim_id},
    )


def _realign_post(client: Client, site: Site):
    return client.post(reverse("story_realign", kwargs={"slug": site.story_slug}))


slug = lambda site: site.story_slug  # noqa: E731
CASES = [
    Case("story list", "browse", _get("story_list")),
    Case("story list partial", "browse", _get("story_list", htmx=True)),
    Case("story page", "browse", _get("story_detail", slug=slug)),
    Case("story page partial", "browse", _get("story_detail", htmx=True, slug=slug)),
    Case("claim detail", "browse", _get("claim_detail", claim_id=lambda s: s.claim_id)),
    Case(
        "claim detail partial",
        "browse",
        _get("claim_detail", htmx=True, claim_id=lambda s: s.claim_id),
    ),
    Case("article page", "browse", _get("article_detail", article_id=lambda s: s.article_id)),
    Case(
        "article partial",
        "browse",
        _get("article_detail", htmx=True, article_id=lambda s: s.article_id),
    ),
    Case("link review post", "review", _review_post, success=(302, "claim_detail")),
    Case("upload page", "upload", _get("upload")),
    Case("upload post", "upload", _upload_post, success=(302, "batch_detail")),
    Case("batch page", "upload", _get("batch_detail", batch_id=lambda s: s.batch_id)),
    Case(
        "batch progress partial",
        "upload",
        _get("batch_detail", htmx=True, batch_id=lambda s: s.batch_id),
    ),
    Case("batch progress json", "upload", _get("batch_progress", batch_id=lambda s: s.batch_id)),
    Case("story export page", "export", _get("story_export", slug=slug)),
    *[
        Case(f"story {fmt}", "export", _get("story_download", slug=slug, fmt=lambda s, f=fmt: f))
        for fmt in ("csv", "xlsx", "json")
    ],
    Case("bulk export page", "export", _get("stories_export")),
    Case("bulk export partial", "export", _get("stories_export", htmx=True)),
    *[
        Case(f"bulk {fmt}", "export", _get("stories_download", fmt=lambda s, f=fmt: f))
        for fmt in ("csv", "xlsx", "json")
    ],
    Case("story json api", "export", _get("story_api", slug=slug)),
    Case("re-run the engine", "realign", _realign_post, success=(302, "story_detail")),
]
# What each role may do, as migration 0002_roles grants it.
ALLOWED = {
    None: set(),
    "Editor": {"browse", "review"},
    "Researcher": {"browse", "review", "export"},
    "Admin": {"browse", "review", "export", "upload", "realign"},
}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_anonymous_is_sent_to_login(client: Client, site: Site, case: Case) -> None:
    response = case.request(client, site)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", list(ALLOWED), ids=lambda r: r or "no-group")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_role_matrix(client: Client, site: Site, case: Case, role: str | None) -> None:
    client.force_login(user_create_for_test(role=role))
    response = case.request(client, site)
    if case.permission not in ALLOWED[role]:
        assert response.status_code == 403
    elif case.success:
        # A small upload is ingested in the request and the browser sent to its batch page;
        # a review goes back to the claim.
        status, url_name = case.success
        assert response.status_code == status
        assert resolve(response["Location"]).url_name == url_name
    else:
        assert response.status_code == 200
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        elif hasattr(response, "close"):
            response.close()
