"""pipeline/lang: one module per language, the same names in each, merged views. No database."""

from __future__ import annotations

import types

import pytest

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import normalize_text

# Lists kept as the text writes them rather than folded (their comments say why), and the
# one folded list with a historical unfolded entry ("ية": light_stem sees folded tokens).
NOT_FOLDED = {"ABBREVIATIONS", "COMPANY_NOISE", "STEM_SUFFIXES"}


def test_languages_are_discovered() -> None:
    assert lang.CODES == ("ar", "en")


def test_every_language_defines_the_same_lists() -> None:
    names = [lang._list_names(module) for module in lang.LANGUAGES]
    assert all(n == names[0] for n in names)
    assert {"STOPWORDS", "MONTHS", "NEGATION_FORMS", "SAY_BEFORE_SOURCE"} <= names[0]


def test_a_language_missing_a_list_is_refused() -> None:
    complete = types.ModuleType("xx")
    setattr(complete, "MONTHS", {})  # noqa: B010 (a module built for the test)
    incomplete = types.ModuleType("yy")
    with pytest.raises(ImportError, match="MONTHS"):
        lang._check_same_names((complete, incomplete))


def test_merged_views_hold_every_language() -> None:
    months = lang.merged_dict("MONTHS")
    assert (months["اكتوبر"], months["تشرين الاول"], months["october"]) == (10, 10, 10)
    stopwords = lang.merged_set("STOPWORDS")
    assert {"في", "the"} <= stopwords
    # Tuples keep each language's order, languages in code order.
    assert lang.merged_tuple("STANDALONE_SCALES") == (
        "الف",
        "مليون",
        "مليار",
        "thousand",
        "million",
        "billion",
    )
    with pytest.raises(KeyError):
        lang.merged_set("NO_SUCH_LIST")


@pytest.mark.parametrize("module", lang.LANGUAGES, ids=lambda m: m.__name__)
def test_word_lists_hold_folded_forms(module: types.ModuleType) -> None:
    for name in sorted(lang._list_names(module) - NOT_FOLDED):
        for word in getattr(module, name):
            # A trailing space in a phrase stands for whitespace (NAME_JOINERS).
            assert normalize_text(word) == word.rstrip(" "), (name, word)
