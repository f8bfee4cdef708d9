"""article_ingest and story_realign: transactions, idempotence, story matching, the seeds."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from newsdiff import services
from newsdiff.models import Article, Claim, ClaimLink, Outlet, Relation, Story
from newsdiff.pipeline import READING_VERSION
from newsdiff.services import article_ingest, story_realign

pytestmark = pytest.mark.django_db

ENGLISH_A = """Flooding closed the main coastal road north of the city on Monday, officials said.
At least 12 people were rescued from cars trapped by the water near the harbour bridge.
The regional governor announced an emergency budget of 3 million dollars for repairs.
Schools in the three nearest districts will stay shut until Thursday."""

ENGLISH_B = """The governor released an emergency repair budget of 3 million dollars after floods.
Rescue teams pulled at least 12 people from cars trapped by water near the harbour bridge.
The coastal road north of the city was closed by flooding on Monday.
A local football match was postponed because the stadium car park was under water."""

UNRELATED = """The central bank kept its main interest rate unchanged at its quarterly meeting.
Analysts had expected the decision after inflation slowed for a third month in a row.
The bank's governor said further cuts would depend on wage growth next year."""


def test_seed_articles_form_one_story_with_two_outlets(seed_texts: tuple[str, str]) -> None:
    erem, roayah = seed_texts
    first = article_ingest(raw_text=erem)
    second = article_ingest(raw_text=roayah)

    assert first.created and second.created
    assert Story.objects.count() == 1
    story = Story.objects.get()
    assert first.article.story == second.article.story == story
    assert Outlet.objects.count() == 2
    assert first.article.published_at.date() == dt.date(2024, 10, 7)
    assert second.article.published_at.date() == dt.date(2024, 10, 8)
    assert second.article.outlet.domain == "roayahnews.com"
    assert not ClaimLink.objects.filter(relation=Relation.CONTRADICTION).exists()


def test_seed_shared_facts_are_agreements(seed_texts: tuple[str, str]) -> None:
    for text in seed_texts:
        article_ingest(raw_text=text)
    agreements = ClaimLink.objects.filter(relation=Relation.AGREEMENT).select_related(
        "claim_a", "claim_b"
    )
    pairs = [(link.claim_a.normalized, link.claim_b.normalized) for link in agreements]

    def linked(needle_a: str, needle_b: str) -> bool:
        return any(needle_a in a and needle_b in b for a, b in pairs)

    # The shared facts the seed README lists, each as (Erem wording, Roayah wording).
    assert linked("10 ملايين دولار", "10 ملايين دولار"), "the $10 million deal"
    assert linked("ak-74", "ak-74"), "AK-74 rifles"
    assert linked("كورنيت", "kornet"), "Kornet missiles, Arabic and Latin script"
    assert linked("57", "57"), "Bout's age"
    assert linked("2008", "2008"), "the 2008 arrest"
    assert linked("25", "25"), "the 25-year sentence"
    assert linked("تبادل", "تبادل"), "the prisoner swap"


def test_seed_page_furniture_is_not_among_claims(seed_texts: tuple[str, str]) -> None:
    for text in seed_texts:
        article_ingest(raw_text=text)
    texts = " | ".join(Claim.objects.values_list("text", flat=True))
    for furniture in [
        "رصد إطلاق عدة صواريخ من لبنان",
        "أخبار ذات علاقة",
        "تابعونا",
        "جميع الحقوق محفوظة",
        "رابط مختصر",
        "roayahnews.com",
        "المصدر: رويترز",
    ]:
        assert furniture not in texts


def test_reingesting_the_same_text_changes_nothing(seed_texts: tuple[str, str]) -> None:
    for text in seed_texts:
        article_ingest(raw_text=text)
    counts = (Article.objects.count(), Claim.objects.count(), ClaimLink.objects.count())
    link_ids = set(ClaimLink.objects.values_list("id", flat=True))

    again = article_ingest(raw_text=seed_texts[0])

    assert not again.created
    assert (Article.objects.count(), Claim.objects.count(), ClaimLink.objects.count()) == counts
    assert set(ClaimLink.objects.values_list("id", flat=True)) == link_ids


def test_failure_during_realign_leaves_nothing_behind() -> None:
    with mock.patch.object(services, "article_align", side_effect=RuntimeError("boom")):
        with pytest.raises(RuntimeError):
            article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily")
    assert not Article.objects.exists()
    assert not Claim.objects.exists()
    assert not Story.objects.exists()
    assert not Outlet.objects.exists()


def test_unrelated_article_starts_a_new_story() -> None:
    article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily")
    article_ingest(raw_text=ENGLISH_B, outlet_name="Harbour Herald")
    article_ingest(raw_text=UNRELATED, outlet_name="Money Wire")

    assert Story.objects.count() == 2
    flood = Article.objects.get(outlet__name="Coast Daily").story
    assert flood.articles.count() == 2
    assert ClaimLink.objects.filter(story=flood, relation=Relation.AGREEMENT).count() >= 3


def test_explicit_story_slug_and_published_date() -> None:
    result = article_ingest(
        raw_text=ENGLISH_A,
        outlet_name="Coast Daily",
        story_slug="coastal-flood",
        published=dt.date(2025, 3, 3),
        url="https://coast.example/flood",
    )
    article = result.article
    assert article.story.slug == "coastal-flood"
    assert article.published_at.date() == dt.date(2025, 3, 3)
    assert article.url == "https://coast.example/flood"
    assert article.language == "en"


def test_text_without_claims_is_rejected_and_leaves_nothing() -> None:
    with pytest.raises(ValidationError):
        article_ingest(raw_text="logo\n\nتابعونا على", outlet_name="X")
    with pytest.raises(ValidationError):
        article_ingest(raw_text="   ", outlet_name="X")
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_page_without_outlet_is_stored_under_a_provisional_one() -> None:
    # A real article is never refused for missing metadata: its outlet is named after its
    # file and flagged for an admin.
    result = article_ingest(raw_text=ENGLISH_A, source="uploads/coast_daily-flood.txt")
    outlet = result.article.outlet
    assert outlet.provisional and outlet.name == "coast daily flood"
    # Nothing names an outlet: the same text again is the same article, not a reprint.
    again = article_ingest(raw_text=ENGLISH_A, source="uploads/other-name.txt")
    assert not again.created and again.article == result.article
    assert Outlet.objects.count() == 1


def test_outlet_recognised_by_alias(seed_texts: tuple[str, str]) -> None:
    erem = Outlet.objects.create(
        name="Erem News",
        native_name="إرم نيوز",
        domain="eremnews.com",
        aliases="Erem Media, Erem Media FZ LLC",
    )
    result = article_ingest(raw_text=seed_texts[0])
    assert result.article.outlet == erem


def test_realign_is_repeatable(seed_texts: tuple[str, str]) -> None:
    for text in seed_texts:
        article_ingest(raw_text=text)
    story = Story.objects.get()
    before = sorted(ClaimLink.objects.values_list("claim_a", "claim_b", "relation"))
    result = story_realign(story=story)
    after = sorted(ClaimLink.objects.values_list("claim_a", "claim_b", "relation"))
    assert before == after
    assert result.links == len(after)
    assert result.counts.contradiction_count == 0
    story.refresh_from_db()
    assert result.counts.agreement_count == story.agreement_count > 0


def test_wire_copy_is_marked() -> None:
    article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily", story_slug="flood")
    copy = ENGLISH_A.replace("officials said", "officials told reporters")
    result = article_ingest(raw_text=copy, outlet_name="Wire Reprint", story_slug="flood")
    result.article.refresh_from_db()
    assert result.article.copy_of is not None
    assert result.article.copy_of.outlet.name == "Coast Daily"


def test_the_same_text_from_another_outlet_is_a_reprint_not_a_duplicate() -> None:
    first = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily")
    again = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily")
    reprint = article_ingest(raw_text=ENGLISH_A, outlet_name="Wire Reprint")
    assert first.created and not again.created and again.article == first.article
    assert reprint.created and reprint.article.story == first.article.story
    reprint.article.refresh_from_db()
    assert reprint.article.copy_of == first.article
    # A text that names no outlet and is stored already: nothing tells it apart.
    assert not article_ingest(raw_text=ENGLISH_A).created


def test_a_new_article_is_aligned_incrementally_as_a_full_realign_would() -> None:
    """The new article's links are the ones a realignment of the whole story draws, and the
    links already there keep their ids (open panels and permalinks survive)."""
    article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily", story_slug="flood")
    article_ingest(raw_text=ENGLISH_B, outlet_name="Harbour Herald", story_slug="flood")
    before = set(ClaimLink.objects.values_list("id", "claim_a", "claim_b", "relation"))
    third = ENGLISH_B.replace("Rescue teams pulled", "Divers pulled").replace(
        "A local football match", "A school concert"
    )
    article_ingest(raw_text=third, outlet_name="Bay Times", story_slug="flood")
    after = set(ClaimLink.objects.values_list("id", "claim_a", "claim_b", "relation"))
    assert before < after, "the old links are kept as they were, with their ids"
    incremental = sorted((a, b, r) for _, a, b, r in after)
    story_realign(story=Story.objects.get(slug="flood"))
    full = sorted(ClaimLink.objects.values_list("claim_a", "claim_b", "relation"))
    assert incremental == full


DISPLACED_A = """Floods swept the river valley of Nordmark after a week of heavy rain.
The migration agency later said more than 43,000 people were displaced by the floods.
Army engineers began repairing the broken levee near the town of Helle."""
DISPLACED_B = """Heavy rain flooded the river valley of Nordmark for a week.
The migration agency also said the floods displaced 36,000 people.
Schools in the valley will stay closed until the water recedes."""


def test_claims_read_by_an_older_reading_are_read_again_on_realign() -> None:
    """An engine upgrade that reads facts or sources differently applies to the claims
    already stored: their facts and sources are read again from their text, so that a
    realignment gives the verdicts a fresh ingest gives."""
    article_ingest(raw_text=DISPLACED_A, outlet_name="Valley Post", story_slug="flood")
    article_ingest(raw_text=DISPLACED_B, outlet_name="River Times", story_slug="flood")
    fields = ("id", "normalized", "facts", "attribution", "attribution_text")
    fresh = sorted(Claim.objects.values_list(*fields))
    # As an older reading stored them: "later" and "also" read as part of the
    # agency's name (two sources, so a dispute), and no facts in one claim.
    for claim in Claim.objects.filter(attribution__contains="agency"):
        claim.attribution = f"{claim.attribution} later"
        claim.attribution_text = f"{claim.attribution_text} later"
        claim.save(update_fields=["attribution", "attribution_text"])
    Claim.objects.filter(position=0).update(facts=[])
    # ... and a normalised text that an older normalisation gave.
    Claim.objects.filter(position=1).update(normalized="older")
    Article.objects.update(reading_version=1)
    story_realign(story=Story.objects.get(slug="flood"))
    assert sorted(Claim.objects.values_list(*fields)) == fresh
    assert set(Article.objects.values_list("reading_version", flat=True)) == {READING_VERSION}
    link = ClaimLink.objects.get(claim_a__attribution__contains="agency")
    assert (link.relation, link.details["reason"]) == ("updated", "figure_revised")


class TestConstraints:
    def test_same_outlet_same_text_twice_is_refused(self) -> None:
        article = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily").article
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.create(
                outlet=article.outlet,
                story=article.story,
                raw_text="x",
                clean_text="x",
                content_hash=article.content_hash,
            )

    def test_claim_span_must_not_be_empty(self) -> None:
        article = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily").article
        with pytest.raises(IntegrityError), transaction.atomic():
            Claim.objects.create(
                article=article, position=99, text="x", normalized="x", start=5, end=5
            )

    def test_claim_position_unique(self) -> None:
        article = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily").article
        with pytest.raises(IntegrityError), transaction.atomic():
            Claim.objects.create(
                article=article, position=0, text="x", normalized="x", start=0, end=1
            )

    def test_link_articles_ordered_and_relation_valid(self) -> None:
        a = article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily").article
        b = article_ingest(raw_text=ENGLISH_B, outlet_name="Harbour Herald").article
        ClaimLink.objects.all().delete()
        ca, cb = a.claims.first(), b.claims.first()
        common = dict(story=a.story, similarity=0.5, reason="paraphrase", engine_version="t")
        with pytest.raises(IntegrityError), transaction.atomic():
            ClaimLink.objects.create(
                article_a=b, article_b=a, claim_a=cb, claim_b=ca, relation="agreement", **common
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            ClaimLink.objects.create(
                article_a=a, article_b=b, claim_a=ca, claim_b=cb, relation="maybe", **common
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            ClaimLink.objects.create(
                article_a=a,
                article_b=b,
                claim_a=ca,
                claim_b=cb,
                relation="agreement",
                **{**common, "similarity": 1.5},
            )

    def test_outlet_domain_unique_when_set(self) -> None:
        Outlet.objects.create(name="A", domain="a.example")
        Outlet.objects.create(name="B")
        Outlet.objects.create(name="C")
        with pytest.raises(IntegrityError), transaction.atomic():
            Outlet.objects.create(name="D", domain="a.example")


def test_seed_single_outlet_details_are_unique(seed_texts: tuple[str, str]) -> None:
    """The seed README's details only one outlet reports stay unlinked (shown as only-here)."""
    for text in seed_texts:
        article_ingest(raw_text=text)
    linked = set(ClaimLink.objects.values_list("claim_a", flat=True)) | set(
        ClaimLink.objects.values_list("claim_b", flat=True)
    )
    unique = [c.normalized for c in Claim.objects.exclude(pk__in=linked)]

    def only_here(needle: str) -> bool:
        return any(needle in text for text in unique)

    assert only_here("نفاه الكرملين"), "the Kremlin's denial"
    assert only_here("مصنع لادا"), "the Lada factory visit"
    assert only_here("محامي بوت"), "the lawyer's refusal to comment"
    assert only_here("جمعيه محليه"), "his 2023 local-assembly seat"


def test_article_finds_its_story_among_many() -> None:
    for i in range(12):
        article_ingest(
            raw_text=f"The city council voted on budget item {i} for the new library wing. "
            f"Councillors debated parking fees in district {i} for two hours on Tuesday.",
            outlet_name=f"Paper {i}",
        )
    article_ingest(raw_text=ENGLISH_A, outlet_name="Coast Daily")
    flood = Article.objects.get(outlet__name="Coast Daily").story
    result = article_ingest(raw_text=ENGLISH_B, outlet_name="Harbour Herald")
    assert result.article.story == flood


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL storage parameter")
def test_claim_pages_leave_room_for_verdicts_to_change_in_place() -> None:
    """Each ingest rewrites the verdicts of most of a story's claims: with room on the page,
    PostgreSQL changes a row in place and leaves the text indexes alone (migration 0017)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [Claim._meta.db_table])
        (options,) = cursor.fetchone()
    assert "fillfactor=70" in (options or [])
