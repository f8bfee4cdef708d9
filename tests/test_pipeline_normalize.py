"""Normalisation: Arabic orthography, digits, clitics, cross-script name keys."""

from __future__ import annotations

import re

import pytest

from newsdiff.pipeline.normalize import (
    alternation,
    is_arabic,
    light_stem,
    name_key,
    normalize_text,
    normalized,
    surface_of,
    word_zipf,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أَسْلِحَة", "اسلحه"),  # diacritics, hamza on alef, teh marbuta
        ("إطلاق سراحه", "اطلاق سراحه"),
        ("آلية", "اليه"),
        ("مصطفى", "مصطفي"),  # alef maksura
        ("جـــديـد", "جديد"),  # tatweel
        ("قُتل ٣٥ شخصاً عام ٢٠٢٤", "قتل 35 شخصا عام 2024"),  # Arabic-Indic digits
        ("۱۲ قتيلاً", "12 قتيلا"),  # Persian digits too
        ("الرئیس فی کرمان", "الرئيس في كرمان"),  # Persian yeh and keheh
        ("دراسۀ مدرسہ", "دراسه مدرسه"),  # Persian and Urdu heh forms, as teh marbuta
        ("قال: «نعم»، ولكن؟", 'قال: "نعم", ولكن?'),  # Arabic punctuation folded
        ("The  U.N.   said", "the u.n. said"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_search_spellings_meet() -> None:
    assert normalize_text("اسلحه") == normalize_text("أسلحة") == normalize_text("أَسْلِحَةٌ")


def test_a_name_written_with_persian_letters_is_the_arabic_name() -> None:
    assert name_key(normalized("کاظمی")) == name_key(normalized("كاظمي"))
    assert light_stem(normalized("والإیرانیة")) == light_stem(normalized("والإيرانية"))


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("والصواريخ", "صواريخ"),
        ("بالاسلحه", "اسلح"),
        ("للدبابات", "دباب"),
        ("وزير", "وزير"),  # short words keep their letters
        ("weapons", "weapon"),
    ],
)
def test_light_stem_peels_clitics(token: str, stem: str) -> None:
    assert light_stem(token) == stem


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("كورنيت", "Kornet"),
        ("فيكتور", "Viktor"),
        ("بوتين", "Putin"),
        ("واشنطن", "Washington"),
        # "gh", "kh" and "dh" write one Arabic letter each.
        ("إغيل", "Ighil"),
        ("خالد", "Khaled"),
        ("ظبي", "Dhabi"),
    ],
)
def test_name_key_joins_arabic_and_latin_spellings(arabic: str, latin: str) -> None:
    assert name_key(normalize_text(arabic)) == name_key(latin.lower())


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("كورنيت") != name_key("javelin")


def test_surface_of_recovers_the_written_name() -> None:
    text = 'كشفت صحيفة "وول ستريت جورنال" عن الصفقة'
    assert surface_of(text, "صحيفه وول ستريت جورنال") == "صحيفة وول ستريت جورنال"
    assert surface_of("وقال الكرملين، اليوم", "الكرملين") == "الكرملين"
    assert surface_of("لا شيء هنا", "الكرملين") == "الكرملين"


def test_surface_of_keeps_apostrophes_and_drops_a_clitic() -> None:
    # An apostrophe inside a word is spelling; quotation marks around a name are typography.
    assert surface_of("The player's father denied it", "the player's father") == (
        "The player's father"
    )
    assert surface_of("He said 'the ministry' lied", "the ministry") == "the ministry"
    # A name written with a clitic in front ("لتقارير") is shown without it, and its own
    # spelling (ة, not the folded ه).
    assert surface_of("ووفقًا لتقارير سعودية، يعد النادي", "تقارير سعوديه") == "تقارير سعودية"
    assert surface_of("وفقا لِتقارير سعودية", "تقارير سعوديه") == "تقارير سعودية"
    # ... and the clitic in a presentation form ("ﻟ", U+FEDF) is found in its own word.
    assert surface_of("وفقا \ufedfتقارير سعودية قال الوزير", "تقارير سعوديه") == "تقارير سعودية"
    # Written as it is later in the text, that is the name.
    assert surface_of("لبنان ثم بنان", "بنان") == "بنان"


def test_is_arabic() -> None:
    assert is_arabic("صواريخ Kornet المضادة للدبابات")
    assert not is_arabic("Kornet anti-tank missiles")
    assert not is_arabic("2024")


def test_normalized_is_normalize_text_cached() -> None:
    text = "قُتل ٣٥ شخصاً"
    assert normalized(text) == normalize_text(text)
    assert normalized(text) is normalized(text)


def test_alternation_tries_longer_words_first() -> None:
    month = re.match(alternation(["الثاني", "كانون الثاني"]), "كانون الثاني")
    assert month and month.group() == "كانون الثاني"
    # Words are literal: a dot is a dot.
    assert not re.fullmatch(alternation(["u.s"]), "uxs")
    strict = re.compile(alternation(["اول امس"]))
    loose = re.compile(alternation(["اول امس"], any_space=True))
    assert (strict.fullmatch("اول  امس"), bool(loose.fullmatch("اول  امس"))) == (None, True)
    with pytest.raises(ValueError):
        alternation([])


def test_an_arabic_word_is_as_common_as_all_its_spellings_together() -> None:
    """Folded, "أعلن" is "اعلن" and "لمدة" is "لمده": the word lists know the spellings."""
    from wordfreq import zipf_frequency

    assert word_zipf(normalize_text("أعلن")) >= zipf_frequency("أعلن", "ar") > 5
    assert word_zipf(normalize_text("لمدة")) >= zipf_frequency("لمدة", "ar") > 5
    # The folded spelling alone is a rare word.
    assert zipf_frequency(normalize_text("لمدة"), "ar") < word_zipf(normalize_text("لمدة")) - 1
    assert word_zipf("neymar") == zipf_frequency("neymar", "en")
    assert word_zipf("زقزقتهماتلك") == 0
