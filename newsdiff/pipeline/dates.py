"""Dates: calendar dates written in a text, and dates said relative to its publication.

Cleaning reads an article's publication date with these (``parse_date``,
``relative_day_date``); the facts stage reads the dates a claim states (``find_dates``,
``relative_dates``, ``reads_as_year``). Everything runs on folded text (normalize.py), so
Arabic-Indic digits and alef variants need no special cases. Month names and the words that
place a date against publication ("أمس", "last August") are in pipeline/lang.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from typing import Literal

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import alternation, normalized

# Four-digit numbers in this range are read as years when nothing says otherwise.
YEAR_MIN = 1900
YEAR_MAX = 2100

# A relative word and the explicit date it glosses sit this close ("أمس 7 أكتوبر",
# "اليوم الاثنين 7 أكتوبر"): room for a weekday name and a comma.
RELATIVE_TO_DATE_MAX_GAP = 16

MONTHS: dict[str, int] = lang.merged_dict("MONTHS")
RELATIVE_DAYS: dict[str, int] = lang.merged_dict("RELATIVE_DAYS")
# Words placing a month or a year before (-1) or after (+1) publication, or in its year (0).
_RELATIVE_AFTER: dict[str, int] = lang.merged_dict("RELATIVE_AFTER")
_RELATIVE_BEFORE: dict[str, int] = lang.merged_dict("RELATIVE_BEFORE")
RELATIVE_WORDS: dict[str, int] = {**_RELATIVE_AFTER, **_RELATIVE_BEFORE}
# Weekday names (Monday 0), read as the most recent such day on or before publication.
WEEKDAYS: dict[str, int] = lang.merged_dict("WEEKDAYS")
DAYS_IN_WEEK = 7
# The subject of a date read from a weekday name. Which week a bare weekday means is a guess
# (a meeting "on Thursday" may be next Thursday), so such a date may confirm another date
# but never contradict one.
WEEKDAY = "weekday"

# --------------------------------------------------------------------------- regexes


def _optional_word(words: Iterable[str]) -> str:
    """An optional word and the whitespace after it."""
    return rf"(?:(?:{alternation(words)})\s+)?"


_MONTH_ALT = alternation(MONTHS)
# "أغسطس/آب" names one month twice; the second name is read and ignored.
_MONTH = rf"(?P<month>{_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?"
_MONTH_B = _MONTH.replace("month>", "month_b>")
_ORDINAL = rf"(?:{alternation(lang.merged_tuple('ORDINAL_SUFFIXES'))})?"
_OF = _optional_word(lang.merged_tuple("OF_WORDS"))
_YEAR_LABEL = _optional_word(lang.merged_tuple("YEAR_LABELS"))
_YEAR_NOUNS = alternation(lang.merged_tuple("YEAR_NOUNS"))

_ISO_DATE_RE = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4})(?![\d/])"
)
_DMY_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}}){_ORDINAL}\s+{_OF}{_MONTH}\s*,?\s*"
    rf"{_YEAR_LABEL}(?P<year>\d{{4}})(?!\d)"
)
_MDY_RE = re.compile(
    rf"(?<!\w){_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL}\s*,?\s+(?P<year>\d{{4}})(?!\d)"
)
_MONTH_YEAR_RE = re.compile(
    rf"(?<!\w)[وفبل]?{_MONTH}\s*,?\s*{_OF}{_YEAR_LABEL}(?P<year>\d{{4}})(?!\d)"
)
# "أغسطس الماضي" (the word after the month) and "last August" (the word before it).
_MONTH_RELATIVE_RE = re.compile(
    rf"(?<!\w)[وفبل]?{_MONTH}\s+(?P<after>{alternation(_RELATIVE_AFTER)})(?!\w)"
    rf"|(?<!\w)(?P<before>{alternation(_RELATIVE_BEFORE)})\s+{_MONTH_B}(?!\w)"
)
# "في أغسطس", "in August": a month named alone after a word that makes it a time.
_BARE_MONTH_RE = re.compile(
    rf"(?<!\w)(?:{alternation(lang.merged_tuple('MONTH_CUES'), any_space=True)})\s+"
    rf"{_MONTH}(?!\w)(?!\s*\d)"
)
# A month named alone is read in the year that puts it nearest publication: up to this
# many months after it, else in the year before (news tells of months past more often).
BARE_MONTH_AHEAD = 4
_DAY_MONTH_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})\s+{_MONTH}(?!\w)|(?<!\w){_MONTH_B}"
    rf"\s+(?P<day_b>\d{{1,2}}){_ORDINAL}(?![\d:])"
)
_RELATIVE_DAY_RE = re.compile(
    rf"(?<!\w)(?:[وف]?(?P<word>{alternation(RELATIVE_DAYS, any_space=True)}))(?!\w)"
    rf"(?!\s+(?:{alternation(lang.merged_tuple('RELATIVE_DAY_BLOCKERS'))}))"
)
# "العام الماضي", "في العام المقبل", "هذا العام", "last year".
_RELATIVE_YEAR_AFTER = alternation([*_RELATIVE_AFTER, *lang.merged_tuple("THIS_YEAR_AFTER")])
_RELATIVE_YEAR_BEFORE = alternation([*lang.merged_tuple("THIS_YEAR_BEFORE"), *_RELATIVE_BEFORE])
_RELATIVE_YEAR_RE = re.compile(
    rf"(?<!\w)(?P<word>[وف]?(?:ل|في\s+)?(?:{_YEAR_NOUNS})\s+(?:{_RELATIVE_YEAR_AFTER})"
    rf"|(?:{_RELATIVE_YEAR_BEFORE})\s+(?:{_YEAR_NOUNS}))(?!\w)"
)
# "الاثنين", "يوم الاثنين الماضي", "next Monday": a weekday, placed before or after
# publication by a relative word on either side.
_WEEKDAY_RE = re.compile(
    rf"(?<!\w)(?:(?P<before>{alternation(_RELATIVE_BEFORE)})\s+)?[وف]?"
    rf"(?P<weekday>{alternation(WEEKDAYS)})(?!\w)"
    rf"(?:\s+(?P<after>{alternation(_RELATIVE_AFTER)})(?!\w))?"
)
# A relative day right before a weekday names the same day ("اليوم الاثنين", "today, Monday").
_RELATIVE_DAY_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{alternation(RELATIVE_DAYS, any_space=True)})\W*$"
)
_YEAR_BEFORE_RE = re.compile(rf"(?:{alternation(lang.merged_tuple('YEAR_CUES'))})\s*$")

# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in folded text: value is "YYYY-MM-DD" or "YYYY-MM" for a date, "YYYY"
    for a year."""

    start: int
    end: int
    value: str
    kind: Literal["date", "year"] = "date"
    # WEEKDAY for a date read from a weekday name: the facts stage keeps it as the date's
    # subject, and the relate stage lets such a date agree but never differ.
    subject: str = ""


# A date candidate: its span and its ISO value, or None when it names no real day.
_Candidate = tuple[int, int, str | None]


def find_dates(folded: str, *, published: dt.date | None = None) -> list[FoundDate]:
    """Full and partial calendar dates in folded text, longest forms first, no overlaps.

    Relative month names ("أغسطس الماضي", "last August") and day-month without a year
    need ``published`` and are skipped without it.
    """
    candidates: Iterable[_Candidate] = _written_dates(folded)
    if published is not None:
        candidates = chain(
            candidates,
            _relative_months(folded, published),
            _days_of_month(folded, published),
            _bare_months(folded, published),
        )
    found: list[FoundDate] = []
    taken = bytearray(len(folded) + 1)
    for start, end, value in candidates:
        if value and not any(taken[start:end]):
            found.append(FoundDate(start, end, value))
            taken[start:end] = b"\x01" * (end - start)
    return sorted(found, key=lambda d: d.start)


def _written_dates(folded: str) -> Iterator[_Candidate]:
    """Dates with their year written out, the most explicit forms first."""
    for regex in (_ISO_DATE_RE, _NUMERIC_DATE_RE):
        for match in regex.finditer(folded):
            day = _safe_date(int(match["year"]), int(match["mon"]), int(match["day"]))
            yield match.start(), match.end(), day
    for regex in (_DMY_RE, _MDY_RE):
        for match in regex.finditer(folded):
            day = _safe_date(int(match["year"]), _month_of(match, "month"), int(match["day"]))
            yield match.start(), match.end(), day
    for match in _MONTH_YEAR_RE.finditer(folded):
        year = int(match["year"])
        if YEAR_MIN <= year <= YEAR_MAX:
            yield match.start(), match.end(), f"{year:04d}-{_month_of(match, 'month'):02d}"


def _relative_months(folded: str, published: dt.date) -> Iterator[_Candidate]:
    """ "أغسطس الماضي", "next March": the month's year follows from the publication date."""
    for match in _MONTH_RELATIVE_RE.finditer(folded):
        month = _month_of(match, "month", "month_b")
        offset = RELATIVE_WORDS[match["after"] or match["before"]]
        year = published.year
        if offset < 0:
            # The latest such month before publication: "last August" read in October
            # is this year's August, read in March it is last year's.
            year -= 1 if month >= published.month else 0
        elif offset > 0:
            year += 1 if month <= published.month else 0
        yield match.start(), match.end(), f"{year:04d}-{month:02d}"


def _days_of_month(folded: str, published: dt.date) -> Iterator[_Candidate]:
    """ "7 أكتوبر", "October 7th": a day and a month, in the year of publication."""
    for match in _DAY_MONTH_RE.finditer(folded):
        month = _month_of(match, "month", "month_b")
        day = int(match["day"] or match["day_b"])
        value = _safe_date(published.year, month, day)
        # A day-month more than a month after publication belongs to the previous year.
        if value and dt.date.fromisoformat(value) > published + dt.timedelta(days=31):
            value = _safe_date(published.year - 1, month, day)
        yield match.start(), match.end(), value


def _bare_months(folded: str, published: dt.date) -> Iterator[_Candidate]:
    """ "في أغسطس", "in August": the month, in the year that puts it nearest publication
    (at most BARE_MONTH_AHEAD months after it)."""
    for match in _BARE_MONTH_RE.finditer(folded):
        month = _month_of(match, "month")
        year = published.year
        if month - published.month > BARE_MONTH_AHEAD:
            year -= 1
        elif published.month - month > 12 - BARE_MONTH_AHEAD - 1:
            year += 1
        yield match.start("month"), match.end(), f"{year:04d}-{month:02d}"


def undated_days(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of day-month dates that name no year ("11 سبتمبر", "September 11"): without a
    publication date they are no date to compare, and their day is no count either."""
    for match in _DAY_MONTH_RE.finditer(folded):
        yield match.start(), match.end()


def _month_of(match: re.Match[str], *groups: str) -> int:
    for group in groups:
        name = match.groupdict().get(group)
        if name:
            return MONTHS[" ".join(name.split())]
    raise KeyError(groups)


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date written in text (any supported form), or None."""
    for found in find_dates(normalized(text)):
        if len(found.value) == 10:
            return dt.date.fromisoformat(found.value)
    return None


# --------------------------------------------------------------------------- relative dates


def relative_day_date(text: str) -> dt.date | None:
    """Publication date implied by "أمس 7 أكتوبر 2024" (yesterday, <date>) style phrases.

    "أمس <date>" means the text was written the day after <date>; "اليوم <date>" the day
    itself. Returns None when no relative word stands right before a full date.
    """
    folded = normalized(text)
    dates = [d for d in find_dates(folded) if len(d.value) == 10]
    for match in _RELATIVE_DAY_RE.finditer(folded):
        for found in dates:
            gap = folded[match.end() : found.start]
            if 0 <= found.start - match.end() <= RELATIVE_TO_DATE_MAX_GAP and "." not in gap:
                return dt.date.fromisoformat(found.value) - dt.timedelta(days=_day_offset(match))
    return None


def relative_dates(folded: str, published: dt.date) -> Iterator[FoundDate]:
    """Days, weekdays and years said relative to publication ("أمس", "الاثنين", "last
    year"), resolved.

    A relative day glossed by the explicit date that follows it ("أمس 7 أكتوبر 2024") is
    left out: the explicit date already says it. Candidates may overlap facts found before;
    the caller keeps those whose span is still free.
    """
    for match in _RELATIVE_DAY_RE.finditer(folded):
        following = folded[match.end() : match.end() + RELATIVE_TO_DATE_MAX_GAP + 4]
        if _DMY_RE.search(following) or _MDY_RE.search(following):
            continue
        day = published + dt.timedelta(days=_day_offset(match))
        yield FoundDate(match.start(), match.end(), day.isoformat())
    for match in _RELATIVE_YEAR_RE.finditer(folded):
        offset = next((RELATIVE_WORDS[w] for w in match["word"].split() if w in RELATIVE_WORDS), 0)
        yield FoundDate(match.start(), match.end(), str(published.year + offset), kind="year")
    yield from _weekdays(folded, published)


def _weekdays(folded: str, published: dt.date) -> Iterator[FoundDate]:
    """ "الاثنين", "last Monday": the most recent such day on or before publication, the one
    before it after "last"/"الماضي", the next one after "next"/"المقبل". A weekday glossed by
    an explicit date ("الاثنين 7 أكتوبر") or by a relative day ("اليوم الاثنين") is left to
    them."""
    for match in _WEEKDAY_RE.finditer(folded):
        following = folded[match.end() : match.end() + RELATIVE_TO_DATE_MAX_GAP + 4]
        if _DAY_MONTH_RE.search(following) or _DMY_RE.search(following):
            continue
        if _RELATIVE_DAY_BEFORE_RE.search(folded[max(0, match.start() - 16) : match.start()]):
            continue
        weekday = WEEKDAYS[match["weekday"]]
        relative = match["before"] or match["after"]
        offset = RELATIVE_WORDS[relative] if relative else 0
        if offset > 0:
            ahead = (weekday - published.weekday()) % DAYS_IN_WEEK or DAYS_IN_WEEK
            day = published + dt.timedelta(days=ahead)
        else:
            back = (published.weekday() - weekday) % DAYS_IN_WEEK
            if offset < 0 and back == 0:
                back = DAYS_IN_WEEK  # "last Monday" read on a Monday is a week ago
            day = published - dt.timedelta(days=back)
        yield FoundDate(match.start(), match.end(), day.isoformat(), subject=WEEKDAY)


def weekdays_named(folded: str) -> frozenset[int]:
    """The weekdays a text names ("يوم الأربعاء", "on Sunday", "الاثنين الماضي"), Monday 0,
    whether or not its publication date is known."""
    return frozenset(WEEKDAYS[match["weekday"]] for match in _WEEKDAY_RE.finditer(folded))


def _day_offset(match: re.Match[str]) -> int:
    return RELATIVE_DAYS[" ".join(match["word"].split())]


def reads_as_year(folded: str, start: int, end: int, value: Decimal) -> bool:
    """Whether a bare number is a year: a whole number in the year range written with four
    digits, or after a word that announces a year ("منذ 2008", "in 2008"); never when the
    people it counts follow it ("2000 شخص", "2000 people", "2000 قتيل")."""
    if value != value.to_integral_value() or not YEAR_MIN <= value <= YEAR_MAX:
        return False
    before = folded[max(0, start - 40) : start]
    if _YEAR_BEFORE_RE.search(before):
        return True
    following = _NEXT_WORD_RE.match(folded, end)
    if following and following["word"] in _COUNTED_AFTER:
        return False
    return len(folded[start:end].strip()) == 4


_NEXT_WORD_RE = re.compile(r"\s+(?P<word>\w+)")
# Words after a number that say it counts people: nouns of people and words of state.
_COUNTED_AFTER = lang.merged_set("PEOPLE_NOUNS") | frozenset(lang.merged_dict("COUNT_STATES"))


# --------------------------------------------------------------------------- times of day

CLOCK_PERIODS: dict[str, str] = lang.merged_dict("CLOCK_PERIODS")
TIME_ZONES: dict[str, str] = lang.merged_dict("TIME_ZONES")
_ZONE = rf"(?:\s*\(?(?P<zone>{alternation(TIME_ZONES, any_space=True)})\)?(?!\w))?"
# "7:10 a.m.", "6 pm (ET)", "11:11 مساء", "10 صباحا بتوقيت غرينتش" ...
_CLOCK_RE = re.compile(
    rf"(?<![\d.,:])(?P<hour>\d{{1,2}})(?:[:.](?P<minute>[0-5]\d))?\s*"
    rf"(?P<period>{alternation(CLOCK_PERIODS)})(?!\w){_ZONE}"
)
# ... or on the 24-hour clock with its zone ("22:11 GMT").
_CLOCK_24_RE = re.compile(
    rf"(?<![\d.,:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d)"
    rf"\s*\(?(?P<zone>{alternation(TIME_ZONES, any_space=True)})\)?(?!\w)"
)
# ... or in words, with a period ("الحادية عشرة والنصف صباحا").
CLOCK_HOURS: dict[str, int] = lang.merged_dict("CLOCK_HOURS")
CLOCK_FRACTIONS: dict[str, int] = lang.merged_dict("CLOCK_FRACTIONS")
_CLOCK_WORDS_RE = re.compile(
    rf"(?<!\w)(?P<hour>{alternation(CLOCK_HOURS)})"
    rf"(?:\s+(?P<fraction>{alternation(CLOCK_FRACTIONS)}))?\s+"
    rf"(?P<period>{alternation(CLOCK_PERIODS)})(?!\w){_ZONE}"
)
NOON = 12
MINUTES_IN_DAY = 24 * 60
# Parts of the day named with their weekday ("Thursday afternoon", "صباح الخميس"), and the
# hours each may cover, from and to (night and dawn cross midnight); hand-set, wide: a part
# of the day conflicts only with a time or a part it cannot hold.
DAYPARTS: dict[str, str] = lang.merged_dict("DAYPARTS")
DAYPART_HOURS: dict[str, tuple[int, int]] = {
    "dawn": (3, 7),
    "morning": (5, 12),
    "noon": (11, 15),
    "afternoon": (12, 18),
    "evening": (16, 24),
    "night": (19, 6),
}
_DAYPART_LINKS = alternation([*lang.merged_tuple("DAYPART_LINKS"), "on"], any_space=True)
_DAYPART_RE = re.compile(
    rf"(?<!\w)(?:(?P<weekday>{alternation(WEEKDAYS)})\s+(?P<after>{alternation(DAYPARTS)})"
    rf"|(?P<before>{alternation(DAYPARTS)})\s+(?:(?:{_DAYPART_LINKS})\s+)?"
    rf"(?P<weekday2>{alternation(WEEKDAYS)}))(?!\w)"
    rf"(?:\s+(?:on\s+)?(?P<zone>{alternation(TIME_ZONES, any_space=True)})(?!\w))?"
)


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    start: int
    end: int
    value: str  # "HH:MM", 24-hour
    zone: str  # TIME_ZONES' code; "" for local time or none named


def _hour_24(hour: int, period: str) -> int | None:
    """The hour of a 12-hour clock time on the 24-hour clock (None if it cannot be one)."""
    if not 1 <= hour <= NOON:
        return None
    if period == "am":
        return 0 if hour == NOON else hour
    if period == "pm":
        return hour if hour == NOON else hour + NOON
    if period == "noon":  # "12 ظهرا", "1 ظهرا"
        return hour if hour >= 11 else hour + NOON
    # "ليلا": the evening hours up to midnight, then the small hours.
    return hour + NOON if 6 <= hour < NOON else (0 if hour == NOON else hour)


@dataclass(frozen=True, slots=True)
class DayPart:
    start: int
    end: int
    part: str  # a key of DAYPART_HOURS
    weekday: int  # Monday 0
    zone: str  # TIME_ZONES' code; "" for none named


_WEEKDAY_AFTER_TIME_RE = re.compile(
    rf"\s*,?\s*(?:(?:on|يوم)\s+)?(?P<weekday>{alternation(WEEKDAYS)})(?!\w)"
)
_WEEKDAY_BEFORE_TIME_RE = re.compile(
    rf"(?<!\w)(?P<weekday>{alternation(WEEKDAYS)})\s*,?\s+(?:(?:at|في|الساعه|عند)\s+)*$"
)


def weekday_at(folded: str, start: int, end: int) -> int | None:
    """The weekday named right after a time of day ("7 a.m. on Thursday", "9 صباحا يوم
    الأحد") or right before it ("Thursday at 7 a.m."), Monday 0; None when none is."""
    after = _WEEKDAY_AFTER_TIME_RE.match(folded, end)
    if after:
        return WEEKDAYS[after["weekday"]]
    before = _WEEKDAY_BEFORE_TIME_RE.search(folded[max(0, start - 30) : start])
    return WEEKDAYS[before["weekday"]] if before else None


def find_dayparts(folded: str) -> Iterator[DayPart]:
    """Parts of the day named with their weekday ("Thursday afternoon E.T.", "مساء يوم
    الأحد", "الخميس صباحا"); the span is the part's own word."""
    for match in _DAYPART_RE.finditer(folded):
        group = "after" if match["after"] else "before"
        weekday = WEEKDAYS[match["weekday"] or match["weekday2"]]
        zone = TIME_ZONES.get(match["zone"] or "", "")
        yield DayPart(match.start(group), match.end(group), DAYPARTS[match[group]], weekday, zone)


def minutes_in(part: str, minutes: int) -> int:
    """How many minutes a time of day lies outside a part of the day (0 inside it)."""
    start, end = (hour * 60 for hour in DAYPART_HOURS[part])
    if start <= end:
        inside = start <= minutes <= end
    else:  # across midnight
        inside = minutes >= start or minutes <= end
    if inside:
        return 0
    return min(
        min(abs(minutes - edge), MINUTES_IN_DAY - abs(minutes - edge)) for edge in (start, end)
    )


def overlapping_parts(x: str, y: str) -> bool:
    """Whether two parts of the day share an hour (evening and night do)."""
    return any(minutes_in(y, hour * 60) == 0 for hour in _hours_of(x))


def _hours_of(part: str) -> list[int]:
    start, end = DAYPART_HOURS[part]
    return [hour % 24 for hour in range(start, end + (24 if end < start else 0) + 1)]


def find_times(folded: str) -> Iterator[TimeOfDay]:
    """Times of day that say which half of the day they are in (a period or a 24-hour
    zone), with the zone they name. "at 7:10" alone is left out: 7:10 or 19:10."""
    for regex in (_CLOCK_RE, _CLOCK_24_RE, _CLOCK_WORDS_RE):
        for match in regex.finditer(folded):
            if regex is _CLOCK_WORDS_RE:
                hour = CLOCK_HOURS[match["hour"]]
                minute = CLOCK_FRACTIONS[match["fraction"]] if match["fraction"] else 0
            else:
                hour = int(match["hour"])
                minute = int(match["minute"] or 0)
            if regex is not _CLOCK_24_RE:
                found = _hour_24(hour, CLOCK_PERIODS[match["period"]])
                if found is None:
                    continue
                hour = found
            # A quarter to eight is 7:45.
            minutes = (hour * 60 + minute) % MINUTES_IN_DAY
            zone = TIME_ZONES.get(match["zone"] or "", "")
            value = f"{minutes // 60:02d}:{minutes % 60:02d}"
            yield TimeOfDay(match.start(), match.end(), value, zone)
