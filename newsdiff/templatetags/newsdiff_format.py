"""Dates, fact kinds and link explanations for reading, in the reader's locale.

Django's Arabic locale defines DATE_FORMAT and TIME_FORMAT but no DATETIME_FORMAT, so
`|date:"DATETIME_FORMAT"` would fall back to the English pattern there; `|when` joins the
locale's own date and time formats instead whenever the locale lacks a combined one.

Most articles only give a day (a dateline, "yesterday, 7 October"); ingestion stores
those at midnight. A time of exactly 00:00:00 is therefore shown as a date alone rather
than as a "midnight" nobody reported.

The engine stores English explanations and bare fact-kind codes; `|explain`, `|fact_kind`
and `|fact_value` (from newsdiff/explanations.py) put them in the reader's language.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.formats import date_format, get_format_modules, time_format
from django.utils.translation import gettext

from newsdiff.explanations import (
    explanation_localized,
    fact_kind_label,
    fact_unit_label,
    fact_value_label,
)
from newsdiff.models import ClaimLink

register = template.Library()


def _locale_defines(name: str) -> bool:
    return any(hasattr(module, name) for module in get_format_modules())


@register.filter
def when(value: dt.datetime | None) -> str:
    """A date and time as the reader's locale writes them ("" for None)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if value.time() == dt.time(0, 0):
        return date_format(value, "DATE_FORMAT")
    if _locale_defines("DATETIME_FORMAT"):
        return date_format(value, "DATETIME_FORMAT")
    return gettext("%(date)s, %(time)s") % {
        "date": date_format(value, "DATE_FORMAT"),
        "time": time_format(value, "TIME_FORMAT"),
    }


@register.filter
def explain(link: ClaimLink, from_claim_id: int | None = None) -> str:
    """link's explanation in the reader's language.

    from_claim_id: the claim the reader stands on; from claim b, the two sides' values are
    told in the order b, a, as the page's "here / there" columns are.
    """
    flipped = from_claim_id is not None and from_claim_id == link.claim_b_id
    return explanation_localized(link.details, fallback=link.explanation, flipped=flipped)


@register.filter
def fact_kind(kind: str) -> str:
    """A fact kind ("money", "date" ...) in the reader's language."""
    return fact_kind_label(str(kind))


@register.filter
def fact_unit(unit: str) -> str:
    """A fact's unit ("year", "USD" ...) in the reader's language."""
    return fact_unit_label(str(unit))


@register.filter
def fact_value(value: object, kind: str) -> str:
    """A fact value for reading: grouped digits for numbers, a word for a direction."""
    return fact_value_label(str(kind), value)
