"""Per-language word lists: one module per language, data only, no logic.

Every module in this package is a language (``ar.py``, ``en.py``, named by ISO 639-1 code)
and defines the same UPPERCASE names; a list a language does not need is an empty
collection there. The stages read the lists of all languages at once through the merged
views below, and build their regexes from them: adding a language is adding one file.

    from newsdiff.pipeline import lang
    MONTHS: dict[str, int] = lang.merged_dict("MONTHS")     # {"يناير": 1, "january": 1, ...}
    STOPWORDS = lang.merged_set("STOPWORDS")                # frozenset of both languages
    PREFIXES = lang.merged_tuple("STEM_PREFIXES")           # languages in code order

Word lists hold folded forms (normalize_text output: no diacritics, ه for ة, ي for ى, lower
case) unless their comment says otherwise, since the stages match them on folded text. In a
phrase, one space stands for one space of folded text, except where the comment says it
stands for any whitespace.

This package imports only the standard library: every stage may read it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Collection, Mapping
from types import ModuleType
from typing import Any


def _discover() -> tuple[ModuleType, ...]:
    """The language modules of this package, in order of their codes."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.ispkg)
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


def _list_names(module: ModuleType) -> set[str]:
    return {name for name in vars(module) if name.isupper() and not name.startswith("_")}


def _check_same_names(languages: tuple[ModuleType, ...]) -> None:
    """Every language defines every list, so that a list missing in one is a loud error
    here rather than a silently narrower pattern in a stage."""
    every = set().union(*(_list_names(module) for module in languages))
    for module in languages:
        missing = every - _list_names(module)
        if missing:
            raise ImportError(f"{module.__name__} lacks {sorted(missing)} (empty if unused)")


LANGUAGES: tuple[ModuleType, ...] = _discover()
_check_same_names(LANGUAGES)
# The language codes, in the order the merged views read them.
CODES: tuple[str, ...] = tuple(module.__name__.rsplit(".", 1)[1] for module in LANGUAGES)


def _values(name: str) -> list[Any]:
    if not LANGUAGES or not hasattr(LANGUAGES[0], name):
        raise KeyError(f"no language defines {name}")
    return [getattr(module, name) for module in LANGUAGES]


def merged_tuple(name: str) -> tuple[str, ...]:
    """The list called name in every language, concatenated in the order of CODES (for
    lists whose order matters, such as affixes tried longest first)."""
    merged: list[str] = []
    for words in _values(name):
        if isinstance(words, str) or not isinstance(words, Collection):
            raise TypeError(f"{name} is not a collection of words")
        merged.extend(words)
    return tuple(merged)


def merged_set(name: str) -> frozenset[str]:
    """The list called name in every language, as one set."""
    return frozenset(merged_tuple(name))


def merged_dict(name: str) -> dict[str, Any]:
    """The mapping called name in every language, as one dict (in the order of CODES).

    A word two languages map to different values is an error: the merged view could not
    say which one is meant.
    """
    merged: dict[str, Any] = {}
    for module, mapping in zip(LANGUAGES, _values(name), strict=True):
        if not isinstance(mapping, Mapping):
            raise TypeError(f"{module.__name__}.{name} is not a mapping")
        for word, value in mapping.items():
            if word in merged and merged[word] != value:
                raise ValueError(f"{name}[{word!r}] differs between languages")
            merged[word] = value
    return merged
