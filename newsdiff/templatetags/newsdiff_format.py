"""Dates for reading, in the reader's locale.

Django's Arabic locale defines DATE_FORMAT and TIME_FORMAT but no DATETIME_FORMAT, so
`|date:"DATETIME_FORMAT"` would fall back to the English pattern there; `|when` joins the
locale's own date and time formats instead whenever the locale lacks a combined one.

Most articles only give a day (a dateline, "yesterday, 7 October"); ingestion stores
those at midnight. A time of exactly 00:00:00 is therefore shown as a date alone rather
than as a "midnight" nobody reported.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.formats import date_format, get_format_modules, time_format
from django.utils.translation import gettext

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
