"""Quantities: the numbers of a claim and what each one measures.

"وحكم عليه بالسجن لمدة 25 عامًا" holds the quantity 25, which the words around it make a
duration of 25 years in prison: Measure(kind="duration", value="25", unit="year",
subject="سجن"). Numbers are read from digits ("10,000", "2.5"), number words ("ثلاثة",
"five"), scales ("10 ملايين", "$2.5bn") and duals ("عامين", "شحنتان"); what they measure
from currency words and signs, percent words, units of time, and the words of age and
"ago". The word lists are in pipeline/lang.

Everything runs on folded text (normalize.py) and returns spans into it; the facts stage
turns them into facts with their surface text. A quantity nothing measures is a year (see
dates.reads_as_year) or a count (``count_or_number``): the facts stage decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import (
    CLAUSE_BREAK_RE,
    FOLDED_WORD_RE,
    STOPWORDS,
    alternation,
    light_stem,
)

# Subjects of facts whose value is computed rather than written, and of ages.
APPROXIMATE = "approx"
AGO = "ago"
AGE_SUBJECT = "عمر"

# How many words back a duration looks for what it measures ("قضى بوت 12 عامًا",
# "حكم عليه بالسجن لمدة 25 عامًا" both fit in five).
DURATION_SUBJECT_WINDOW = 5

NUMBER_WORDS: dict[str, int] = lang.merged_dict("NUMBER_WORDS")
SCALES: dict[str, int] = lang.merged_dict("SCALES")
ABBREVIATED_SCALES = lang.merged_set("ABBREVIATED_SCALES")
STANDALONE_SCALES = lang.merged_tuple("STANDALONE_SCALES")
CURRENCIES: dict[str, tuple[str, dict[str, str]]] = lang.merged_dict("CURRENCIES")
CURRENCY_FORMS: dict[str, str] = lang.merged_dict("CURRENCY_FORMS")
CURRENCY_SYMBOLS: dict[str, str] = lang.merged_dict("CURRENCY_SYMBOLS")
TIME_UNITS: dict[str, str] = lang.merged_dict("TIME_UNITS")
TIME_DUALS: dict[str, str] = lang.merged_dict("TIME_DUALS")
NOT_DUALS = lang.merged_set("NOT_DUALS")
DURATION_SUBJECTS: dict[str, str] = lang.merged_dict("DURATION_SUBJECTS")
FILLERS = lang.merged_set("FILLERS")
_DIRECTIONS = lang.merged_set("DIRECTIONS")
_OF_WORDS = lang.merged_set("OF_WORDS")
_PROCLITICS = lang.merged_tuple("PROCLITICS")

# --------------------------------------------------------------------------- regexes

_NUM = r"\d+(?:[.,]\d+)*"
_PREFIX = r"(?:[وفبل]|وب|ول)?"

_QUANTITY_RE = re.compile(rf"(?<![\d.,a-z])(?P<num>{_NUM})(?![\d])")
_SCALE_AFTER_RE = re.compile(rf"\s*(?P<scale>{alternation(SCALES)})(?!\w)")
_NUMBER_WORD_RE = re.compile(
    rf"(?<!\w){_PREFIX}(?P<word>{alternation([*NUMBER_WORDS, *STANDALONE_SCALES])})(?!\w)"
)
_TIME_DUAL_RE = re.compile(
    rf"(?<!\w)(?:{_PREFIX}|ال|بال|وال)(?P<word>{alternation(TIME_DUALS)})(?!\w)"
)
# Feminine duals ("شحنتان", "الدولتين"): a stem of 3+ letters plus تان/تين. Stems ending
# in س are country names (-ستان), not duals.
_FEMININE_DUAL_RE = re.compile(
    r"(?<!\w)(?:وال|بال|ال|[وفبل])?(?P<stem>[\u0621-\u064a]{2,}[\u0621-\u0632\u0634-\u064a])(?:تان|تين)(?!\w)"
)
_CURRENCY_AFTER_RE = re.compile(
    rf"\s*(?P<cur>{alternation([*CURRENCIES, *CURRENCY_FORMS])})(?!\w)(?:\s+(?P<qual>\w+))?"
)
_CURRENCY_BEFORE_RE = re.compile(rf"(?P<sym>{alternation(CURRENCY_SYMBOLS)})\s*$")
_PERCENT_AFTER_RE = re.compile(
    rf"\s*(?:%|(?:{alternation(lang.merged_tuple('PERCENT_WORDS'), any_space=True)})(?!\w))"
)
_TIME_UNIT_AFTER_RE = re.compile(rf"\s*-?\s*(?P<unit>{alternation(TIME_UNITS)})(?!\w)")
_AGE_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{alternation(lang.merged_tuple('AGE_BEFORE'), any_space=True)})"
    rf"(?:\s+(?:{alternation(lang.merged_tuple('AGE_OF'), any_space=True)}))?"
    rf"(?:\s+(?:{alternation(lang.merged_tuple('AGE_HEDGES'))}))?\s*$"
)
# "aged 57", "البالغ من العمر 57" say age without naming the unit.
_AGE_WITHOUT_UNIT_RE = re.compile(
    rf"(?:{alternation(lang.merged_tuple('AGE_WITHOUT_UNIT'), any_space=True)})\s*$"
)
_AGE_AFTER_RE = re.compile(
    rf"\s*(?:-\s*|\s)(?:{alternation(lang.merged_tuple('AGE_AFTER'), any_space=True)})(?!\w)"
)
_AGO_BEFORE_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('AGO_BEFORE'))})"
    rf"(?:\s+(?:{alternation(lang.merged_tuple('AGO_HEDGES'), any_space=True)}))?\s*$"
)
_AGO_AFTER_RE = re.compile(rf"\s+(?:{alternation(lang.merged_tuple('AGO_AFTER'))})(?!\w)")

# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in folded text: its span, its value, and the unit a dual carries in
    itself ("عامين": two years)."""

    start: int
    end: int
    value: Decimal
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Measure:
    """What a quantity measures: the span of the fact in folded text, its kind (money,
    percent, age, duration, date, year, count, number), canonical value, unit and subject
    (see types.Fact)."""

    start: int
    end: int
    kind: str
    value: str
    unit: str = ""
    subject: str = ""


def to_decimal(number: str) -> Decimal | None:
    """ "10" -> 10, "1.5" -> 1.5, "10,000" -> 10000, "2,5" -> 2.5 (comma as decimal point)."""
    if "," in number:
        groups = number.split(",")
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
            number = "".join(groups)
        elif len(groups) == 2:
            number = ".".join(groups)
        else:
            return None
    elif number.count(".") > 1:
        groups = number.split(".")
        if not all(len(g) == 3 for g in groups[1:]):
            return None
        number = "".join(groups)
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def format_decimal(value: Decimal) -> str:
    """The canonical text of a value: "10000000", "2.5" (no exponent, no trailing zeros)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


# --------------------------------------------------------------------------- finding


def _free(taken: bytearray, start: int, end: int) -> bool:
    return not any(taken[start:end])


def find_quantities(folded: str, taken: bytearray) -> list[Quantity]:
    """Every number, number word and dual of time in folded text whose span is free in
    ``taken``, in order; their spans (with any scale word after) are marked taken."""
    found: list[Quantity] = []

    def keep(quantity: Quantity) -> None:
        found.append(quantity)
        taken[quantity.start : quantity.end] = b"\x01" * (quantity.end - quantity.start)

    for match in _QUANTITY_RE.finditer(folded):
        value = to_decimal(match["num"])
        if _free(taken, match.start(), match.end()) and value is not None:
            keep(_scaled(folded, match.start(), match.end(), value))
    for match in _NUMBER_WORD_RE.finditer(folded):
        if _free(taken, match.start(), match.end()):
            keep(_number_word(folded, match))
    for match in _TIME_DUAL_RE.finditer(folded):
        if _free(taken, match.start(), match.end()):
            keep(Quantity(match.start(), match.end(), Decimal(2), TIME_DUALS[match["word"]]))
    found.sort(key=lambda q: q.start)
    return found


def _number_word(folded: str, match: re.Match[str]) -> Quantity:
    word = match["word"]
    if word in STANDALONE_SCALES:
        return Quantity(match.start(), match.end(), Decimal(SCALES[word]))
    # "واحدة من" aside, "اثنين من ممثلي" is a count; the scale words alone are 1x.
    return _scaled(folded, match.start(), match.end(), Decimal(NUMBER_WORDS.get(word, 1)))


def _scaled(folded: str, start: int, end: int, value: Decimal) -> Quantity:
    """A number with the scale word after it, if any ("10 ملايين", "$10m")."""
    scale = _SCALE_AFTER_RE.match(folded, end)
    if scale and scale["scale"] in ABBREVIATED_SCALES:
        # "$10m", "€2.5bn" but not "100m sprint": glued, and after a currency sign.
        glued = scale.start("scale") == end
        if not (glued and _CURRENCY_BEFORE_RE.search(folded[max(0, start - 6) : start])):
            scale = None
    if scale:
        value *= SCALES[scale["scale"]]
        end = scale.end()
    return Quantity(start, end, value)


def feminine_duals(folded: str) -> Iterator[Measure]:
    """Counts of two written as a feminine dual ("شحنتان": two shipments)."""
    last_dual_end = -2
    for match in _FEMININE_DUAL_RE.finditer(folded):
        word = match.group()
        # "الدولتين الجارتين": an adjective agrees in the dual; the noun already counted.
        agreeing = folded[last_dual_end : match.start()].isspace()
        if not (agreeing or word in NOT_DUALS or word[1:] in NOT_DUALS):
            subject = light_stem(match["stem"] + "ه")
            yield Measure(match.start(), match.end(), "count", "2", "", subject)
        last_dual_end = match.end()


# --------------------------------------------------------------------------- measuring


def measure(folded: str, quantity: Quantity, published: dt.date | None) -> Measure | None:
    """What one quantity measures, from the words around it; None for a bare number.

    ``published`` turns "3 years ago" into an approximate year; without it that stays a
    duration.
    """
    if not quantity.unit:
        found = _money(folded, quantity) or _percent(folded, quantity)
        if found:
            return found
        time_unit = _TIME_UNIT_AFTER_RE.match(folded, quantity.end)
        if time_unit:
            unit = TIME_UNITS[time_unit["unit"]]
            quantity = replace(quantity, end=time_unit.end(), unit=unit)
        elif _AGE_WITHOUT_UNIT_RE.search(_before(folded, quantity.start)):
            value = format_decimal(quantity.value)
            return Measure(quantity.start, quantity.end, "age", value, "year", AGE_SUBJECT)
    if quantity.unit:
        return _time(folded, quantity, published)
    return None


def count_or_number(folded: str, quantity: Quantity) -> Measure:
    """A bare quantity that is no year: a count of the noun after it, else a number."""
    value = format_decimal(quantity.value)
    subject = _count_subject(folded, quantity.end)
    if subject:
        return Measure(quantity.start, quantity.end, "count", value, "", subject)
    return Measure(
        quantity.start, quantity.end, "number", value, "", _subject_before(folded, quantity.start)
    )


def _before(folded: str, start: int) -> str:
    return folded[max(0, start - 40) : start]


def _money(folded: str, quantity: Quantity) -> Measure | None:
    start, end, value = quantity.start, quantity.end, format_decimal(quantity.value)
    currency = _CURRENCY_AFTER_RE.match(folded, end)
    if currency:
        code, qualified = CURRENCIES[CURRENCY_FORMS.get(currency["cur"], currency["cur"])]
        qualifier = currency["qual"] or ""
        subject = _subject_before(folded, start)
        if qualifier in qualified:
            return Measure(start, currency.end(), "money", value, qualified[qualifier], subject)
        return Measure(start, currency.end("cur"), "money", value, code, subject)
    before = _before(folded, start)
    symbol = _CURRENCY_BEFORE_RE.search(before)
    if symbol:
        symbol_start = start - (len(before) - symbol.start())
        code = CURRENCY_SYMBOLS.get(symbol["sym"], symbol["sym"].upper())
        subject = _subject_before(folded, symbol_start)
        return Measure(symbol_start, end, "money", value, code, subject)
    return None


def _percent(folded: str, quantity: Quantity) -> Measure | None:
    percent = _PERCENT_AFTER_RE.match(folded, quantity.end)
    if not percent:
        return None
    subject = _subject_before(folded, quantity.start) or _subject_after(folded, percent.end())
    value = format_decimal(quantity.value)
    return Measure(quantity.start, percent.end(), "percent", value, "%", subject)


def _time(folded: str, quantity: Quantity, published: dt.date | None) -> Measure:
    """A quantity of time: an age, a time ago, or a duration."""
    start, end, unit = quantity.start, quantity.end, quantity.unit
    value = format_decimal(quantity.value)
    age_after = _AGE_AFTER_RE.match(folded, end)
    if unit == "year" and (_AGE_BEFORE_RE.search(_before(folded, start)) or age_after):
        age_end = age_after.end() if age_after else end
        return Measure(start, age_end, "age", value, "year", AGE_SUBJECT)
    ago = _ago(folded, quantity, published)
    if ago:
        return ago
    return Measure(start, end, "duration", value, unit, _duration_subject(folded, start, end))


def _ago(folded: str, quantity: Quantity, published: dt.date | None) -> Measure | None:
    """ "قبل 3 سنوات", "3 years ago": an approximate date when the publication date is
    known, else a duration whose subject says "ago"."""
    before = _before(folded, quantity.start)
    ago_before = _AGO_BEFORE_RE.search(before)
    ago_after = _AGO_AFTER_RE.match(folded, quantity.end)
    if not (ago_before or ago_after):
        return None
    start = quantity.start - (len(before) - ago_before.start()) if ago_before else quantity.start
    end = ago_after.end() if ago_after else quantity.end
    value, unit = quantity.value, quantity.unit
    if published is not None and value == value.to_integral_value():
        date = _date_ago(published, int(value), unit)
        if date:
            kind = "year" if unit == "year" else "date"
            return Measure(start, end, kind, date, "", APPROXIMATE)
    return Measure(start, end, "duration", format_decimal(value), unit, AGO)


def _date_ago(published: dt.date, n: int, unit: str) -> str | None:
    """The year, month or day n units before publication; None for other units."""
    if unit == "year":
        return str(published.year - n)
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "day":
        return (published - dt.timedelta(days=n)).isoformat()
    return None


# --------------------------------------------------------------------------- subjects


def _strip_prefix(word: str) -> str:
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and word not in FILLERS and not word[0].isdigit()


def _content_words_after(folded: str, pos: int) -> Iterator[str]:
    stop = CLAUSE_BREAK_RE.search(folded, pos)
    for match in FOLDED_WORD_RE.finditer(folded, pos, stop.start() if stop else len(folded)):
        if _is_content(match.group()):
            yield match.group()


def _words_before(folded: str, pos: int, limit: int = 6) -> list[str]:
    """Up to ``limit`` words before pos, nearest first, not crossing a clause break."""
    window = folded[max(0, pos - 80) : pos]
    breaks = list(CLAUSE_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return [m.group() for m in FOLDED_WORD_RE.finditer(window)][::-1][:limit]


def _subject_after(folded: str, pos: int) -> str:
    for word in _content_words_after(folded, pos):
        return light_stem(word)
    return ""


def _subject_before(folded: str, pos: int) -> str:
    for word in _words_before(folded, pos):
        # A verb of change ("rose 3.5%") says how, not what.
        if _is_content(word) and _strip_prefix(word) not in _DIRECTIONS and word not in _DIRECTIONS:
            return light_stem(word)
    return ""


def _count_subject(folded: str, end: int) -> str:
    """Stem of the noun counted right after a number ("ثلاثة قتلى", "اثنين من ممثلي")."""
    words = [m.group() for m in FOLDED_WORD_RE.finditer(folded, end, min(len(folded), end + 40))]
    words = words[:2]
    stop = CLAUSE_BREAK_RE.match(folded, end) or CLAUSE_BREAK_RE.match(folded, end + 1)
    if not words or stop:
        return ""
    first = words[0]
    if first in _OF_WORDS and len(words) > 1:
        first = words[1]
    return light_stem(first) if _is_content(first) else ""


def _duration_subject(folded: str, start: int, end: int) -> str:
    """What lasted: a known term word nearby (prison vs time served), else the nearest
    content word before, else after."""
    words = _words_before(folded, start, limit=DURATION_SUBJECT_WINDOW)
    for word in words:
        subject = DURATION_SUBJECTS.get(word) or DURATION_SUBJECTS.get(_strip_prefix(word))
        if subject:
            return subject
    for word in words:
        if _is_content(word):
            return light_stem(word)
    for word in _content_words_after(folded, end):
        subject = DURATION_SUBJECTS.get(word) or DURATION_SUBJECTS.get(_strip_prefix(word))
        return subject or light_stem(word)
    return ""
