"""Story search across scripts: a name typed in Latin letters finds the Arabic story that
names it and the other way round (through normalize.name_key), the matching claim shown
with its words highlighted; on PostgreSQL full-text search with ranking.

The claims are short sentences written for these tests.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from newsdiff import selectors
from newsdiff.models import Language
from newsdiff.pipeline.facts import extract_facts
from newsdiff.selectors.stories import NAME_KEY_DISTINCT_LENGTH, name_query_parse
from tests.builders import (
    article_with_claims,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


def _arabic_story(slug: str, *claims: str, title: str = "قصة") -> None:
    story = story_create_for_test(title=title, slug=slug)
    article_with_claims(story=story, claims=list(claims))


def _english_story(slug: str, *claims: str, title: str = "A story") -> None:
    """An English story whose claims carry the facts the pipeline finds in them (names)."""
    story = story_create_for_test(title=title, slug=slug)
    reuters = outlet_create_for_test(name=f"Wire {slug}", language=Language.ENGLISH)
    items = [(c, [f.as_dict() for f in extract_facts(c)]) for c in claims]
    article_with_claims(story=story, outlet=reuters, claims=items)


def _found(query: str) -> list[str]:
    return [row.slug for row in selectors.story_list_rows(query=query)]


def _marked(segments) -> list[str]:
    return [s.text for s in segments if s.highlighted]


# --- a Latin query finds the Arabic story ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "claim", "marked"),
    [
        ("Viktor Bout", "أفرجت واشنطن عن تاجر السلاح فيكتور بوت في صفقة تبادل.", "فيكتور بوت"),
        ("viktor bout", "وصل فيكتور بوت إلى موسكو مساء الخميس.", "فيكتور بوت"),
        ("Derna", "غمرت السيول مدينة درنة شرقي ليبيا.", "درنة"),
        ("Neymar", "وقّع نيمار عقدًا مع نادي الهلال لمدة عامين.", "نيمار"),
        ("Marrakesh", "شعر سكان مراكش بالهزة الأرضية ليلًا.", "مراكش"),
        ("Houthi", "أعلنت جماعة الحوثي إطلاق صاروخ باتجاه السفن.", "الحوثي"),
        ("Houthi", "قال الحوثيون إنهم استهدفوا سفينة تجارية.", "الحوثيون"),
        ("Hezbollah", "قال حزب الله إنه قصف موقعًا عسكريًا.", None),
        ("Putin", "التقى بوتين وزير الخارجية في الكرملين.", "بوتين"),
        ("Al-Houthi", "صرح عبد الملك الحوثي في كلمة متلفزة.", "الحوثي"),
        ("Washington", "أعلنت واشنطن فرض عقوبات جديدة.", "واشنطن"),
    ],
)
def test_latin_query_finds_the_arabic_story(query, claim, marked):
    _arabic_story("target", "جملة أولى لا تذكر أحدًا.", claim)
    _arabic_story("other", "جرت الانتخابات البلدية أمس في هدوء.")
    if marked is None:  # "Hezbollah" (hzbl) is written حزب الله, two words: not found
        assert _found(query) == []
        return
    assert _found(query) == ["target"]
    (row,) = selectors.story_list_rows(query=query)
    assert row.claim_match and "".join(s.text for s in row.claim_match) == claim
    assert _marked(row.claim_match) == [marked]


# --- an Arabic query finds the English story ---------------------------------------------


@pytest.mark.parametrize(
    ("query", "claim", "marked"),
    [
        (
            "فيكتور بوت",
            "Russian arms dealer Viktor Bout was freed in a prisoner swap.",
            "Viktor Bout",
        ),
        ("بوت", "Russian arms dealer Viktor Bout was freed in a prisoner swap.", "Bout"),
        ("درنة", "Floods swept through the city of Derna after the storm.", "Derna"),
        ("نيمار", "Brazilian forward Neymar joined Al Hilal on Tuesday.", "Neymar"),
        ("نيمار", "On Tuesday Neymar joined Al Hilal.", "Neymar"),  # no fact: capitalised
        ("مراكش", "The quake was felt strongly in Marrakesh overnight.", "Marrakesh"),
        ("الحوثي", "A missile was fired by the Houthi movement, officials said.", "Houthi"),
        ("الحوثيين", "A missile was fired by the Houthi movement, officials said.", "Houthi"),
    ],
)
def test_arabic_query_finds_the_english_story(query, claim, marked):
    _english_story("target", "The first sentence names nobody.", claim)
    _english_story("other", "Voters went to the polls on Sunday.")
    assert _found(query) == ["target"]
    (row,) = selectors.story_list_rows(query=query)
    assert _marked(row.claim_match) == [marked]


# --- false positives -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "claim"),
    [
        # A short key ("ht") finds no common word of another shape (حيث "where").
        ("Houthi", "قال المسؤول حيث وقعت الحادثة إن التحقيق مستمر."),
        ("Houthi", "حطت الطائرة في المطار مساء أمس."),
        # "drn" in "during" is no name: Latin text matches only capitalised words.
        ("درنة", "Rescue teams worked during the night."),
        ("درنة", "During the night, rescue teams worked."),  # a capital after a full stop
        # "bt" in "about" / "But": short keys match only names the facts stage stored.
        ("بوت", "Officials said about 40 people were hurt. But no one died."),
        # A key must be the whole word's: "Derna" is not in "Dernier" nor درنيات.
        ("Derna", "ارتفعت أسعار الأدوية في السوق."),
        ("Marrakesh", "تحدث الكرملين عن الزلزال."),
        ("Putin", "جرت الانتخابات في بيت الضيافة."),
    ],
)
def test_names_do_not_match_common_words(query, claim):
    if query.isascii():
        _arabic_story("target", claim)
    else:
        _english_story("target", claim)
    assert _found(query) == []


def test_short_and_function_words_are_no_name():
    assert name_query_parse("al") is None
    assert name_query_parse("the") is None
    assert name_query_parse("AK-74 ملايين") is None  # two scripts
    name = name_query_parse("al-Houthi")
    assert name is not None and name.keys == ("ht",)
    assert sum(map(len, name.keys)) < NAME_KEY_DISTINCT_LENGTH
    name = name_query_parse("فيكتور بوت")
    assert name is not None and name.keys == ("fktr", "bt") and name.arabic


def test_regex_characters_stay_literal():
    _arabic_story("target", "قال فيكتور بوت إنه بريء.")
    assert _found("Bout.*") == []
    assert _found("[بوت]") == []


# --- rows -----------------------------------------------------------------------------------


def test_without_a_query_rows_are_unchanged():
    _arabic_story("one", "وصل فيكتور بوت إلى موسكو.")
    (row,) = selectors.story_list_rows()
    assert row.title_match == () and row.claim_match == ()


def test_same_script_match_highlights_claim_and_title():
    _arabic_story("target", "بيعت الأسلحة في السوق السوداء.", title="صفقة الأسلحة")
    (row,) = selectors.story_list_rows(query="اسلحه")
    assert _marked(row.claim_match) == ["الأسلحة"]
    assert _marked(row.title_match) == ["الأسلحة"]


def test_phrase_is_one_mark_and_a_substring_marks_its_words():
    _arabic_story("target", "قال فيكتور بوت إنه بريء من التهم.")
    (row,) = selectors.story_list_rows(query="فيكتور بو")
    assert _marked(row.claim_match) == ["فيكتور بوت"]


def test_title_only_match_shows_no_claim():
    _arabic_story("target", "جملة لا علاقة لها.", title="زلزال مراكش")
    (row,) = selectors.story_list_rows(query="مراكش")
    assert row.claim_match == ()
    assert _marked(row.title_match) == ["مراكش"]


def test_search_rows_take_two_queries(django_assert_num_queries):
    for n in range(5):
        _arabic_story(f"s{n}", "وصل فيكتور بوت إلى موسكو.", "جملة.")
    for query in ("Viktor Bout", "فيكتور بوت", "موسكو"):
        with django_assert_num_queries(2):
            rows = selectors.story_list_rows(query=query)
        assert len(rows) == 5 and all(r.claim_match for r in rows)


def test_exports_filter_finds_the_other_script_too():
    _arabic_story("target", "وصل فيكتور بوت إلى موسكو.")
    assert list(selectors.stories_filter(query="Viktor Bout").values_list("slug", flat=True)) == [
        "target"
    ]


# --- PostgreSQL: full-text search and rank ---------------------------------------------------


@postgresql_only
def test_full_text_finds_other_forms_of_a_word():
    _english_story("target", "The prisoners were released on Friday.")
    _arabic_story("arabic", "أفرجت السلطات عن المعتقلين يوم الجمعة.")
    assert _found("release") == ["target"]  # english stemmer
    (row,) = selectors.story_list_rows(query="release")
    assert _marked(row.claim_match) == ["released"]
    assert _found("المعتقل") == ["arabic"]  # arabic configuration


@postgresql_only
def test_full_text_orders_by_rank():
    _english_story("newer", "Sanctions were mentioned once.", "Trade talks went on.")
    _english_story(
        "older-but-better",
        "New sanctions on oil exports.",
        title="Sanctions on sanctions",
    )
    slugs = _found("sanctions")
    assert slugs[0] == "older-but-better"


@postgresql_only
def test_matched_claim_holds_the_query_as_typed_before_other_forms():
    _english_story("story", "Two prisoners were released at dawn.", "More releases are expected.")
    # Both claims match "releases" (the stemmer's releas); the second holds it as typed.
    (row,) = selectors.story_list_rows(query="releases")
    assert _marked(row.claim_match) == ["releases"]
    # No claim holds "releasing" as typed: the best ranked claim that matches otherwise.
    (row,) = selectors.story_list_rows(query="releasing")
    assert _marked(row.claim_match) == ["released"]


# --- the view ----------------------------------------------------------------------------------


@pytest.fixture
def editor(client):
    client.force_login(user_create_for_test(username="editor", role="Editor"))
    return client


def test_view_partial_shows_the_highlighted_claim(editor):
    _arabic_story("bout", "وصل فيكتور بوت إلى موسكو.", title="تبادل السجناء")
    _arabic_story("elections", "جرت الانتخابات أمس.")
    html = editor.get(reverse("story_list"), {"q": "Viktor Bout"}, headers=HTMX).content.decode()
    assert "<html" not in html
    assert "/bout" in html or "bout" in html
    assert "elections" not in html
    assert "<mark>فيكتور بوت</mark>" in html
    assert 'class="story-row__match" dir="auto"' in html


def test_view_full_page_search_and_escaping(editor):
    _arabic_story("bout", "قال <b>فيكتور بوت</b> إنه بريء.")
    html = editor.get(reverse("story_list"), {"q": "Viktor Bout"}).content.decode()
    assert "<html" in html
    assert "&lt;b&gt;" in html  # claim text stays escaped around the marks
    assert "<mark>فيكتور بوت</mark>" in html


def test_view_without_query_shows_no_match_line(editor):
    _arabic_story("bout", "وصل فيكتور بوت إلى موسكو.")
    html = editor.get(reverse("story_list")).content.decode()
    assert "story-row__match" not in html
    assert "<mark" not in html
