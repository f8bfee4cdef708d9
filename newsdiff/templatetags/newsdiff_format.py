"""Dates, fact kinds and link explanations for reading, in the reader's locale.

Django's Arabic locale defines DATE_FORMAT and TIME_FORMAT but no DATETIME_FORMAT, so
`|date:"DATETIME_FORMAT"` would fall back to the English pattern there; `|when` joins the
locale's own date and time formats instead whenever the locale lacks a combined one.

Most articles only give a day (a dateline, "yesterday, 7 October"); ingestion stores
those at midnight. A time of exactly 00:00:00 is therefore shown as a date alone rather
than as a "midnight" nobody reported.

The engine stores reason codes, typed details and fact-kind codes, never sentences;
`|explain`, `|fact_kind`, `|fact_unit` and `|fact_value` put them in the reader's language
through newsdiff/explanations.py, the one module that words them.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Iterable, Mapping

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format, get_format_modules, time_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from newsdiff.comparison import ClaimRow
from newsdiff.explanations import (
    fact_kind_label,
    fact_unit_label,
    fact_value_display,
    link_sentence,
)
from newsdiff.pipeline.types import FactValue, RelationDetails

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


def _typed_details(link: object) -> RelationDetails:
    details = getattr(link, "relation_details", None)
    if details is None:
        details = getattr(link, "details", None)
    return details if isinstance(details, RelationDetails) else RelationDetails.from_json(details)


def _claim_b_id(link: object) -> object:
    if hasattr(link, "claim_b_id"):
        return link.claim_b_id
    inner = getattr(link, "link", None)
    return getattr(inner, "claim_b_id", None)


@register.filter
def explain(link: object, from_claim_id: int | None = None) -> str:
    """Why a link stands as it does, in the reader's language (explanations.link_sentence).

    link: a ClaimLink, or any object with a ``relation`` and typed ``details`` (a
    RelationDetails; stored JSON is read with RelationDetails.from_json) and the link's
    ``claim_b_id`` (or a ``link`` that has it). from_claim_id: the claim the reader stands
    on; from claim b, the values and sources are told in the order b, a, as the page's
    "here / there" columns are. Leave it out for details already oriented to the reader.
    """
    flipped = from_claim_id is not None and _claim_b_id(link) == from_claim_id
    relation = str(getattr(link, "relation", ""))
    return link_sentence(relation, _typed_details(link), flipped=flipped, isolate=True)


@register.filter
def fact_kind(kind: str) -> str:
    """A fact kind ("money", "date" ...) in the reader's language."""
    return fact_kind_label(str(kind))


@register.filter
def fact_unit(unit: str) -> str:
    """A fact's unit ("year", "USD" ...) in the reader's language."""
    return fact_unit_label(str(unit))


@register.filter
def fact_value(value: object) -> str:
    """A fact's value for reading (explanations.fact_value_display): the words as written,
    with the currency or the full date they leave out.

    value: a FactValue, or its JSON (``FactValue.to_json``); anything else reads as "".
    """
    if isinstance(value, FactValue):
        return fact_value_display(value)
    if isinstance(value, Mapping):
        return fact_value_display(FactValue.from_json(value))
    return ""


# --- A claim's status ------------------------------------------------------------------

# The icon of each stored status (models.ClaimStatus), never colour alone.
STATUS_ICONS = {
    "contradicted": "✗",
    "disputed": "⚠",
    "updated": "↻",
    "agreed": "✓",
    "copied": "❏",
    "only_here": "◆",
}


@register.simple_tag
def claim_status(claim: object) -> str:
    """A claim's stored status as icon and words, in the interface language whatever the
    column's, with the editors' marks. "agreed (3 outlets)" is its group's "3 outlets agree".

    Written in Python and cached per language and status: a story page shows hundreds of
    claims, and the same few dozen labels rendered as template includes cost more than the
    rest of the page.
    """
    return _claim_status_html(
        translation.get_language(),
        str(getattr(claim, "status", "")),
        int(getattr(claim, "agreed_outlets", 0) or 0),
        int(getattr(claim, "contradicted_outlets", 0) or 0),
        int(getattr(claim, "confirmed_links", 0) or 0),
        int(getattr(claim, "dismissed_links", 0) or 0),
    )


@register.simple_tag
def claim_chip(claim: ClaimRow) -> str:
    """One claim in a group list: its outlet, its text in its own direction, its stored
    status, a link to its detail in the panel. In Python for the reason claim_status is: a
    tab lists hundreds of them (escaped with html.escape, as django.utils.html.escape does,
    without its lazy-string check on every value)."""
    url = _escape(claim.url)
    # Every value is escaped; the status marks are safe HTML already.
    return mark_safe(
        f'<a class="claim claim--{_escape(claim.status)}" href="{url}"\n'
        f'   hx-get="{url}" hx-target="#claim-panel" hx-swap="innerHTML"\n'
        f'   data-claim-id="{claim.id:d}" data-linked="{_escape(claim.linked_ids_text)}">\n'
        f'  <span class="claim__outlet" dir="auto">{_escape(claim.outlet_name)}</span>\n'
        f'  <span class="claim__text" lang="{_escape(claim.language)}" '
        f'dir="{_escape(claim.direction)}">{_escape(claim.text)}</span>\n'
        f"  {claim_status(claim)}\n</a>"
    )


@register.filter
def names(values: Iterable[str]) -> str:
    """Outlets' or sources' names, each isolated (<bdi>), joined in the reader's language."""
    separator = _escape(gettext(", "))
    return mark_safe(separator.join(f"<bdi>{_escape(name)}</bdi>" for name in values))


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _agreed_by(agreed: int) -> str:
    return ngettext("agreed by %(counter)s outlet", "agreed by %(counter)s outlets", agreed) % {
        "counter": agreed
    }


def _status_words(status: str, agreed: int, contradicted: int) -> str:
    also = gettext("; ") + _agreed_by(agreed) if agreed else ""
    if status == "contradicted":
        return (
            ngettext(
                "contradicted by %(counter)s outlet",
                "contradicted by %(counter)s outlets",
                contradicted,
            )
            % {"counter": contradicted}
            + also
        )
    if status == "disputed":
        return gettext("disputed by sources") + also
    if status == "updated":
        return gettext("figure updated over time") + also
    if status == "agreed":
        return ngettext("agreed (%(counter)s outlet)", "agreed (%(counter)s outlets)", agreed) % {
            "counter": agreed
        }
    if status == "copied":
        return gettext("only in wire copies of one text")
    return gettext("only here")


@functools.lru_cache(maxsize=2048)
def _claim_status_html(
    language: str | None,
    status: str,
    agreed: int,
    contradicted: int,
    confirmed: int,
    dismissed: int,
) -> str:
    direction = "rtl" if translation.get_language_bidi() else "ltr"
    marks = format_html(
        '<span class="status status--{}" lang="{}" dir="{}"><span class="icon" '
        'aria-hidden="true">{}</span> {}</span>',
        status,
        language,
        direction,
        STATUS_ICONS.get(status, STATUS_ICONS["only_here"]),
        _status_words(status, agreed, contradicted),
    )
    if confirmed:
        marks += format_html(
            ' <span class="status status--confirmed" lang="{}" dir="{}"><span class="icon" '
            'aria-hidden="true">✔</span> {}</span>',
            language,
            direction,
            gettext("confirmed by an editor"),
        )
    if dismissed:
        marks += format_html(
            ' <span class="status status--dismissed" lang="{}" dir="{}"><span class="icon" '
            'aria-hidden="true">⊘</span> {}</span>',
            language,
            direction,
            ngettext("%(counter)s link dismissed", "%(counter)s links dismissed", dismissed)
            % {"counter": dismissed},
        )
    return marks
