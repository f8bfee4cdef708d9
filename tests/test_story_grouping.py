"""Story grouping through the services: the same stories in any ingest order, bridging
articles merging stories, a page about another event of the same place kept out, an Arabic
and an English report of one event meeting, vectors stored once. Short articles written for
the tests."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator

import numpy as np
import pytest
from django.db.models import F

from newsdiff import services
from newsdiff.models import Article, ArticleKey, Claim, ClaimLink, Story
from newsdiff.pipeline import grouping
from newsdiff.pipeline.encode import encoder_get, from_bytes
from newsdiff.pipeline.normalize import light_stem
from newsdiff.services import article_ingest, story_realign

pytestmark = pytest.mark.django_db

QUAKE_EN_1 = """A magnitude 6.1 earthquake struck the mountain town of Verano late on Friday.
The quake killed at least 140 people and injured more than 300, the interior ministry said.
Rescue teams from the capital reached Verano before dawn on Saturday.
Many of the old stone houses in the town centre collapsed during the tremor."""

QUAKE_EN_2 = """Rescuers searched the ruins of Verano on Saturday after a deadly earthquake.
The interior ministry said at least 140 people died and over 300 were hurt.
The magnitude 6.1 quake hit the mountain town late on Friday night.
Aid convoys with tents and blankets left the capital for Verano in the morning."""

QUAKE_AR = """ضرب زلزال بقوة 6.1 درجات بلدة فيرانو الجبلية في وقت متأخر من مساء الجمعة.
وقالت وزارة الداخلية إن الزلزال أودى بحياة 140 شخصا على الأقل وأصاب أكثر من 300 آخرين.
ووصلت فرق الإنقاذ من العاصمة إلى فيرانو قبل فجر السبت."""

TRANSFER_1 = """The striker Tomas Brandvik signed a three-year contract with Porto Alegre United.
The club paid a transfer fee of 40 million euros to his former team Nordhavn.
Brandvik will wear the number nine shirt and meet the fans on Sunday."""

TRANSFER_2 = """Porto Alegre United announced the signing of striker Tomas Brandvik on Thursday.
The transfer fee paid to Nordhavn is 40 million euros, the club said.
Brandvik signed a contract for three years and will wear the number nine."""

BANK = """The central bank kept its main interest rate unchanged at its quarterly meeting.
Analysts had expected the decision after inflation slowed for a third month in a row.
The bank's governor said further cuts would depend on wage growth next year."""

ARTICLES = {
    "quake-en-1": ("Daily Ledger", QUAKE_EN_1),
    "quake-en-2": ("Morning Post", QUAKE_EN_2),
    "quake-ar": ("Al Khabar", QUAKE_AR),
    "transfer-1": ("Sports Wire", TRANSFER_1),
    "transfer-2": ("Goal Times", TRANSFER_2),
    "bank": ("Finance Today", BANK),
}
EXPECTED = {
    frozenset({"quake-en-1", "quake-en-2", "quake-ar"}),
    frozenset({"transfer-1", "transfer-2"}),
    frozenset({"bank"}),
}


def _grouping() -> set[frozenset[str]]:
    name_of = {outlet: name for name, (outlet, _) in ARTICLES.items()}
    groups: dict[int, set[str]] = {}
    for story_id, outlet in Article.objects.values_list("story_id", "outlet__name"):
        groups.setdefault(story_id, set()).add(name_of[outlet])
    return {frozenset(g) for g in groups.values()}


def _ingest(names: list[str]) -> None:
    for name in names:
        outlet, text = ARTICLES[name]
        article_ingest(raw_text=text, outlet_name=outlet)


@pytest.mark.parametrize(
    "order",
    [
        list(ARTICLES),
        list(reversed(ARTICLES)),
        ["quake-ar", "transfer-2", "bank", "quake-en-2", "transfer-1", "quake-en-1"],
    ],
)
def test_stories_are_the_same_in_any_ingest_order(order: list[str]) -> None:
    _ingest(order)
    assert _grouping() == EXPECTED


def test_an_arabic_and_an_english_report_of_one_event_meet() -> None:
    _ingest(["quake-en-1", "quake-ar"])
    assert Story.objects.count() == 1
    # Their claims meet by meaning: the toll is linked across the two languages.
    link = ClaimLink.objects.filter(
        claim_a__text__contains="140", claim_b__text__contains="140"
    ).first()
    assert link is not None and link.relation == "agreement"


def test_an_article_bridging_two_stories_merges_them() -> None:
    """Two reports that share nothing tell one story once an article tells both halves."""
    road = """Flooding closed the coastal road north of Marvik on Monday, officials said.
The regional governor released an emergency budget of 3 million dollars for repairs.
Engineers will inspect the harbour bridge before traffic is allowed back."""
    rescue = """Lifeboat crews rescued 12 fishermen whose trawler sank off Marvik on Monday.
The coastguard said the trawler went down in heavy seas during the storm.
All 12 fishermen were taken to the Marvik hospital with mild hypothermia."""
    both = """A storm hit Marvik on Monday: flooding closed the coastal road north of the town.
Lifeboat crews rescued 12 fishermen after their trawler sank off Marvik in heavy seas.
The regional governor released an emergency budget of 3 million dollars for repairs.
The coastguard said all 12 fishermen were taken to the Marvik hospital."""
    article_ingest(raw_text=road, outlet_name="Coast News")
    article_ingest(raw_text=rescue, outlet_name="Harbour Times")
    stories_before = Story.objects.count()
    article_ingest(raw_text=both, outlet_name="Northern Echo")

    assert stories_before == 2
    assert Story.objects.count() == 1
    story = Story.objects.get()
    assert story.article_count == 3
    # The merged story was realigned whole: the bridge's claims link to both others.
    linked = set(
        ClaimLink.objects.filter(story=story).values_list("article_a__outlet__name", flat=True)
    ) | set(ClaimLink.objects.filter(story=story).values_list("article_b__outlet__name", flat=True))
    assert linked == {"Coast News", "Harbour Times", "Northern Echo"}


def test_a_page_about_another_event_of_the_same_place_stays_out() -> None:
    _ingest(["quake-en-1", "quake-en-2"])
    anniversary = """A new school opened in Verano on Tuesday, built with money from a charity.
The mayor thanked the donors and the teachers at a ceremony in the main square.
The school will teach 400 children from the town and the surrounding villages."""
    article_ingest(raw_text=anniversary, outlet_name="Town Crier")
    assert Article.objects.get(outlet__name="Town Crier").story.article_count == 1


def test_vectors_are_stored_once_at_ingest_and_realign_never_encodes() -> None:
    _ingest(["quake-en-1", "quake-en-2"])
    encoder = encoder_get()
    claims = list(Claim.objects.all())
    assert claims and all(c.vector is not None for c in claims)
    assert set(Article.objects.values_list("encoder", flat=True)) == {encoder.name}
    first = claims[0]
    stored = from_bytes(bytes(first.vector), encoder.dim)
    assert float(stored @ encoder.encode([first.text])[0]) > 0.999

    with _no_encoding():
        assert story_realign(story=Story.objects.get()).links > 0


@contextlib.contextmanager
def _no_encoding() -> Iterator[None]:
    """The stored vectors' encoder, failing the test if anything is encoded again."""
    encoder = encoder_get()

    class NoEncoding:
        name, dim = encoder.name, encoder.dim

        def encode(self, texts: list[str]) -> np.ndarray:
            raise AssertionError("a realignment encoded again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "encoder_get", lambda: NoEncoding())
        yield


def test_articles_stored_before_vectors_are_encoded_and_indexed_once_on_realign() -> None:
    _ingest(["quake-en-1", "quake-en-2"])
    signatures = dict(Article.objects.values_list("id", "signature"))
    keys = sorted(ArticleKey.objects.values_list("article_id", "key"))
    # As an article stored by an engine without vectors, signatures or the index.
    Claim.objects.update(vector=None)
    Article.objects.update(encoder="", lead_vector=None, signature={})
    ArticleKey.objects.all().delete()
    story_realign(story=Story.objects.get())
    assert not Claim.objects.filter(vector__isnull=True).exists()
    assert not Article.objects.filter(lead_vector__isnull=True).exists()
    assert set(Article.objects.values_list("encoder", flat=True)) == {encoder_get().name}
    assert dict(Article.objects.values_list("id", "signature")) == signatures
    assert sorted(ArticleKey.objects.values_list("article_id", "key")) == keys
    # Found again through the index and the lead vectors: a report in Arabic joins them.
    _ingest(["quake-ar"])
    assert Story.objects.count() == 1


def test_each_article_is_indexed_under_its_rarest_words() -> None:
    _ingest(["transfer-1"])
    keys = list(ArticleKey.objects.values_list("key", flat=True))
    prefixes = (grouping.FIGURE_KEY_PREFIX, grouping.AGE_KEY_PREFIX, grouping.MONEY_KEY_PREFIX)
    words = [key for key in keys if not key.startswith(prefixes)]
    assert 0 < len(words) <= grouping.INDEX_WORDS
    # The rare names of the story, not the common words, are what it is filed under.
    assert any("brandvik" in key for key in keys)
    assert not {"the", "will", "club"} & set(keys)


def test_common_arabic_words_weigh_as_common_whatever_their_hamza_or_teh_marbuta() -> None:
    """Folded text has no hamza on the alef and ha for teh marbuta; the word lists spell them.
    "أعلن" (announced) and "لمدة" (for a period) are among the commonest words of a report
    and must weigh less than the name of the player it is about."""
    weights = grouping.word_weights("أعلن نادي الهلال التعاقد مع نيمار لمدة موسمين")
    name = weights[light_stem("نيمار")]
    assert weights[light_stem("اعلن")] < name / 2
    assert weights[light_stem("لمده")] < name / 2


def test_signatures_stored_under_older_word_weights_are_weighed_again_on_realign() -> None:
    _ingest(["transfer-1", "transfer-2"])
    signatures = dict(Article.objects.values_list("id", "signature"))
    keys = sorted(ArticleKey.objects.values_list("article_id", "key"))
    lead_vectors = dict(Article.objects.values_list("id", "lead_vector"))
    # As stored by an engine that weighed words another way (no version recorded).
    for article in Article.objects.all():
        article.signature = dict(article.signature, words={"club": 3.0})
        del article.signature["words_version"]
        article.save(update_fields=["signature"])
    ArticleKey.objects.all().delete()
    ArticleKey.objects.bulk_create(ArticleKey(article=a, key="club") for a in Article.objects.all())
    with _no_encoding():
        story_realign(story=Story.objects.get())
    assert dict(Article.objects.values_list("id", "signature")) == signatures
    assert sorted(ArticleKey.objects.values_list("article_id", "key")) == keys
    assert dict(Article.objects.values_list("id", "lead_vector")) == lead_vectors


REMEMBRANCE = """Verano remembers the earthquake of 1987
The mountain town of Verano marked on Friday the anniversary of the deadly earthquake.
A magnitude 5.7 quake struck the town late at night and killed 1,200 people.
Many of the old stone houses in the town centre collapsed during the tremor.
Rescue teams from the capital reached Verano before dawn."""


def test_a_page_whose_title_names_another_year_tells_of_another_event() -> None:
    """Its words and meaning are the quake's (same town, same kind of disaster), but its
    title names 1987 and the quake's reports never do: an earlier event remembered."""
    _ingest(["quake-en-1", "quake-en-2"])
    article_ingest(raw_text=REMEMBRANCE, outlet_name="Town Crier")
    assert Article.objects.get(outlet__name="Town Crier").story.article_count == 1
    assert Story.objects.count() == 2


@pytest.mark.parametrize(
    ("title", "published", "joins"),
    [
        # The year it was published in is no other event's.
        ("Verano earthquake of 2026: 140 dead", dt.date(2026, 3, 7), True),
        # The other reports name the year too.
        ("Verano earthquake of 1987: 140 dead", None, True),
        ("Verano earthquake of 1987: 140 dead", dt.date(2026, 3, 7), False),
    ],
)
def test_a_title_year_parts_only_an_event_the_others_never_name(
    title: str, published: dt.date | None, joins: bool
) -> None:
    named = QUAKE_EN_2.replace("late on Friday night", "late on Friday night, as in 1987")
    article_ingest(raw_text=QUAKE_EN_1, outlet_name="Daily Ledger")
    article_ingest(
        raw_text=named if "1987" in title and joins else QUAKE_EN_2, outlet_name="Morning Post"
    )
    article_ingest(raw_text=f"{title}\n{QUAKE_EN_1}", outlet_name="Town Crier", published=published)
    town_crier = Article.objects.get(outlet__name="Town Crier")
    assert (town_crier.story.article_count > 1) is joins


@pytest.mark.parametrize(
    ("second_published", "joins"),
    [
        (dt.date(2026, 3, 28), True),  # three weeks later: the same event followed up
        (None, True),  # an undated page: nothing parts it
        (dt.date(2028, 5, 2), False),  # two years later: the same words tell of another quake
    ],
)
def test_pages_published_too_far_apart_tell_of_two_events(
    second_published: dt.date | None, joins: bool
) -> None:
    article_ingest(raw_text=QUAKE_EN_1, outlet_name="Daily Ledger", published=dt.date(2026, 3, 7))
    article_ingest(raw_text=QUAKE_EN_2, outlet_name="Morning Post", published=second_published)
    assert (Story.objects.count() == 1) is joins
    signature = Article.objects.get(outlet__name="Morning Post").signature
    assert signature["published"] == (second_published and second_published.isoformat())


QUAKE_EN_3 = """The earthquake that hit the mountain town of Verano on Friday killed at least 140.
More than 300 people were injured, according to the interior ministry.
Rescue teams from the capital dug through the rubble of the town centre all night."""


def test_a_page_dated_far_from_every_dated_page_of_a_story_stays_out_of_it() -> None:
    """The story's dated page tells when its event was; a page two years later stays out,
    although it resembles the story's undated page as much as the dated one."""
    article_ingest(raw_text=QUAKE_EN_1, outlet_name="Daily Ledger", published=dt.date(2026, 3, 7))
    article_ingest(raw_text=QUAKE_EN_2, outlet_name="Morning Post")
    assert Story.objects.count() == 1
    article_ingest(raw_text=QUAKE_EN_3, outlet_name="Town Crier", published=dt.date(2028, 5, 2))
    assert Article.objects.get(outlet__name="Town Crier").story.article_count == 1
    # Three weeks later, it is the same event followed up.
    article_ingest(raw_text=QUAKE_EN_3, outlet_name="Valley Voice", published=dt.date(2026, 3, 28))
    assert Article.objects.get(outlet__name="Valley Voice").story.article_count == 3


def test_an_undated_page_does_not_merge_two_stories_of_two_times() -> None:
    article_ingest(raw_text=QUAKE_EN_1, outlet_name="Daily Ledger", published=dt.date(2026, 3, 7))
    article_ingest(raw_text=QUAKE_EN_3, outlet_name="Town Crier", published=dt.date(2028, 5, 2))
    assert Story.objects.count() == 2
    article_ingest(raw_text=QUAKE_EN_2, outlet_name="Morning Post")
    assert Story.objects.count() == 2
    assert Article.objects.get(outlet__name="Morning Post").story.article_count == 2
    # Regrouping does not merge them either.
    services.stories_regroup()
    assert Story.objects.count() == 2


def test_a_signature_stored_before_years_were_read_parts_nothing() -> None:
    a, va = _signature(REMEMBRANCE, "en")
    b, vb = _signature(QUAKE_EN_1, "en")
    assert a.title_years == {"1987"} and grouping.story_evidence(a, va, b, vb).another_event
    stored = b.to_json()
    del stored["years"], stored["title_years"]
    old = grouping.ArticleSignature.from_json(stored, b.lead)
    assert old.years is None
    assert not grouping.story_evidence(a, va, old, vb).another_event
    assert grouping.story_evidence(a, va, old, vb).same_story


def test_same_story_test_is_symmetric() -> None:
    encoder = encoder_get()
    signatures = []
    for name in ("quake-en-1", "quake-ar", "transfer-1"):
        text = ARTICLES[name][1]
        from newsdiff.pipeline import analyse_article

        claims = analyse_article(text).claims
        vectors = encoder.encode([c.text for c in claims])
        language = "ar" if name.endswith("ar") else "en"
        lead = grouping.lead_vector(None, vectors)
        signatures.append(
            (
                grouping.article_signature(title="", claims=claims, language=language, lead=lead),
                vectors,
            )
        )
    for (a, va), (b, vb) in itertools.permutations(signatures, 2):
        assert (
            grouping.story_evidence(a, va, b, vb).same_story
            == grouping.story_evidence(b, vb, a, va).same_story
        )


def _signature(text: str, language: str) -> tuple[grouping.ArticleSignature, np.ndarray]:
    from newsdiff.pipeline import analyse_article

    analysed = analyse_article(text)
    claims, title = analysed.claims, analysed.clean.meta.title
    vectors = encoder_get().encode([c.text for c in claims])
    lead = grouping.lead_vector(None, vectors)
    return (
        grouping.article_signature(title=title, claims=claims, language=language, lead=lead),
        vectors,
    )


def test_two_reports_of_the_same_precise_figures_tell_one_story() -> None:
    wire = """The floods in the coastal city have killed 11,300 people, the aid agency said.
Another 10,100 people are still missing a week after the storm hit the region.
Rescue teams were still searching the harbour on Sunday."""
    rewritten = """Aid workers now count 11,300 dead after the dams burst above Karsa.
The agency says 10,100 residents remain unaccounted for.
Volunteers brought water and tents from neighbouring towns."""
    a, va = _signature(wire, "en")
    b, vb = _signature(rewritten, "en")
    assert {"11300", "10100"} <= a.figures & b.figures
    evidence = grouping.story_evidence(a, va, b, vb)
    assert evidence.shared_figures == 2 and evidence.same_story
    # One precise figure in common is not enough on its own.
    one = rewritten.replace("10,100", "9,000")
    c, vc = _signature(one, "en")
    evidence = grouping.story_evidence(a, va, c, vc)
    assert evidence.shared_figures == 1
    assert evidence.same_story == (
        evidence.best_claims >= grouping.MIN_CLAIM_COSINE
        and evidence.words >= grouping.SAME_LANGUAGE_MIN_WORDS
    )


SIGNING_EN = """Harbour City signed the Brazilian striker Tavo Mendes from Lyon on Tuesday.
The 27-year-old will earn an annual salary of 80 million euros over two seasons, the club said.
Lyon thanked the forward for six years at the club."""
PRESENTATION_EN = """Fireworks lit the Northgate stadium as fans met their new star on Saturday.
Mendes, 27, waved to the crowd wearing a blue scarf.
He is expected to be paid about $88 million a year, according to sources in the city."""
SIGNING_AR = """أعلن نادي المرفأ تعاقده مع المهاجم البرازيلي تافو منديز القادم من ليون يوم الثلاثاء.
وسيحصل منديز (27 عاما) على راتب سنوي يبلغ 80 مليون يورو لمدة موسمين.
وشكر ليون اللاعب على ست سنوات قضاها في النادي."""
PRESENTATION_AR = """أضاءت الألعاب النارية سماء ملعب الشمال حين استقبلت الجماهير نجمها مساء السبت.
ولوّح اللاعب البالغ من العمر 27 عاما للجماهير وهو يرتدي وشاحا أزرق.
ويتوقع أن يحصل على نحو 88 مليون دولار سنويا بحسب مصادر في المدينة."""


def _by_words_or_lead(evidence: grouping.StoryEvidence) -> bool:
    """The test without the quantities: what the words (or, across languages, the leads) and
    the claims say."""
    if evidence.cross_language:
        return (
            evidence.best_claims >= grouping.CROSS_LANGUAGE_MIN_CLAIM
            and evidence.lead >= grouping.CROSS_LANGUAGE_MIN_LEAD
        )
    return (
        evidence.best_claims >= grouping.MIN_CLAIM_COSINE
        and evidence.words >= grouping.SAME_LANGUAGE_MIN_WORDS
    )


@pytest.mark.parametrize(
    ("signing", "presentation"),
    [
        ((SIGNING_EN, "en"), (PRESENTATION_EN, "en")),
        ((SIGNING_AR, "ar"), (PRESENTATION_AR, "ar")),
        ((SIGNING_EN, "en"), (PRESENTATION_AR, "ar")),
    ],
    ids=["en", "ar", "en-ar"],
)
def test_a_report_that_gives_two_quantities_alike_tells_the_same_story(
    signing: tuple[str, str], presentation: tuple[str, str]
) -> None:
    # The presentation recalls the player's age and his pay, in dollars where the signing
    # gave euros; their words barely meet.
    a, va = _signature(*signing)
    b, vb = _signature(*presentation)
    evidence = grouping.story_evidence(a, va, b, vb)
    assert not _by_words_or_lead(evidence)
    assert evidence.shared_quantities == 2
    assert evidence.same_story
    reverse = grouping.story_evidence(b, vb, a, va)
    assert (reverse.shared_quantities, reverse.same_story) == (2, True)
    # Two round figures alike (a pay of 90 million dollars beside 80 million euros) may meet
    # by chance: one given precisely is asked for.
    round_pay = presentation[0].replace("88", "90")
    d, vd = _signature(round_pay, presentation[1])
    evidence = grouping.story_evidence(a, va, d, vd)
    assert evidence.shared_quantities == 2 and not evidence.precise_quantity
    assert evidence.same_story == _by_words_or_lead(evidence)
    # One quantity alike (another pay) is not enough.
    other_pay = presentation[0].replace("88", "50")
    c, vc = _signature(other_pay, presentation[1])
    evidence = grouping.story_evidence(a, va, c, vc)
    assert evidence.shared_quantities == 1
    assert evidence.same_story == _by_words_or_lead(evidence)


def test_quantities_alike_do_not_join_two_events() -> None:
    a, va = _signature(SIGNING_EN, "en")
    b, vb = _signature(PRESENTATION_EN, "en")
    a = dataclasses.replace(a, published=dt.date(2023, 8, 15))
    b = dataclasses.replace(b, published=dt.date(2025, 1, 30))
    evidence = grouping.story_evidence(a, va, b, vb)
    assert evidence.shared_quantities == 2 and evidence.another_event
    assert not evidence.same_story


def test_a_signature_stored_before_quantities_were_read_gives_none() -> None:
    a, va = _signature(SIGNING_EN, "en")
    b, vb = _signature(PRESENTATION_EN, "en")
    assert grouping.ArticleSignature.from_json(b.to_json(), b.lead).quantities == b.quantities
    stored = b.to_json()
    del stored["quantities"]
    old = grouping.ArticleSignature.from_json(stored, b.lead)
    assert old.quantities is None
    assert grouping.story_evidence(a, va, old, vb).shared_quantities == 0


@pytest.mark.parametrize("first_signing", [True, False])
def test_a_presentation_joins_the_signing_story_at_ingest(first_signing: bool) -> None:
    pages = [(SIGNING_AR, "Al Marfa Daily"), (PRESENTATION_AR, "North Sport")]
    for text, outlet in pages if first_signing else reversed(pages):
        article_ingest(raw_text=text, outlet_name=outlet)
    assert Story.objects.count() == 1
    assert Story.objects.get().article_count == 2


def test_amounts_taken_for_one_share_an_index_key() -> None:
    """Whatever the amount, two that units.same_amount takes for one (converted, rounded)
    are filed under a common key, so that each finds the other among all stored articles."""
    from decimal import Decimal

    from newsdiff.pipeline.types import Fact
    from newsdiff.pipeline.units import same_amount

    for step in range(200):
        dollars = Decimal(1000) * Decimal("1.07") ** step
        for ratio in ("1", "0.99", "0.95", "0.9", "0.86"):
            usd = ("money", str(dollars.quantize(Decimal(1))), "USD", "")
            euros = (dollars * Decimal(ratio) / Decimal("1.10")).quantize(Decimal(1))
            eur = ("money", str(euros), "EUR", "")
            assert same_amount(Fact(*usd), Fact(*eur))
            keys = (
                grouping.quantity_keys(frozenset([usd])),
                grouping.quantity_keys(frozenset([eur])),
            )
            assert keys[0] & keys[1], (usd, eur)
    # An age is filed under itself.
    assert grouping.quantity_keys(frozenset([("age", "31", "year", "")])) == {"~31"}
    assert not grouping.quantity_keys(frozenset([("count", "31", "", "fans")]))


def test_regroup_joins_stories_the_grouping_now_joins_and_never_splits() -> None:
    # Stored apart (as an older grouping left them, or an admin's named stories), with an
    # unrelated story beside them.
    article_ingest(raw_text=SIGNING_AR, outlet_name="Al Marfa Daily", story_slug="signing")
    article_ingest(raw_text=PRESENTATION_AR, outlet_name="North Sport", story_slug="night")
    _ingest(["bank"])
    assert Story.objects.count() == 3

    joined = services.stories_regroup()

    assert [(story.slug, taken) for story, taken in joined] == [("signing", ["night"])]
    assert Story.objects.count() == 2
    story = Story.objects.get(slug="signing")
    assert story.article_count == 2
    # The joined story was realigned whole: its two reports are linked.
    assert ClaimLink.objects.filter(story=story).exclude(article_a=F("article_b")).exists()
    # Nothing more to join the second time.
    assert services.stories_regroup() == []


def test_realign_all_joins_the_stories_and_says_so() -> None:
    import io

    from django.core.management import call_command

    article_ingest(raw_text=SIGNING_EN, outlet_name="Harbour Herald", story_slug="signing")
    article_ingest(raw_text=PRESENTATION_EN, outlet_name="City Sport", story_slug="night")
    out = io.StringIO()
    call_command("realign", "--story", "night", stdout=out)
    assert Story.objects.count() == 2 and "joined" not in out.getvalue()
    call_command("realign", "--all", stdout=out)
    assert "signing: joined night" in out.getvalue()
    assert list(Story.objects.values_list("slug", flat=True)) == ["signing"]
