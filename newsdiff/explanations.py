"""A link's explanation in the reader's language.

The pipeline stays free of Django, so the explanation it stores on a link is English
(exports and the JSON API keep that text). The link's ``details`` carry everything the
sentence was made from: the reason code, the differing facts, the distinct quantities and,
for a dispute, who said what. This module rebuilds the sentence from them with gettext,
one translatable sentence per reason code, and falls back to the stored text for a reason
it does not know (an engine newer than this module, or a hand-made link).

The reason codes and the shapes of ``details`` are those of ``pipeline/relate.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

FACT_KIND_LABELS: dict[str, Promise] = {
    "money": pgettext_lazy("fact kind", "money"),
    "count": pgettext_lazy("fact kind", "count"),
    "age": pgettext_lazy("fact kind", "age"),
    "year": pgettext_lazy("fact kind", "year"),
    "date": pgettext_lazy("fact kind", "date"),
    "duration": pgettext_lazy("fact kind", "duration"),
    "percent": pgettext_lazy("fact kind", "percent"),
    "number": pgettext_lazy("fact kind", "number"),
    "negation": pgettext_lazy("fact kind", "negation"),
    "direction": pgettext_lazy("fact kind", "direction"),
    "place": pgettext_lazy("fact kind", "place"),
    "entity": pgettext_lazy("fact kind", "entity"),
}

# Units of time a fact may carry; currencies keep their ISO codes (USD, EUR ...), which
# newsrooms read in either language.
FACT_UNIT_LABELS: dict[str, Promise] = {
    "year": pgettext_lazy("fact unit", "years"),
    "month": pgettext_lazy("fact unit", "months"),
    "week": pgettext_lazy("fact unit", "weeks"),
    "day": pgettext_lazy("fact unit", "days"),
}

# The values a "direction" fact takes (relate.OPPOSITE's keys).
DIRECTION_LABELS: dict[str, Promise] = {
    "up": pgettext_lazy("direction", "up"),
    "down": pgettext_lazy("direction", "down"),
    "confirm": pgettext_lazy("direction", "confirms"),
    "deny": pgettext_lazy("direction", "denies"),
}

# Kinds whose values are plain numbers, written with the locale's thousands separator
# (as templates/newsdiff/_fact_value.html writes them).
NUMERIC_KINDS = frozenset({"money", "count", "number"})

# An agreement's reason is one of these (relate_claims gives every other verdict another
# code), so a non-empty distinct_quantities under them is the "different quantities" case.
AGREEMENT_REASONS = frozenset({"same_facts", "paraphrase"})

# Each reason alone, and with its first differing fact: %(kind)s is the fact's kind, %(a)s
# and %(b)s its two values.
REASON_SENTENCES: dict[str, Promise] = {
    "same_facts": gettext_lazy("Both claims report the same facts."),
    "paraphrase": gettext_lazy("The claims say the same thing in different words."),
    "value_mismatch": gettext_lazy("Same quantity, different values."),
    "date_mismatch": gettext_lazy("Same event, different dates."),
    "place_mismatch": gettext_lazy("Same event, different places."),
    "negation": gettext_lazy("One claim negates the other."),
    "opposite_direction": gettext_lazy("The claims move in opposite directions."),
    "entity_substitution": gettext_lazy("A different name in the same role."),
    "learned": gettext_lazy("The wording differs in a way that usually means a contradiction."),
    "low_overlap": gettext_lazy("The claims only look alike: they share too little to compare."),
}
REASON_SENTENCES_WITH_VALUES: dict[str, Promise] = {
    "same_facts": gettext_lazy("Both claims report the same facts (%(kind)s: %(a)s vs %(b)s)."),
    "paraphrase": gettext_lazy(
        "The claims say the same thing in different words (%(kind)s: %(a)s vs %(b)s)."
    ),
    "value_mismatch": gettext_lazy("Same quantity, different values (%(kind)s: %(a)s vs %(b)s)."),
    "date_mismatch": gettext_lazy("Same event, different dates (%(kind)s: %(a)s vs %(b)s)."),
    "place_mismatch": gettext_lazy("Same event, different places (%(kind)s: %(a)s vs %(b)s)."),
    "negation": gettext_lazy("One claim negates the other (%(kind)s: %(a)s vs %(b)s)."),
    "opposite_direction": gettext_lazy(
        "The claims move in opposite directions (%(kind)s: %(a)s vs %(b)s)."
    ),
    "entity_substitution": gettext_lazy(
        "A different name in the same role (%(kind)s: %(a)s vs %(b)s)."
    ),
    "learned": gettext_lazy(
        "The wording differs in a way that usually means a contradiction "
        "(%(kind)s: %(a)s vs %(b)s)."
    ),
    "low_overlap": gettext_lazy(
        "The claims only look alike: they share too little to compare (%(kind)s: %(a)s vs %(b)s)."
    ),
}


def fact_kind_label(kind: str) -> str:
    """The name of a fact kind in the reader's language (the code itself if unknown)."""
    label = FACT_KIND_LABELS.get(kind)
    return str(label) if label is not None else kind


def fact_unit_label(unit: str) -> str:
    """A fact's unit in the reader's language (currency codes and "%" as they are)."""
    label = FACT_UNIT_LABELS.get(unit)
    return str(label) if label is not None else unit


def fact_value_label(kind: str, value: Any) -> str:
    """A fact value for reading: grouped digits for numbers, a word for a direction."""
    text = "" if value is None else str(value)
    if kind in NUMERIC_KINDS:
        return str(intcomma(text))
    if kind == "direction" and text in DIRECTION_LABELS:
        return str(DIRECTION_LABELS[text])
    return text


def _pair(fact: Mapping[str, Any], flipped: bool) -> tuple[str, str, str]:
    kind = str(fact.get("kind", ""))
    a, b = fact.get("a"), fact.get("b")
    if flipped:
        a, b = b, a
    return fact_kind_label(kind), fact_value_label(kind, a), fact_value_label(kind, b)


def _first_fact(facts: Any) -> Mapping[str, Any] | None:
    if isinstance(facts, list | tuple):
        return next((f for f in facts if isinstance(f, Mapping)), None)
    return None


def _reason_sentence(reason: str, details: Mapping[str, Any], flipped: bool) -> str | None:
    """The sentence for one reason code, None for a code this module does not know."""
    if reason not in REASON_SENTENCES:
        return None
    distinct = _first_fact(details.get("distinct_quantities"))
    if reason in AGREEMENT_REASONS and distinct is not None:
        kind, a, b = _pair(distinct, flipped)
        return gettext("Different quantities, not a contradiction (%(kind)s: %(a)s / %(b)s).") % {
            "kind": kind,
            "a": a,
            "b": b,
        }
    differing = _first_fact(details.get("differing"))
    if differing is None:
        return str(REASON_SENTENCES[reason])
    kind, a, b = _pair(differing, flipped)
    return str(REASON_SENTENCES_WITH_VALUES[reason]) % {"kind": kind, "a": a, "b": b}


def explanation_localized(
    details: Mapping[str, Any] | None, *, fallback: str, flipped: bool = False
) -> str:
    """The one-line explanation of a link in the active language.

    details: the link's details as relate_claims stored them; fallback: the stored English
    explanation, returned when the reason code is unknown. flipped: tell the two sides in
    the order b, a (a claim page reads the link from claim b's side).
    """
    if not isinstance(details, Mapping):
        return fallback
    reason = str(details.get("reason", ""))
    if reason != "disputed_by_sources":
        sentence = _reason_sentence(reason, details, flipped)
        return fallback if sentence is None else sentence

    # A dispute: details["rule"] is the contradiction the two sources' accounts make.
    why = _reason_sentence(str(details.get("rule", "")), details, flipped)
    if why is None:
        return fallback
    attribution = details.get("attribution")
    names = attribution if isinstance(attribution, Mapping) else {}
    who_a = str(names.get("a") or "") or gettext("the outlet")
    who_b = str(names.get("b") or "") or gettext("the outlet")
    if flipped:
        who_a, who_b = who_b, who_a
    return gettext(
        "Sources disagree: %(a)s and %(b)s give conflicting accounts; "
        "the outlets report both. %(why)s"
    ) % {"a": who_a, "b": who_b, "why": why}
