"""A link's verdict and its facts in the reader's language: the one place that writes them.

The pipeline returns a relation kind, a reason code (``pipeline.types.Reason``) and typed
details (``RelationDetails``), and no English. Everything people read about a link is
rendered here, with gettext, in the active language (Arabic or English): the story page,
the claim page, the exports (in English, under ``translation.override("en")``) and the
``relate`` command.

A sentence is composed of one sentence per reason code and, when the details give one, a
clause with the first fact the two claims give differently, as the articles wrote it
(``FactValue.text``, never a stem or a normalised key). A dispute names the two sources as
written before the reason; an update says between which publication dates the figure changed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from newsdiff.pipeline import lang
from newsdiff.pipeline.types import (
    DATE_KINDS,
    QUANTITY_KINDS,
    FactDifference,
    FactValue,
    Reason,
    RelationDetails,
)

# Kinds written as a number and its unit: the pipeline's quantities, and a length (a count
# of its unit, shown as a length: relate.rules).
SHOWN_QUANTITY_KINDS = QUANTITY_KINDS | {"length"}

FACT_KIND_LABELS: dict[str, Promise] = {
    "money": pgettext_lazy("fact kind", "money"),
    "count": pgettext_lazy("fact kind", "count"),
    "age": pgettext_lazy("fact kind", "age"),
    "year": pgettext_lazy("fact kind", "year"),
    "date": pgettext_lazy("fact kind", "date"),
    "time": pgettext_lazy("fact kind", "time of day"),
    "bearing": pgettext_lazy("fact kind", "direction from a place"),
    "region": pgettext_lazy("fact kind", "part of a country"),
    "daypart": pgettext_lazy("fact kind", "part of the day"),
    "duration": pgettext_lazy("fact kind", "duration"),
    "percent": pgettext_lazy("fact kind", "percent"),
    "number": pgettext_lazy("fact kind", "number"),
    "temperature": pgettext_lazy("fact kind", "temperature"),
    "length": pgettext_lazy("fact kind", "length"),
    "negation": pgettext_lazy("fact kind", "negation"),
    "direction": pgettext_lazy("fact kind", "direction"),
    "place": pgettext_lazy("fact kind", "place"),
    "entity": pgettext_lazy("fact kind", "entity"),
}

# Units of time a fact may carry; currencies keep their ISO codes (USD, EUR ...), which
# newsrooms read in either language, and "%" stays "%".
FACT_UNIT_LABELS: dict[str, Promise] = {
    "year": pgettext_lazy("fact unit", "years"),
    "month": pgettext_lazy("fact unit", "months"),
    "week": pgettext_lazy("fact unit", "weeks"),
    "day": pgettext_lazy("fact unit", "days"),
    "hour": pgettext_lazy("fact unit", "hours"),
    "decade": pgettext_lazy("fact unit", "decades"),
    "km": pgettext_lazy("fact unit", "km"),
    "m": pgettext_lazy("fact unit", "m"),
    "mi": pgettext_lazy("fact unit", "miles"),
    "ft": pgettext_lazy("fact unit", "ft"),
    "C": pgettext_lazy("fact unit", "°C"),
}

# The values a "direction" fact takes, as words (for a fact that kept no words of its own).
DIRECTION_LABELS: dict[str, Promise] = {
    "up": pgettext_lazy("direction", "up"),
    "down": pgettext_lazy("direction", "down"),
    "confirm": pgettext_lazy("direction", "confirms"),
    "deny": pgettext_lazy("direction", "denies"),
}


def _currency_words() -> dict[str, frozenset[str]]:
    """What shows a currency in the words of an article, by the code the facts stage gives
    money: the currency words of every language (pipeline/lang/), their inflected forms and
    qualifiers ("استرليني"), and the signs. Folded forms, matched inside words of the folded
    text, so that clitics ("بالدولار") count too."""
    forms_of: dict[str, set[str]] = defaultdict(set)
    for form, base in lang.merged_dict("CURRENCY_FORMS").items():
        forms_of[base].add(form)
    words: dict[str, set[str]] = defaultdict(set)
    for word, (default, qualified) in lang.merged_dict("CURRENCIES").items():
        for code in (default, *qualified.values()):
            words[code].update({word, *forms_of[word]})
        for qualifier, code in qualified.items():
            words[code].add(qualifier)
    for sign, code in lang.merged_dict("CURRENCY_SYMBOLS").items():
        words[code].add(sign)
    return {code: frozenset(found) for code, found in words.items()}


CURRENCY_WORDS = _currency_words()

# One sentence per reason code, without its full stop: link_sentence adds the stop, or the
# values clause and then the stop. FIGURE_UPDATED's sentence is used when a publication
# date is unknown and the wording tells no order (_update_sentence names the dates
# otherwise).
REASON_SENTENCES: dict[Reason, Promise] = {
    Reason.SAME_FACTS: gettext_lazy("Both claims report the same facts"),
    Reason.PARAPHRASE: gettext_lazy("The claims say the same thing in different words"),
    Reason.DISTINCT_QUANTITIES: gettext_lazy(
        "Different quantities, not a contradiction: the numbers measure different things"
    ),
    Reason.VALUE_MISMATCH: gettext_lazy("Same quantity, different values"),
    Reason.DATE_MISMATCH: gettext_lazy("Same event, different dates"),
    Reason.TIME_MISMATCH: gettext_lazy("Same event, different times of day"),
    Reason.PLACE_MISMATCH: gettext_lazy("Same event, different places"),
    Reason.NEGATION: gettext_lazy("One claim negates the other"),
    Reason.OPPOSITE_DIRECTION: gettext_lazy("The claims move in opposite directions"),
    Reason.ENTITY_SUBSTITUTION: gettext_lazy("A different name in the same role"),
    Reason.LEARNED: gettext_lazy("The wording differs in a way that usually means a contradiction"),
    Reason.FIGURE_UPDATED: gettext_lazy(
        "The figure was updated over time; nothing tells which figure came first"
    ),
    Reason.FIGURE_UPDATED_DAYS: gettext_lazy(
        "The figure changed between the two days the claims tell of"
    ),
    Reason.FIGURE_REVISED: gettext_lazy("The same source gave two figures: it revised its count"),
    Reason.LOW_OVERLAP: gettext_lazy(
        "The claims only look alike: they share too little to compare"
    ),
}

# An update whose publication dates are not both known, told in the order its claims' wording
# gives (RelationDetails.first).
UPDATE_WORDED_SENTENCE = gettext_lazy(
    "The figure was updated over time, as the claims' wording tells"
)

# A claim in the exports that no other outlet reports (its row's reason is "only_here").
ONLY_HERE_SENTENCE = gettext_lazy("Only this outlet reports this claim.")

_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER_RE = re.compile(r"\d+")
# Diacritics, superscript alef and tatweel: folded away before looking for currency words.
_MARKS_RE = re.compile("[\u064b-\u0652\u0670\u0640]")
_ALEF_FORMS = str.maketrans("أإآٱ", "اااا")


def fact_kind_label(kind: str) -> str:
    """The name of a fact kind in the reader's language (the code itself if unknown)."""
    label = FACT_KIND_LABELS.get(kind)
    return str(label) if label is not None else kind


def fact_unit_label(unit: str) -> str:
    """A fact's unit in the reader's language (currency codes and "%" as they are)."""
    label = FACT_UNIT_LABELS.get(unit)
    return str(label) if label is not None else unit


# --- One value -------------------------------------------------------------------------


def fact_value_display(value: FactValue) -> str:
    """A fact's value for reading: the words as the article wrote them, completed where
    they do not say it all.

    A money value whose words lack its currency gets the currency; a date whose words do
    not show the full date ("أمس", "last August", a bare month) gets the full date in the
    reader's locale in brackets ("أغسطس الماضي (August 2024)"); a direction code with no
    words becomes a word. A value with no words of its own is written out from its
    canonical form (grouped digits and the unit, a full date).
    """
    written = value.text.strip()
    if value.kind == "direction" and (not written or written == value.value):
        label = DIRECTION_LABELS.get(value.value)
        return str(label) if label is not None else value.value
    if not written or written == value.value:
        return _canonical_display(value)
    missing = _missing_from_words(value, written)
    if not missing:
        return written
    # Translators: a fact as the article wrote it, then what the words leave out
    # (a currency, a full date) in brackets.
    return gettext("%(written)s (%(missing)s)") % {"written": written, "missing": missing}


def _canonical_display(value: FactValue) -> str:
    if value.kind in SHOWN_QUANTITY_KINDS:
        number = _number_display(value.value)
        if not value.unit:
            return number
        if value.unit == "%":
            return f"{number}%"
        # Translators: a number and its unit ("25 years", "20,000,000 USD").
        return gettext("%(number)s %(unit)s") % {
            "number": number,
            "unit": fact_unit_label(value.unit),
        }
    if value.kind in DATE_KINDS:
        return _full_date(value.value) or value.value
    if value.kind == "time" and value.unit:
        return f"{value.value} {value.unit}"  # "07:10 ET"
    return value.value


def _number_display(value: str) -> str:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return number_format(number, force_grouping=True)


def _missing_from_words(value: FactValue, written: str) -> str:
    """What the written words of a fact leave out and a reader needs ("" when nothing)."""
    if value.kind == "money" and value.unit and not _shows_currency(written, value.unit):
        return value.unit
    if value.kind in DATE_KINDS and not _shows_full_date(written, value.value):
        return _full_date(value.value)
    if value.kind in SHOWN_QUANTITY_KINDS and value.unit and not any(c.isalpha() for c in written):
        # Bare digits ("25") whose unit was written elsewhere in the sentence.
        if value.unit == "%" and ("%" in written or "٪" in written):
            return ""
        return fact_unit_label(value.unit)
    return ""


def _fold(text: str) -> str:
    return _MARKS_RE.sub("", text).translate(_ALEF_FORMS).replace("ة", "ه").casefold()


def _shows_currency(written: str, code: str) -> bool:
    if any(unicodedata.category(char) == "Sc" for char in written):
        return True
    folded = _fold(written)
    return code.casefold() in folded or any(word in folded for word in CURRENCY_WORDS.get(code, ()))


def _shows_full_date(written: str, iso: str) -> bool:
    """Whether the words give the date's year (and, for a day, its day of the month).

    Relative words ("أمس", "last Monday") and a month without its year do not.
    """
    parts = iso.split("-")
    numbers = {int(n) for n in _NUMBER_RE.findall(written.translate(_ARABIC_INDIC_DIGITS))}
    if not parts[0].isdigit() or int(parts[0]) not in numbers:
        return False
    return len(parts) < 3 or (parts[2].isdigit() and int(parts[2]) in numbers)


def _full_date(iso: str) -> str:
    """An ISO date ("2024", "2024-08", "2024-10-07") as the reader's locale writes it."""
    parts = iso.split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return str(numbers[0])
        if len(numbers) == 2:
            return date_format(dt.date(numbers[0], numbers[1], 1), "YEAR_MONTH_FORMAT")
        if len(numbers) == 3:
            return date_format(dt.date(*numbers), "DATE_FORMAT")
    except ValueError:
        pass
    return ""


# --- One link --------------------------------------------------------------------------


def link_sentence(
    relation: str, details: RelationDetails, *, flipped: bool = False, isolate: bool = False
) -> str:
    """Why two claims stand as they do, in one line of the active language.

    relation: the link's kind (agreement | contradiction | disputed | updated); details: its
    typed details, oriented from claim a. flipped: read from claim b's side (its values and
    source first, as a claim page's "here / there" columns). isolate: set each value and
    source apart in its own direction (Unicode isolates, for a page: "20 مليون دولار" in an
    English sentence keeps its words and brackets in place); plain text for files.
    """
    if flipped:
        details = details.swapped()
    shown = _isolated if isolate else str
    if details.reason in (Reason.FIGURE_UPDATED_DAYS, Reason.FIGURE_REVISED):
        # Each claim names its own day, or no date orders the two: both values, unordered.
        return _reason_sentence(details, shown)
    if relation == "updated" or details.reason == Reason.FIGURE_UPDATED:
        return _update_sentence(details, shown)
    sentence = _reason_sentence(details, shown)
    if relation != "disputed":
        return sentence
    if not (details.source_a or details.source_b):
        return gettext(
            "The sources the outlets quote give conflicting accounts; the outlets report "
            "both. %(why)s"
        ) % {"why": sentence}
    return gettext(
        "Sources disagree: %(a)s and %(b)s give conflicting accounts; the outlets report "
        "both. %(why)s"
    ) % {
        "a": shown(details.source_a) if details.source_a else gettext("the outlet"),
        "b": shown(details.source_b) if details.source_b else gettext("the outlet"),
        "why": sentence,
    }


def _with_clause(sentence: str, clause: str) -> str:
    if not clause:
        # Translators: a reason sentence and its full stop.
        return gettext("%(sentence)s.") % {"sentence": sentence}
    # Translators: a reason sentence, then the fact it is about in brackets.
    return gettext("%(sentence)s (%(values)s).") % {"sentence": sentence, "values": clause}


def _isolated(text: str) -> str:
    """Text set apart in its own direction (first strong isolate ... pop isolate)."""
    return f"\u2068{text}\u2069" if text else text


def _pair(difference: FactDifference, shown: Callable[[str], str]) -> dict[str, str]:
    return {
        "kind": fact_kind_label(difference.kind or difference.a.kind),
        "a": shown(fact_value_display(difference.a)),
        "b": shown(fact_value_display(difference.b)),
    }


def _reason_sentence(details: RelationDetails, shown: Callable[[str], str]) -> str:
    sentence = str(REASON_SENTENCES[details.reason])
    if details.reason == Reason.DISTINCT_QUANTITIES:
        first = next(iter(details.distinct or details.differing), None)
        # Translators: two numbers of one kind that measure different things.
        template = gettext("%(kind)s: %(a)s and %(b)s")
    else:
        first = next(iter(details.differing), None)
        # Translators: one fact the two claims give differently.
        template = gettext("%(kind)s: %(a)s vs %(b)s")
    if first is None:
        return _with_clause(sentence, "")
    pair = _pair(first, shown)
    if not (pair["a"] and pair["b"]):
        return _with_clause(sentence, "")
    return _with_clause(sentence, template % pair)


def _update_sentence(details: RelationDetails, shown: Callable[[str], str]) -> str:
    """A figure that changed over time, told earlier first whatever the side: by the
    publication dates, else as the claims' wording tells (details.first), else unordered."""
    earlier, later = details.published_a, details.published_b
    if earlier is not None and later is not None and earlier != later:
        dated, backwards = True, earlier > later
    else:
        dated, backwards = False, details.first == "b"
    if backwards:
        details = details.swapped()
        earlier, later = later, earlier
    first = next(iter(details.differing), None)
    if first is None:
        clause = ""
    elif dated or details.first:
        # Translators: a figure that changed: its kind, the earlier value, then the later one.
        clause = gettext("%(kind)s: %(a)s, then %(b)s") % _pair(first, shown)
    else:
        # Translators: one fact the two claims give differently.
        clause = gettext("%(kind)s: %(a)s vs %(b)s") % _pair(first, shown)
    if earlier is None or later is None:
        sentence = str(
            UPDATE_WORDED_SENTENCE if details.first else REASON_SENTENCES[Reason.FIGURE_UPDATED]
        )
    elif earlier == later:
        sentence = gettext("The figure changed between two articles published on %(date)s") % {
            "date": date_format(earlier, "DATE_FORMAT")
        }
    else:
        sentence = gettext("The figure changed between the publication dates, %(a)s and %(b)s") % {
            "a": date_format(earlier, "DATE_FORMAT"),
            "b": date_format(later, "DATE_FORMAT"),
        }
    return _with_clause(sentence, clause)
