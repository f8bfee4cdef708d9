"""Quantities: the numbers of a claim and what each one measures.

"وحكم عليه بالسجن لمدة 25 عامًا" holds the quantity 25, which the words around it make a
duration of 25 years in prison: Measure(kind="duration", value="25", unit="year",
subject="سجن"). Numbers are read from digits ("10,000", "2.5"), scales ("10 ملايين",
"$2.5bn"), duals ("عامين", "شحنتان") and written-out numbers, compounds included: "خمسة
وعشرين" is one quantity, 25, and so are "ثلاثة آلاف وخمسمائة" (3500), "مليونان و500 ألف",
"one hundred and fifty", "twenty-five" and "half a million". What they measure comes from
currency words and signs, percent words, units of time, and the words of age and "ago".
The word lists are in pipeline/lang.

Approximate numbers give no quantity: "hundreds of", "عشرات", "آلاف" alone hold no number
word, and a written number after "several", "a few", "بضعة" or before "-odd", "ونيف" is
dropped, since an estimate set against an exact figure is no contradiction. Ordinals
("الحادي عشر", "twenty-first") are no counts, and "one", "واحدة", "أحد" count only inside
a compound ("واحدة من": one of).

Everything runs on folded text (normalize.py) and returns spans into it; the facts stage
turns them into facts with their surface text. A quantity nothing measures is a year (see
dates.reads_as_year) or a count (``count_or_number``): the facts stage decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import islice
from typing import Any

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
# Subjects of a seismic magnitude: the quake's, which every report of one quake gives (the
# casualty counts' "#" marks it as such), and a later shock's.
MAGNITUDE = "#magnitude"
AFTERSHOCK = "aftershock"

# Words that make a figure a magnitude (lang/): "magnitude" within MAGNITUDE_WORDS_BEFORE
# words before it or right after it, a word of strength before it with a degree right after
# it, a scale within MAGNITUDE_SCALE_WINDOW words after it;
# and how far back a word of a later shock makes it an aftershock's.
_MAGNITUDE_WORDS = lang.merged_set("MAGNITUDE_WORDS")
_MAGNITUDE_STRENGTH = lang.merged_set("MAGNITUDE_STRENGTH")
_MAGNITUDE_DEGREES = lang.merged_set("MAGNITUDE_DEGREES")
_MAGNITUDE_SCALES = lang.merged_set("MAGNITUDE_SCALES")
_AFTERSHOCK_RE = re.compile(
    rf"(?<!\w)(?:{alternation(lang.merged_tuple('AFTERSHOCK_PHRASES'), any_space=True)})(?!\w)"
)
MAGNITUDE_WORDS_BEFORE = 3
MAGNITUDE_SCALE_WINDOW = 4
AFTERSHOCK_WINDOW = 6

# A temperature (lang TEMPERATURE_*): a degree and a scale after the figure, a scale alone
# written onto it ("47c") or as a word ("40 celsius"), or a degree alone when a word of heat
# stands within TEMPERATURE_WORDS_BEFORE words before it. Its subject is TEMPERATURE.
TEMPERATURE = "#temperature"
_TEMPERATURE_SCALES: dict[str, str] = lang.merged_dict("TEMPERATURE_SCALES")
_TEMPERATURE_WORDS = lang.merged_set("TEMPERATURE_WORDS")
_TEMPERATURE_AFTER_RE = re.compile(
    rf"(?P<space>\s*)(?:(?P<degree>{alternation(lang.merged_tuple('TEMPERATURE_DEGREES'))})\s*)?"
    rf"(?P<scale>{alternation(_TEMPERATURE_SCALES)})?(?!\w)"
)
TEMPERATURE_WORDS_BEFORE = 6

# "م" written onto a figure: metres below ATTACHED_METRE_MAX ("40م"), a year of the common
# era above ("1972م"); not "م3", cubic metres.
_ATTACHED_METRE_RE = re.compile(r"م(?![^\W_])")
ATTACHED_METRE_MAX = 1000
METRE = "متر"

# The two ends of a range and the scales its lower end may take from its upper end.
_RANGE_JOINER_RE = re.compile(
    rf"\s*(?:[-–]|(?:{alternation(lang.merged_tuple('RANGE_JOINERS'))})(?!\w))\s*"
)
_DIGITS_ONLY_RE = re.compile(r"\d+(?:[.,]\d+)*")
_RANGE_OPENED_RE = re.compile(rf"(?<!\w)(?:{alternation(lang.merged_tuple('RANGE_OPENERS'))})\s*$")
_RANGE_SCALES = frozenset(Decimal(10) ** power for power in (3, 6, 9, 12))

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
COUNT_STATES: dict[str, str] = lang.merged_dict("COUNT_STATES")
# A word of losing or lacking and, within LOSS_REACH words after it (figures not counted), a
# word of home count the displaced ("lost their homes", "من دون منازل"), a word of life the
# dead ("فقدوا حياتهم", "lost their lives"), and not the missing the word of losing alone
# counts ("فقد 30 شخصا"); the word of losing may stand before the figure and its noun ("فقد
# 30 شخصا على الأقل أرواحهم").
LOSS_WORDS = lang.merged_set("LOSS_WORDS")
HOME_NOUNS = lang.merged_set("HOME_NOUNS")
LIFE_NOUNS = lang.merged_set("LIFE_NOUNS")
LOSS_REACH = 4
_LOSS_STOPS = lang.merged_set("CLAUSE_CONJUNCTIONS") | {
    word for opener in lang.merged_tuple("CLAUSE_OPENERS") for word in opener.split()
}
_COORDINATED = "و"
DISPLACED = "displaced"
DEAD = "dead"
# As _count_subject gives them: light stems.
GENERIC_PEOPLE: frozenset[str] = frozenset(
    light_stem(word) for word in lang.merged_set("GENERIC_PEOPLE_NOUNS")
)
# How many content words from a number a word of state may stand ("مقتل 3 آلاف شخص",
# "11300 على الأقل لقوا حتفهم", "the death toll in Derna rose to 5,300"), in its clause.
STATE_SUBJECT_WINDOW = 4
# Words that tally people ("عدد القتلى", "حصيلة القتلى"), folded: the word of state after one
# says what a figure further on in its clause counts, within TALLY_WINDOW words of it.
TALLY_WORDS = lang.merged_set("TALLY_WORDS")
TALLY_WINDOW = 16
FILLERS = lang.merged_set("FILLERS")
_DIRECTIONS = lang.merged_set("DIRECTIONS")
_OF_WORDS = lang.merged_set("OF_WORDS")
# A count's noun of two words, named by the second (lang.en): plural forms.
_PLURAL_ENDINGS = lang.merged_tuple("PLURAL_ENDINGS")
_NOT_PLURAL_ENDINGS = lang.merged_tuple("NOT_PLURAL_ENDINGS")
_IRREGULAR_PLURALS = lang.merged_set("IRREGULAR_PLURALS")
_PROCLITICS = lang.merged_tuple("PROCLITICS")
MONEY_NOUNS: dict[str, str] = lang.merged_dict("MONEY_NOUNS")
COUNT_NOUNS: dict[str, str] = lang.merged_dict("COUNT_NOUNS")
MONEY_NOUN_WINDOW = 5
# ... and, failing that, the nearest money noun further back in the amount's clause, up to
# this many words, with no other figure between ("قدر الوزير الخسائر الناجمة عن الحريق في
# الميناء القديم بأكثر من 2 مليار دولار": losses).
MONEY_NOUN_CLAUSE_WINDOW = 16
MONEY_NOUN_CLAUSE_CHARS = 160
# A quoted name inside the clause ("لسفينة "إيفر غيفن" العملاقة") does not end it.
_MONEY_CLAUSE_BREAK_RE = re.compile(r"[.,;:!?()\[\]\n]")
SALARY = "salary"
_MONEY_KEYS = frozenset(MONEY_NOUNS.values())
PAY_PERIOD_WORDS: dict[str, str] = lang.merged_dict("PAY_PERIOD_WORDS")
PAY_PERIOD_AFTER: dict[str, str] = lang.merged_dict("PAY_PERIOD_AFTER")
PAY_VERBS = lang.merged_set("PAY_VERBS")
PAY_SPREAD_DUALS = lang.merged_set("PAY_SPREAD_DUALS")
# A bracketed conversion after an amount ("90m euros (£78m) a year") is read past.
_BRACKETED_RE = re.compile(r"\s*\([^()]{0,40}\)")
_PAY_PERIOD_AFTER_RE = re.compile(
    rf"\s*(?P<period>{alternation(PAY_PERIOD_AFTER, any_space=True)})(?!\s*\d)(?!\w)"
)
_PAY_SPREAD_RE = re.compile(
    rf"\s*(?:{alternation(lang.merged_tuple('PAY_SPREAD_WORDS'), any_space=True)})\s+"
    rf"(?:(?P<dual>{alternation(PAY_SPREAD_DUALS)})"
    rf"|(?P<n>\d+|{alternation(NUMBER_WORDS)})\s+(?:{alternation(lang.merged_tuple('PAY_SPREAD_UNITS'))}))"
    r"(?!\w)"
)
# Years of a salary spread over a period that are read (two seasons to ten years).
PAY_SPREAD_MAX = 10
AFTER_AMOUNT_CHARS = 30
_AMOUNT_BREAK_RE = re.compile(r"[.,;:!?()\[\]\n]")

# The parts of written numbers (see _Reader).
COMPOUND_NUMBER_WORDS: dict[str, int] = lang.merged_dict("COMPOUND_NUMBER_WORDS")
TEEN_WORDS = lang.merged_set("TEEN_WORDS")
HUNDRED_WORDS: dict[str, int] = lang.merged_dict("HUNDRED_WORDS")
SCALE_DUALS: dict[str, int] = lang.merged_dict("SCALE_DUALS")
FRACTION_WORDS: dict[str, int] = lang.merged_dict("FRACTION_WORDS")
_CONJUNCTION_PREFIXES = lang.merged_set("NUMBER_CONJUNCTION_PREFIXES")
_CLAUSE_CONJUNCTIONS = lang.merged_set("CLAUSE_CONJUNCTIONS")

# --------------------------------------------------------------------------- regexes

_NUM = r"\d+(?:[.,]\d+)*"
_PREFIX = r"(?:[وفبل]|وب|ول)?"
# A proclitic on a word this short makes another word ("لست": I am not, "وست": West).
_PREFIXED_WORD_MIN = 3

# The word kind of every number word: (kind, value, scale); the value of a dual is twice its
# scale, of a fraction one over its denominator.
_WORD_KINDS: dict[str, tuple[str, Decimal, Decimal]] = {
    **{w: ("hundred", Decimal(v), Decimal(0)) for w, v in HUNDRED_WORDS.items()},
    **{w: ("number", Decimal(v), Decimal(0)) for w, v in COMPOUND_NUMBER_WORDS.items()},
    **{w: ("number", Decimal(v), Decimal(0)) for w, v in NUMBER_WORDS.items()},
    **{w: ("fraction", 1 / Decimal(d), Decimal(0)) for w, d in FRACTION_WORDS.items()},
    **{w: ("scale", Decimal(v), Decimal(v)) for w, v in SCALES.items()},
    **{w: ("dual", Decimal(2 * v), Decimal(v)) for w, v in SCALE_DUALS.items()},
}
# Abbreviated scales ("m", "bn") only glue to digits after a currency sign (_abbreviated).
_SPELT_WORDS = [w for w in _WORD_KINDS if w not in ABBREVIATED_SCALES]
# What an article counts one of: "a hundred", "a million", "a half" (of "and a half").
_MULTIPLIERS = [*HUNDRED_WORDS, *FRACTION_WORDS, *(w for w in SCALES if w in _SPELT_WORDS)]


def _trie(words: list[str]) -> str:
    """A regex for a list of words, shaped as their letter tree ("ثلاث(?:ه|مائه|...)?"):
    Python's re tries the branches of a flat alternation one by one at every word, and
    number words share their first letters (measured: twice as fast as alternation() on
    the seed articles). Longer words win, as in alternation()."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + pattern(child) for letter, child in node.items() if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


# Number tokens: a number word (after a proclitic, or right after digits: "10ملايين") or an
# article that counts one before a multiplier ("a million"); and digits. Two regexes: one
# alternation of both is slower than the two.
_WORD_TOKEN_RE = re.compile(
    rf"(?<![^\W\d])(?:(?P<pre>{_PREFIX})(?P<word>{_trie(_SPELT_WORDS)})(?!\w)"
    rf"|(?P<article>{alternation(lang.merged_tuple('NUMBER_ARTICLES'))})"
    rf"(?=\s+(?:{alternation(_MULTIPLIERS)})(?!\w)))"
)
_DIGITS_RE = re.compile(rf"(?<![\d.,a-z]){_NUM}(?![\d])")
_HYPHEN_GAP_RE = re.compile(r"\s*-\s*")
_AND_GAP_RE = re.compile(rf"\s+(?:{alternation(lang.merged_tuple('NUMBER_CONJUNCTIONS'))})\s+")
_ABBREVIATED_AFTER_RE = re.compile(rf"(?P<scale>{alternation(ABBREVIATED_SCALES)})(?!\w)")
# A written number that is an estimate ("several thousand", "بضعة عشر") or the tail of an
# ordinal ("الحادي عشر"; "twenty-first" below).
_NOT_A_COUNT_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{alternation(lang.merged_tuple('APPROXIMATE_BEFORE'))}"
    rf"|{_PREFIX}(?:{alternation(lang.merged_tuple('ORDINALS_BEFORE'))}))[\s-]*$"
)
_NOT_A_COUNT_AFTER_RE = re.compile(
    rf"(?:[\s-]+(?:{alternation(lang.merged_tuple('APPROXIMATE_AFTER'), any_space=True)})"
    rf"|\s*-\s*(?:{alternation(lang.merged_tuple('ORDINALS_AFTER'))}))(?!\w)"
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
# An age in brackets right after a name: "نيمار (31 عامًا)", "Nargeolet (77)": a number of
# BARE_AGE_DIGITS digits, alone or in years ("(2)" numbers a list, "(3 سنوات)" is more often
# a duration).
_NAME_THEN_BRACKET_RE = re.compile(r"[^\W\d_]\s*\(\s*$")
_BRACKET_CLOSE_RE = re.compile(r"\s*\)")
# ... or set off by commas after a word, before another: "the former Talbara striker, 29, is"
# (a list "10, 12, 14" has a number before; a date "June 21, 2023" four digits).
_WORD_THEN_COMMA_RE = re.compile(r"[^\W\d_]\s*,\s*$")
_COMMA_THEN_WORD_RE = re.compile(r"\s*,\s*[^\W\d_]")
BARE_AGE_DIGITS = 2
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
    """Every number (digits, written out, or both: "3 آلاف وخمسمائة") and dual of time in
    folded text whose span is free in ``taken``, in order; their spans (with any scale word
    after) are marked taken."""
    found: list[Quantity] = []

    def keep(quantity: Quantity) -> None:
        found.append(quantity)
        taken[quantity.start : quantity.end] = b"\x01" * (quantity.end - quantity.start)

    for quantity, _ in _quantities(folded, _tokens(folded, taken)):
        keep(quantity)
    for match in _TIME_DUAL_RE.finditer(folded):
        if _free(taken, match.start(), match.end()):
            keep(Quantity(match.start(), match.end(), Decimal(2), TIME_DUALS[match["word"]]))
    found.sort(key=lambda q: q.start)
    return found


def range_scale(folded: str, low: Quantity, high: Quantity) -> Decimal | None:
    """The scale (a thousand, a million ...) that the lower end of a range takes from its
    upper end: "18" in "بين 18 و20 ألفا" is 18,000, "90" in "between 90 and 100 million
    euros" 90 million; 1 for a range written in full after a word that opens it ("between
    18,000 and 20,000"). None unless low is written in bare digits right before a joiner
    (RANGE_JOINERS) and high, below low's value times its scale, is digits and a scale."""
    if not _RANGE_JOINER_RE.fullmatch(folded, low.end, high.start):
        return None
    if not _DIGITS_ONLY_RE.fullmatch(folded, low.start, low.end):
        return None
    lead = _DIGITS_ONLY_RE.match(folded, high.start)
    written = to_decimal(lead.group()) if lead else None
    if not written or to_decimal(folded[low.start : low.end]) != low.value:
        return None
    scale = high.value / written
    if scale == 1 and low.value < high.value and _RANGE_OPENED_RE.search(folded, 0, low.start):
        # "between 18,000 and 20,000 people": both ends written in full, the range opened.
        return scale
    if scale not in _RANGE_SCALES or low.value >= written:
        return None
    return scale


# numbers_as_digits reads one claim's text for the aligner's keys (at every ingest of its
# story) and for the relate stage's view of it: each text is read once for both.
DIGITS_CACHE_LIMIT = 50_000


@lru_cache(maxsize=DIGITS_CACHE_LIMIT)
def numbers_as_digits(folded: str) -> str:
    """Folded text with every written-out number in digits, its scale words included:
    "خمسة وعشرين عاما" -> "25 عاما", "2.5 مليار" -> "2500000000", so that comparing the
    words of two claims sees one number where the facts see one quantity. A proclitic
    stays, apart ("بخمسة" -> "ب 5"); digits alone, duals of time and abbreviated scales
    ("$10m") stay as written."""
    parts: list[str] = []
    last = 0
    for quantity, tokens in _quantities(folded, _tokens(folded, bytearray(len(folded) + 1))):
        if all(token.kind == "digits" for token in tokens):
            continue
        start = tokens[0].start - len(tokens[0].prefix) if tokens[0].prefix else tokens[0].lead
        proclitic = folded[start : tokens[0].start]
        spaced = f"{proclitic} " if proclitic else ""
        parts += [folded[last:start], spaced, format_decimal(quantity.value)]
        last = quantity.end
    parts.append(folded[last:])
    return "".join(parts)


def _quantities(folded: str, tokens: list[_Token]) -> Iterator[tuple[Quantity, list[_Token]]]:
    """The quantities the number tokens of folded text make, each with its tokens."""
    reader = _Reader(tokens)
    index = 0
    while index < len(tokens):
        quantity, after = _read(folded, reader, index)
        if quantity is not None:
            yield quantity, tokens[index:after]
            # "خمسة في مئة": the مئة of a percent is no number of its own.
            percent = _PERCENT_AFTER_RE.match(folded, quantity.end)
            while percent and after < len(tokens) and tokens[after].lead < percent.end():
                after += 1
        index = after


def _read(folded: str, reader: _Reader, index: int) -> tuple[Quantity | None, int]:
    """The quantity that starts at token index, if any, and the token after it."""
    token = reader.tokens[index]
    if token.kind == "digits":
        abbreviated = _abbreviated(folded, token)
        if abbreviated:
            return abbreviated, index + 1
    elif _NOT_A_COUNT_BEFORE_RE.search(_before(folded, token.lead)):
        return None, reader.run_end(index)
    read = reader.number(index)
    if read is None:
        # "hundred thousand" after "several", a lone "آلاف": the rest of the run is no
        # number of its own either.
        return None, reader.run_end(index)
    value, after = read
    last = reader.tokens[after - 1]
    if last.kind != "digits" and _NOT_A_COUNT_AFTER_RE.match(folded, last.end):
        return None, after
    return Quantity(token.lead, last.end, value), after


def _abbreviated(folded: str, token: _Token) -> Quantity | None:
    """ "$10m", "€2.5bn", "150m euros" but not "100m sprint": glued, and after a currency
    sign or before a currency word."""
    scale = _ABBREVIATED_AFTER_RE.match(folded, token.end)
    if scale and (
        _CURRENCY_BEFORE_RE.search(folded[max(0, token.start - 6) : token.start])
        or _CURRENCY_AFTER_RE.match(folded, scale.end())
    ):
        return Quantity(token.start, scale.end(), token.value * SCALES[scale["scale"]])
    return None


# --------------------------------------------------------------------------- written numbers

# How a token joins the one before it: nothing between ("10ملايين"), spaces, a hyphen
# ("twenty-five"), a conjunction word ("hundred and fifty") or prefix ("وعشرين"); "" when
# it does not (another word between, another proclitic): a run of joined tokens ends there.
_ADJACENT = ("none", "space", "hyphen")
_SPACED = ("none", "space")
_CONJUNCTION = ("and", "prefix")
_CONTINUING = ("space", "and", "prefix")


@dataclass(frozen=True, slots=True)
class _Token:
    """A number word, an article before one, or digits, in folded text."""

    lead: int  # where a quantity starting here starts: before a proclitic ("بخمسة")
    start: int
    end: int
    kind: str  # digits, number, hundred, scale, dual, fraction, article
    value: Decimal
    scale: Decimal = Decimal(0)
    word: str = ""
    prefix: str = ""  # a proclitic, or the conjunction glued to digits ("و500")
    joiner: str = ""


def _tokens(folded: str, taken: bytearray) -> list[_Token]:
    """The number tokens of folded text outside taken spans, each with its joiner."""
    tokens: list[_Token] = []
    last_end = -1
    found = [_digits(folded, m) for m in _DIGITS_RE.finditer(folded)]
    found += [_word(m) for m in _WORD_TOKEN_RE.finditer(folded)]
    for token in sorted(filter(None, found), key=lambda t: t.start):
        if not _free(taken, token.lead, token.end):
            last_end = -1
            continue
        if last_end >= 0:
            token = replace(token, joiner=_joiner(folded, last_end, token))
        tokens.append(token)
        last_end = token.end
    return tokens


def _digits(folded: str, match: re.Match[str]) -> _Token | None:
    value = to_decimal(match.group())
    if value is None:
        return None
    start = match.start()
    glued = folded[start - 1 : start] if start else ""
    before_glued = folded[start - 2 : start - 1] if start > 1 else ""
    prefix = glued if glued in _CONJUNCTION_PREFIXES and not before_glued.isalnum() else ""
    return _Token(start, start, match.end(), "digits", value, prefix=prefix)


def _word(match: re.Match[str]) -> _Token | None:
    if match["article"] is not None:
        return _Token(match.start(), match.start(), match.end(), "article", Decimal(1))
    word, prefix = match["word"], match["pre"]
    if prefix and len(word) < _PREFIXED_WORD_MIN:
        return None
    kind, value, scale = _WORD_KINDS[word]
    start = match.start("word")
    return _Token(match.start(), start, match.end(), kind, value, scale, word, prefix)


def _joiner(folded: str, last_end: int, token: _Token) -> str:
    gap = folded[last_end : token.start - len(token.prefix)]
    if token.prefix:
        return "prefix" if token.prefix in _CONJUNCTION_PREFIXES and not gap.strip() else ""
    if not gap:
        return "none"
    if gap.isspace():
        return "space"
    if _HYPHEN_GAP_RE.fullmatch(gap):
        return "hyphen"
    return "and" if _AND_GAP_RE.fullmatch(gap) else ""


def _is_ten(value: Decimal) -> bool:
    return 20 <= value <= 90 and value % 10 == 0


class _Reader:
    """Reads written numbers from the tokens of one text, group by group: a number below a
    thousand ("ثلاثمائة وخمسين", "twenty-five"), times a scale ("ألفا", "million") or a dual
    scale alone ("مليونين"), then smaller groups after "و"/"and" ("ثلاثة آلاف وخمسمائة").
    A group read, the rest is a number of its own: "عشرين وثلاثين" is 20 and 30."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens

    def run_end(self, index: int) -> int:
        """The token after the run of joined tokens that holds index."""
        index += 1
        while index < len(self.tokens) and self.tokens[index].joiner:
            index += 1
        return index

    def at(self, index: int, joiners: tuple[str, ...], kind: str = "") -> _Token | None:
        """Token index, if it joins the one before it by one of joiners (and is of kind)."""
        if index < len(self.tokens):
            token = self.tokens[index]
            if token.joiner in joiners and (not kind or token.kind == kind):
                return token
        return None

    def number(self, index: int) -> tuple[Decimal, int] | None:
        """The value of the number that starts at token index and the token after it."""
        total, below, at = Decimal(0), Decimal(0), index
        while True:
            group = self.group(at, below)
            if group is None:
                break
            value, scale, at = group
            total += value
            if not scale:
                break
            below = scale
            # "مليون ونصف", "a million and a half": a fraction of the last scale ends it.
            fraction = self.trailing_fraction(at)
            if fraction is not None:
                return total + fraction[0] * scale, fraction[1]
            if not self.at(at, _CONTINUING):
                break
        return (total, at) if at > index else None

    def group(self, index: int, below: Decimal) -> tuple[Decimal, Decimal, int] | None:
        """One group at token index: its value, its scale (0 for a last group without one)
        and the token after it; below, if set, is the scale the group must stay under."""
        token = self.tokens[index]
        if token.kind == "dual" or token.kind == "scale" and token.word in STANDALONE_SCALES:
            value, scale, after = token.value, token.scale, index + 1
        elif token.kind == "fraction" or (
            token.kind == "article" and self.at(index + 1, _SPACED, "fraction")
        ):
            found = self.fraction(index)
            if found is None:
                return None
            value, scale, after = found
        else:
            return self.counted_group(index, below)
        value, scale, after = self.stacked(value, scale, after)
        return (value, scale, after) if not below or scale < below else None

    def counted_group(self, index: int, below: Decimal) -> tuple[Decimal, Decimal, int] | None:
        """A group that starts with a count: digits or words below a thousand, with the
        scale after it, if any ("ثلاثة آلاف", "2.5 مليار", "two and a half million")."""
        counted = self.counted(index, continuing=bool(below))
        if counted is None:
            return None
        value, after, alone = counted
        half = self.and_a_half(after)
        if half:
            value, after = value + half, after + 2
        scale = self.at(after, _SPACED, "scale")
        if scale is None:
            # After a scale, any smaller number ("ألف وواحد"); first, a lone "one", "احد" or
            # "a" is none: they count only before a multiplier.
            fits = value < below if below else alone
            return (value, Decimal(0), after) if fits else None
        value, scale_value, after = self.stacked(value * scale.scale, scale.scale, after + 1)
        return (value, scale_value, after) if not below or scale_value < below else None

    def counted(self, index: int, continuing: bool) -> tuple[Decimal, int, bool] | None:
        """Digits or a number below a thousand at token index: value, the token after, and
        whether it counts on its own. Digits continue a number only after a glued "و"
        ("3 آلاف و500"): "2 million and 300 jobs" is two numbers."""
        token = self.tokens[index]
        if token.kind == "digits":
            if continuing and (token.joiner != "prefix" or token.value % 1):
                return None
            return token.value, index + 1, True
        return self.below_thousand(index)

    def below_thousand(self, index: int) -> tuple[Decimal, int, bool] | None:
        token = self.tokens[index]
        if token.kind == "number" and token.value >= 100:
            return self.after_hundreds(token.value, index + 1)
        if token.kind == "article":
            value, after = Decimal(1), index + 1
        elif token.kind == "number":
            value, after = self.below_hundred(index)
        else:
            return None
        hundred = self.at(after, _ADJACENT)
        if hundred is not None and hundred.word in HUNDRED_WORDS:
            return self.after_hundreds(value * HUNDRED_WORDS[hundred.word], after + 1)
        lone = after == index + 1 and (
            token.kind == "article" or token.word in COMPOUND_NUMBER_WORDS
        )
        return value, after, not lone

    def after_hundreds(self, hundreds: Decimal, index: int) -> tuple[Decimal, int, bool]:
        """Hundreds and the number below a hundred after them ("مئة وخمسين")."""
        below = self.at(index, (*_ADJACENT, *_CONJUNCTION), "number")
        if below is not None and below.value < 100:
            value, after = self.below_hundred(index)
            return hundreds + value, after, True
        return hundreds, index, True

    def below_hundred(self, index: int) -> tuple[Decimal, int]:
        """A unit, teen or ten with what joins it: "ثلاثة عشر", "خمسة وعشرين",
        "twenty-five"; a ten and a unit otherwise stay two numbers ("عشرين وخمسة")."""
        value = self.tokens[index].value
        nxt = self.at(index + 1, (*_ADJACENT, *_CONJUNCTION), "number")
        if nxt is None or value >= 100:
            return value, index + 1
        unit = value < 10
        if unit and nxt.word in TEEN_WORDS and nxt.joiner in _SPACED:
            return value + 10, index + 2
        if unit and _is_ten(nxt.value) and nxt.joiner in _CONJUNCTION:
            return value + nxt.value, index + 2
        if _is_ten(value) and nxt.value < 10 and nxt.joiner in _ADJACENT:
            return value + nxt.value, index + 2
        return value, index + 1

    def fraction(self, index: int) -> tuple[Decimal, Decimal, int] | None:
        """A fraction of a scale: "نصف مليون", "half a million", "a quarter million"."""
        if self.tokens[index].kind == "article":
            index += 1
        fraction = self.tokens[index]
        after = index + 1
        if self.at(after, _SPACED, "article"):
            after += 1
        scale = self.at(after, _SPACED, "scale")
        if fraction.kind != "fraction" or scale is None:
            return None
        return fraction.value * scale.scale, scale.scale, after + 1

    def trailing_fraction(self, index: int) -> tuple[Decimal, int] | None:
        """A fraction joined by "و"/"and" (with an article: "and a half") that no scale
        follows, and the token after it."""
        if self.at(index, ("and",), "article"):
            index += 1
            fraction = self.at(index, _SPACED, "fraction")
        else:
            fraction = self.at(index, _CONJUNCTION, "fraction")
        if fraction is None or self.at(index + 1, _SPACED, "scale"):
            return None
        return fraction.value, index + 1

    def and_a_half(self, index: int) -> Decimal:
        """The fraction of "two and a half million" (0 if none)."""
        article = self.at(index, ("and",), "article")
        fraction = self.at(index + 1, _SPACED, "fraction")
        if article and fraction and self.at(index + 2, _SPACED, "scale"):
            return fraction.value
        return Decimal(0)

    def stacked(self, value: Decimal, scale: Decimal, index: int) -> tuple[Decimal, Decimal, int]:
        """A larger scale right after a scale multiplies it ("ألف مليون": a billion)."""
        larger = self.at(index, _SPACED, "scale")
        while larger is not None and larger.scale > scale:
            value, scale, index = value * larger.scale, larger.scale, index + 1
            larger = self.at(index, _SPACED, "scale")
        return value, scale, index


def feminine_duals(folded: str) -> Iterator[Measure]:
    """Counts of two written as a feminine dual ("شحنتان": two shipments)."""
    last_dual_end = -2
    for match in _FEMININE_DUAL_RE.finditer(folded):
        word = match.group()
        # "الدولتين الجارتين": an adjective agrees in the dual; the noun already counted.
        agreeing = folded[last_dual_end : match.start()].isspace()
        if not (agreeing or word in NOT_DUALS or word[1:] in NOT_DUALS):
            subject = _noun_subject(match["stem"] + "ه")
            yield Measure(match.start(), match.end(), "count", "2", "", subject)
        last_dual_end = match.end()


# --------------------------------------------------------------------------- measuring


def measure(folded: str, quantity: Quantity, published: dt.date | None) -> Measure | None:
    """What one quantity measures, from the words around it; None for a bare number.

    ``published`` turns "3 years ago" into an approximate year; without it that stays a
    duration.
    """
    if not quantity.unit:
        found = (
            _money(folded, quantity)
            or _percent(folded, quantity)
            or _magnitude(folded, quantity)
            or _temperature(folded, quantity)
        )
        if found:
            return found
        time_unit = _TIME_UNIT_AFTER_RE.match(folded, quantity.end)
        if time_unit:
            unit = TIME_UNITS[time_unit["unit"]]
            quantity = replace(quantity, end=time_unit.end(), unit=unit)
        elif (
            _AGE_WITHOUT_UNIT_RE.search(_before(folded, quantity.start))
            or _bracketed_age(folded, quantity)
            or _appositive_age(folded, quantity)
        ):
            value = format_decimal(quantity.value)
            return Measure(quantity.start, quantity.end, "age", value, "year", AGE_SUBJECT)
    if quantity.unit:
        return _time(folded, quantity, published)
    return None


def count_or_number(folded: str, quantity: Quantity) -> Measure:
    """A bare quantity that is no year: a count of casualties when a casualty word stands
    near it, else a count of the noun after it, else a number."""
    value = format_decimal(quantity.value)
    metres = _ATTACHED_METRE_RE.match(folded, quantity.end)
    if metres and quantity.value < ATTACHED_METRE_MAX:
        # "ارتفاعه 40م": metres ("1972م", a year of the common era, is no quantity here).
        return Measure(quantity.start, metres.end(), "count", value, "", METRE)
    noun = _count_subject(folded, quantity.end)
    if _listed_in(next(_own_clause_after(folded, quantity.end), ""), LOSS_WORDS):
        # A word of losing right after the figure is no noun counted, whatever it would stem
        # to: what it loses says the state ("40 ألفا فقدوا منازلهم": the displaced, not
        # "قدوا"). Other words of state there keep their noun's reading: read as states,
        # "5,000 wounded" or "14 وفاة" met counts of a part (a country's pilgrims, the
        # wounded in intensive care) that relate does not yet tell apart.
        noun = ""
    subject = noun
    if not noun or noun in GENERIC_PEOPLE or _state(noun):
        # "3 آلاف شخص" among the dead, "11300 على الأقل لقوا حتفهم": the state says what is
        # counted; a noun that names who ("7 جنود") keeps them apart from others.
        subject = _state_subject(folded, quantity.start, quantity.end) or noun
    if subject:
        return Measure(quantity.start, quantity.end, "count", value, "", subject)
    return Measure(
        quantity.start, quantity.end, "number", value, "", _subject_before(folded, quantity.start)
    )


def _before(folded: str, start: int) -> str:
    return folded[max(0, start - 40) : start]


def _age_digits(quantity: Quantity) -> bool:
    """Whether the quantity is a whole number of BARE_AGE_DIGITS digits (10 to 99)."""
    value = quantity.value
    return value == value.to_integral_value() and len(str(int(value))) == BARE_AGE_DIGITS


def _appositive_age(folded: str, quantity: Quantity) -> bool:
    """Whether a bare number of BARE_AGE_DIGITS digits stands between two commas, after a
    word and before another ("the former Talbara striker, 29, is"): the age of the person
    just named."""
    return bool(
        _age_digits(quantity)
        and _WORD_THEN_COMMA_RE.search(_before(folded, quantity.start))
        and _COMMA_THEN_WORD_RE.match(folded, quantity.end)
    )


def _bracketed_age(folded: str, quantity: Quantity) -> bool:
    """Whether the quantity (its unit read) is all a bracket right after a word holds, a
    number of BARE_AGE_DIGITS digits ("نيمار (31 عاما)", "Nargeolet (77)"): the way news
    gives the age of the person just named. "(2)" numbers a list, "(6 أيام)" is a
    duration."""
    return bool(
        _age_digits(quantity)
        and quantity.unit in ("", "year")
        and _NAME_THEN_BRACKET_RE.search(_before(folded, quantity.start))
        and _BRACKET_CLOSE_RE.match(folded, quantity.end)
    )


def _magnitude(folded: str, quantity: Quantity) -> Measure | None:
    """A seismic magnitude: the quake's (MAGNITUDE), or a later shock's (AFTERSHOCK) when a
    word of one stands within AFTERSHOCK_WINDOW words before it."""
    before = _words_before(folded, quantity.start, limit=AFTERSHOCK_WINDOW)
    window = folded[quantity.end : quantity.end + 60]
    after = [m.group() for m in FOLDED_WORD_RE.finditer(window)][:MAGNITUDE_SCALE_WINDOW]
    near = before[:MAGNITUDE_WORDS_BEFORE]
    following = after[0] if after else ""
    if not (
        any(word in _MAGNITUDE_WORDS for word in near)
        or following in _MAGNITUDE_WORDS
        or (following in _MAGNITUDE_DEGREES and any(w in _MAGNITUDE_STRENGTH for w in near))
        or any(word in _MAGNITUDE_SCALES for word in after)
    ):
        return None
    shock = AFTERSHOCK if _AFTERSHOCK_RE.search(" ".join(before[::-1])) else MAGNITUDE
    value = format_decimal(quantity.value)
    return Measure(quantity.start, quantity.end, "number", value, "", shock)


def _temperature(folded: str, quantity: Quantity) -> Measure | None:
    """A temperature, in Celsius (unit "C"; "" when only degrees are named)."""
    after = _TEMPERATURE_AFTER_RE.match(folded, quantity.end)
    if after is None or not (after["degree"] or after["scale"]):
        return None
    scale = after["scale"] or ""
    if not after["degree"]:
        # A scale alone: a letter only when written onto the figure ("47c", not "5 c").
        if len(scale) == 1 and after["space"]:
            return None
    elif not scale:
        before = _words_before(folded, quantity.start, limit=TEMPERATURE_WORDS_BEFORE)
        if not any(
            _strip_prefix(word) in _TEMPERATURE_WORDS or word in _TEMPERATURE_WORDS
            for word in before
        ):
            return None
    unit = _TEMPERATURE_SCALES.get(scale, "")
    degrees = quantity.value
    if unit == "F":
        # In Celsius, to the tenth, as reports convert ("47.5C (117.5F)").
        degrees = ((degrees - 32) * 5 / 9).quantize(Decimal("0.1"))
        unit = "C"
    value = format_decimal(degrees)
    end = after.end("scale") if scale else after.end("degree")
    return Measure(quantity.start, end, "temperature", value, unit, TEMPERATURE)


def _money(folded: str, quantity: Quantity) -> Measure | None:
    start, end = quantity.start, quantity.end
    currency = _CURRENCY_AFTER_RE.match(folded, end)
    if currency:
        code, qualified = CURRENCIES[CURRENCY_FORMS.get(currency["cur"], currency["cur"])]
        qualifier = currency["qual"] or ""
        if qualifier in qualified:
            end, code = currency.end(), qualified[qualifier]
        else:
            end = currency.end("cur")
    else:
        before = _before(folded, start)
        symbol = _CURRENCY_BEFORE_RE.search(before)
        if not symbol:
            return None
        start = start - (len(before) - symbol.start())
        code = CURRENCY_SYMBOLS.get(symbol["sym"], symbol["sym"].upper())
    # The words before the amount, read once for its noun, a verb of paying and its period.
    before_words = _words_before(folded, start, MONEY_NOUN_WINDOW)
    subject = _money_subject(folded, start, end, before_words)
    value = quantity.value
    if subject == SALARY or subject not in _MONEY_KEYS:
        salary = _salary(folded, end, before_words, named=subject == SALARY)
        if salary:
            subject, years, end = salary
            value /= years
    return Measure(start, end, "money", format_decimal(value), code, subject)


def priced(subject: str) -> bool:
    """Whether an amount's subject names what it pays for in every language (a key of lang
    MONEY_NOUNS, or a salary for a period), not a word of the sentence."""
    return subject in _MONEY_KEYS or subject.startswith(SALARY + "/")


def _salary(
    folded: str, end: int, before_words: Sequence[str], *, named: bool
) -> tuple[str, int, int] | None:
    """An amount read as a salary: (its subject, the years it is spread over, where the
    fact's text ends), or None.

    A salary is an amount with a salary noun (``named``) or a verb of being paid
    (lang PAY_VERBS) before it, paid each period (lang PAY_PERIOD_WORDS, PAY_PERIOD_AFTER)
    or over a number of years or seasons (PAY_SPREAD_WORDS); a salary noun alone is a
    yearly salary. A weekly or monthly one is its own subject ("salary/week"); one spread
    over years is counted a year at a time, and its text runs to the end of the span.
    before_words: the MONEY_NOUN_WINDOW words before the amount, nearest first.
    """
    paid = named or any(_listed_in(word, PAY_VERBS) for word in before_words)
    if not paid:
        return None
    after = _BRACKETED_RE.match(folded, end)
    rest = after.end() if after else end
    period = _pay_period(folded, rest, before_words)
    if period and period != "year":
        return f"{SALARY}/{period}", 1, end
    spread = _PAY_SPREAD_RE.match(folded, rest)
    if spread and not period:
        n = spread["n"] or ""
        years = 2 if spread["dual"] else int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
        if 2 <= years <= PAY_SPREAD_MAX:
            return SALARY, years, spread.end()
    return (SALARY, 1, end) if named or period else None


def _pay_period(folded: str, rest: int, before_words: Sequence[str]) -> str:
    """The period an amount is paid for ("year", "month", "week"), from a word of lang
    PAY_PERIOD_WORDS among the words before it or the two after it, or a phrase of
    PAY_PERIOD_AFTER right after it; "" if none."""
    after = _PAY_PERIOD_AFTER_RE.match(folded, rest)
    if after:
        return PAY_PERIOD_AFTER[" ".join(after["period"].split())]
    near = [*before_words, *islice(_content_words_after(folded, rest), 2)]
    for word in near:
        if period := _keyed(word, PAY_PERIOD_WORDS):
            return period
    return ""


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
    if unit == "year" and (
        _AGE_BEFORE_RE.search(_before(folded, start))
        or age_after
        or _bracketed_age(folded, quantity)
    ):
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
    """A word that may say what a figure measures: no stop word or filler, bare or behind a
    proclitic ("باكثر من مليار": "اكثر" says how much, not of what)."""
    if word[0].isdigit():
        return False
    return not any(form in STOPWORDS or form in FILLERS for form in (word, _strip_prefix(word)))


def _clause_words_after(folded: str, pos: int) -> list[str]:
    """The words after pos, up to the next clause break."""
    stop = CLAUSE_BREAK_RE.search(folded, pos)
    return [
        m.group()
        for m in FOLDED_WORD_RE.finditer(folded, pos, stop.start() if stop else len(folded))
    ]


def _content_words_after(folded: str, pos: int) -> Iterator[str]:
    return (word for word in _clause_words_after(folded, pos) if _is_content(word))


def _own_clause_after(folded: str, pos: int) -> Iterator[str]:
    """The content words after pos up to where a coordinated clause starts: a conjunction
    word (lang CLAUSE_CONJUNCTIONS: "reached 41 and several hundred people were wounded") or
    a word of state behind a conjunction prefix ("استشهاد 6 أشخاص وإصابة 140"), whose state is
    the next count's, not this one's."""
    words = _clause_words_after(folded, pos)
    for i, word in enumerate(words):
        if word in _CLAUSE_CONJUNCTIONS:
            # "between 37 and 40 dead": a second figure right after shares the noun.
            if i + 1 == len(words) or not words[i + 1][0].isdigit():
                return
        elif _coordinated_state(word):
            return
        elif _is_content(word):
            yield word


def _coordinated_state(word: str) -> bool:
    """A word of state that only a conjunction prefix makes one ("وإصابة"; not "وفاة")."""
    return (
        word[:1] in _CONJUNCTION_PREFIXES
        and word not in COUNT_STATES
        and bool(COUNT_STATES.get(word[1:]) or COUNT_STATES.get(_strip_prefix(word[1:])))
    )


def _words_before(
    folded: str,
    pos: int,
    limit: int = 6,
    chars: int = 80,
    clause_break: re.Pattern[str] = CLAUSE_BREAK_RE,
) -> list[str]:
    """Up to ``limit`` words before pos (within ``chars`` characters), nearest first, not
    crossing a clause break."""
    window = folded[max(0, pos - chars) : pos]
    breaks = list(clause_break.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return [m.group() for m in FOLDED_WORD_RE.finditer(window)][::-1][:limit]


def _subject_after(folded: str, pos: int) -> str:
    for word in _content_words_after(folded, pos):
        return light_stem(word)
    return ""


def _money_subject(folded: str, start: int, end: int, before_words: Sequence[str]) -> str:
    """What an amount pays for: the key of a money noun (lang MONEY_NOUNS) right after the
    amount ("a £522million contract"), else among the MONEY_NOUN_WINDOW words before it
    ("عقد بقيمة 522 مليون جنيه", "a contract worth £522million": before_words), else
    further back in its clause (MONEY_NOUN_CLAUSE_WINDOW), else the word before it."""
    after = _word_after_amount(folded, end)
    for word in [after, *before_words] if after else before_words:
        if key := _keyed(word, MONEY_NOUNS):
            return key
    clause = _words_before(
        folded, start, MONEY_NOUN_CLAUSE_WINDOW, MONEY_NOUN_CLAUSE_CHARS, _MONEY_CLAUSE_BREAK_RE
    )
    for word in clause[len(before_words) :]:
        if any(char.isdigit() for char in word):
            break  # another figure's noun
        if key := _keyed(word, MONEY_NOUNS):
            return key
    return _subject_before(folded, start)


def _word_after_amount(folded: str, end: int) -> str:
    """The first content word after an amount, across a closing quote mark ("to pay $900
    million\u201d compensation") but not across other punctuation."""
    for match in FOLDED_WORD_RE.finditer(folded, end, min(len(folded), end + AFTER_AMOUNT_CHARS)):
        if _AMOUNT_BREAK_RE.search(folded, end, match.start()):
            return ""
        if _is_content(match.group()):
            return match.group()
        end = match.end()
    return ""


def _subject_before(folded: str, pos: int) -> str:
    for word in _words_before(folded, pos):
        # A verb of change ("rose 3.5%") says how, not what.
        if _is_content(word) and _strip_prefix(word) not in _DIRECTIONS and word not in _DIRECTIONS:
            return light_stem(word)
    return ""


def _count_subject(folded: str, end: int) -> str:
    """Stem of the noun counted right after a number ("ثلاثة قتلى", "اثنين من ممثلي"), or of
    the second of two nouns when the language names a thing by its second ("3 police
    officers": _PLURAL_ENDINGS); for a noun of lang COUNT_NOUNS, its key in every language
    ("185 سفينة", "200 ships": "ship")."""
    found = list(islice(FOLDED_WORD_RE.finditer(folded, end, min(len(folded), end + 40)), 2))
    words = [m.group() for m in found]
    stop = CLAUSE_BREAK_RE.match(folded, end) or CLAUSE_BREAK_RE.match(folded, end + 1)
    if not words or stop:
        return ""
    first = words[0]
    if first in _OF_WORDS and len(words) > 1:
        first = words[1]
    elif (
        len(words) > 1
        and _is_content(first)
        and not _state(first)
        and _is_content(words[1])
        and _plural(words[1])
        and not folded[found[0].end() : found[1].start()].strip()
    ):
        first = words[1]
    return _noun_subject(first) if _is_content(first) else ""


def _noun_subject(noun: str) -> str:
    """A counted noun as a subject: its key in every language (lang COUNT_NOUNS), else its
    light stem."""
    return _keyed(noun, COUNT_NOUNS) or light_stem(noun)


def _plural(word: str) -> bool:
    """Whether a word reads as a plural noun in a language that names a thing by the second
    of two nouns (_PLURAL_ENDINGS)."""
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith(_PLURAL_ENDINGS) and not word.endswith(_NOT_PLURAL_ENDINGS)
    )


def _state(word: str) -> str:
    return _keyed(word, COUNT_STATES)


def _keyed(word: str, table: Mapping[str, str]) -> str:
    """The table's entry for the word, or for the word without its proclitic; "" if none."""
    return table.get(word) or table.get(_strip_prefix(word), "")


def _listed_in(word: str, vocabulary: Collection[str]) -> bool:
    return word in vocabulary or _strip_prefix(word) in vocabulary


def lost_state(
    words: Sequence[str],
    i: int,
    listed: Callable[[str, Collection[str]], object] = _listed_in,
) -> str:
    """The state a word of losing or lacking at i of words (in reading order) gives the
    people counted by what it loses (LOSS_REACH): the displaced for a home ("lost their
    homes", "باتوا من دون منازل"), the dead for their lives ("فقدوا حياتهم"); "" for
    another word, or nothing lost. listed: how a word is looked up in a word list (with the
    caller's clitics)."""
    if not listed(words[i], LOSS_WORDS):
        return ""
    read = 0
    for word in words[i + 1 :]:
        if word[:1].isdigit():
            continue
        if listed(word, HOME_NOUNS):
            return DISPLACED
        if listed(word, LIFE_NOUNS):
            return DEAD
        read += 1
        # What another clause names is not what was lost ("فقد 30 شخصا وتضررت منازل").
        if read == LOSS_REACH or word in _LOSS_STOPS or word.startswith(_COORDINATED):
            return ""
    return ""


def state_at(words: Sequence[str], i: int) -> str:
    """The state the word at i of words (in reading order) says the people counted are in:
    what a word of losing loses (lost_state), else the word itself (COUNT_STATES)."""
    return lost_state(words, i) or _state(words[i])


def _state_subject(folded: str, start: int, end: int) -> str:
    """What state the people a count counts are in, as a subject ("#dead", "#missing" ...):
    the word of state (COUNT_STATES) nearest the number within STATE_SUBJECT_WINDOW content
    words on either side, in its clause (after it first on a tie: "5300 قتيل و200 جريح")."""
    # A word of losing reads what it loses beyond the window, and across the figure when it
    # stands before it ("فقد 30 شخصا حياتهم": lost_state).
    after = list(islice(_own_clause_after(folded, end), STATE_SUBJECT_WINDOW + LOSS_REACH))
    words = _words_before(folded, start, limit=3 * STATE_SUBJECT_WINDOW)
    before = [word for word in words if _is_content(word)][:STATE_SUBJECT_WINDOW][::-1]
    # The words in reading order; each side's nearest first (after it first on a tie).
    near = before + after
    for distance in range(STATE_SUBJECT_WINDOW):
        for i in (len(before) + distance, len(before) - 1 - distance):
            if 0 <= i < len(near):
                state = state_at(near, i)
                if state:
                    return f"#{state}"
    return _tallied_state(_words_before(folded, start, limit=TALLY_WINDOW, chars=8 * TALLY_WINDOW))


def _tallied_state(before: list[str]) -> str:
    """The state of the people a clause tallies before its figure, further back than the
    window: "عدد القتلى في المدينة الساحلية المنكوبة قد يزيد على 9 آلاف" (a word of tally,
    then a word of state, within TALLY_WINDOW words; or a tally word that is a word of state
    itself, "الحصيلة", "toll"), the first in the clause."""
    in_order = before[::-1]
    for i, word in enumerate(in_order):
        if _strip_prefix(word) in TALLY_WORDS or word in TALLY_WORDS:
            tallied = [w for w in in_order[i + 1 : i + 4] if w not in _OF_WORDS | STOPWORDS]
            # A tally word that is a word of state too counts its state when the word after it
            # names no other: "حصيلة الهجوم ... 140", "the toll of the attack ... 143".
            state = (_state(tallied[0]) if tallied else "") or _state(word)
            if state:
                return f"#{state}"
    return ""


def _duration_subject(folded: str, start: int, end: int) -> str:
    """What lasted: a known term word nearby (prison vs time served), else the nearest
    content word before, else after. A duration joined to its unit as an adjective ("a
    two-year contract", "an eight-day expedition") lasts what the word right after it names,
    whatever verb comes before ("signed", "offered")."""
    words = _words_before(folded, start, limit=DURATION_SUBJECT_WINDOW)
    for word in words:
        if subject := _keyed(word, DURATION_SUBJECTS):
            return subject
    if "-" in folded[start:end]:
        after = FOLDED_WORD_RE.search(folded, end)
        if after and not folded[end : after.start()].strip() and _is_content(after.group()):
            return light_stem(after.group())
    for word in words:
        if _is_content(word):
            return light_stem(word)
    for word in _content_words_after(folded, end):
        return _keyed(word, DURATION_SUBJECTS) or light_stem(word)
    return ""
