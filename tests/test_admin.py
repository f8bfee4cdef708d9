"""The admin: every model's changelist, search and change form load, in bounded queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsdiff.models import IngestBatch, IngestItem, LinkReview, Relation, ReviewDecision
from tests.builders import article_with_claims, link, story_create_for_test

MODELS = [
    "outlet",
    "story",
    "article",
    "claim",
    "claimlink",
    "linkreview",
    "ingestbatch",
    "ingestitem",
]


@pytest.fixture
def some_rows(db):
    story = story_create_for_test(title="صفقة أسلحة", slug="arms")
    articles = []
    for _ in range(3):
        article, claims = article_with_claims(
            story=story, claims=["أعلنت الوزارة صفقة أسلحة.", "قيمة الصفقة مليون."]
        )
        articles.append((article, claims))
    (_, first), (_, second), (_, third) = articles
    link(first[0], second[0])
    contradiction = link(first[1], third[1], relation=Relation.CONTRADICTION)
    LinkReview.objects.create(
        story=story,
        claim_a=contradiction.claim_a,
        claim_b=contradiction.claim_b,
        relation=contradiction.relation,
        decision=ReviewDecision.CONFIRMED,
        note="صفقة مؤكدة",
    )
    batch = IngestBatch.objects.create(outlet_name="Erem", story_slug="arms", total=1, processed=1)
    IngestItem.objects.create(batch=batch, position=0, source="صفقة.txt", article=first[0].article)
    return story


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads(admin_client, some_rows, model, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse(f"admin:newsdiff_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_changelist_search(admin_client, some_rows, model):
    response = admin_client.get(reverse(f"admin:newsdiff_{model}_changelist"), {"q": "صفقة"})
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_add_form_loads(admin_client, some_rows, model):
    assert admin_client.get(reverse(f"admin:newsdiff_{model}_add")).status_code == 200


def test_claim_search_without_diacritics_or_hamza(admin_client, some_rows):
    response = admin_client.get(reverse("admin:newsdiff_claim_changelist"), {"q": "اعلنت"})
    assert "أعلنت الوزارة" in response.content.decode()


def test_outlet_autocomplete(admin_client, some_rows):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "newsdiff", "model_name": "article", "field_name": "outlet", "term": "Out"},
    )
    assert response.status_code == 200
    assert response.json()["results"]


def _outlet_action(admin_client, action: str, outlets) -> str:
    response = admin_client.post(
        reverse("admin:newsdiff_outlet_changelist"),
        {"action": action, "_selected_action": [o.pk for o in outlets]},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_provisional_outlets_are_filtered_confirmed_and_merged(admin_client, db):
    from newsdiff.models import Article, Outlet, Story

    story = story_create_for_test(title="Bridge collapse", slug="bridge")
    real = Outlet.objects.create(name="Harbour Times", domain="harbour.example", language="en")
    guessed = Outlet.objects.create(name="harbour times 2025", language="en", provisional=True)
    other = Outlet.objects.create(name="Desk Seven", language="en", provisional=True)
    article_with_claims(story=story, outlet=real, claims=["The bridge fell on Tuesday morning."])
    article_with_claims(story=story, outlet=guessed, claims=["The bridge fell on Tuesday."])
    article_with_claims(story=story, outlet=other, claims=["A bridge fell in the port city."])
    story.refresh_from_db()

    listed = admin_client.get(
        reverse("admin:newsdiff_outlet_changelist"), {"provisional__exact": "1"}
    ).content.decode()
    assert "harbour times 2025" in listed and "Desk Seven" in listed
    assert "harbour.example" not in listed

    _outlet_action(admin_client, "confirm_outlets", [other])
    other.refresh_from_db()
    assert not other.provisional

    # Two confirmed outlets cannot be merged: which one to keep would be a guess.
    page = _outlet_action(admin_client, "merge_outlets", [real, other])
    assert "Only one of the outlets to merge may be confirmed" in page
    assert Outlet.objects.count() == 3

    page = _outlet_action(admin_client, "merge_outlets", [real, guessed])
    assert "Merged 1 outlets into Harbour Times" in page
    assert not Outlet.objects.filter(pk=guessed.pk).exists()
    assert Article.objects.filter(outlet=real).count() == 2
    real.refresh_from_db()
    # The merged name is an alias now: ingestion recognises it next time.
    assert "harbour times 2025" in real.aliases
    assert Story.objects.get(pk=story.pk).articles.count() == 3
