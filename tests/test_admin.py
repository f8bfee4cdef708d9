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
