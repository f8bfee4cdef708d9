"""What makes two quantities one: hedged figures, and the people a count counts (amounts in
two currencies and lengths in two units: pipeline/units.py).

"100 million euros" and "109 million dollars" are one amount once converted; "about 13,000
feet" does not contradict "12,500 feet", nor "more than 5,000 dead" "5,300 dead"; "5,300
dead" and "10,000 missing" are two counts, not one figure with two values. The fact rules
(rules.py) ask these questions before they call two values a mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import zip_longest

from newsdiff.pipeline import lang
from newsdiff.pipeline.attribution import DEFINITE_PREFIXES, without_article
from newsdiff.pipeline.facts import COMPASS_POINTS, REGION_COUNTRY_WORDS
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    STOPWORDS,
    alternation,
    country_of,
    listed_entry,
    normalize_text,
    tokens,
)
from newsdiff.pipeline.numbers import lost_state
from newsdiff.pipeline.types import Fact
from newsdiff.pipeline.units import (
    COUNTED_KINDS,
    close,
    decimal_value,
    in_one_unit,
    length_unit,
    same_amount,
)

# A figure given as "about", "نحو", "حوالي" agrees with any value within this share of the
# larger one: such figures are rounded to their leading digit or two ("نحو 60 ألف مشجع"
# for 68,000 seats is the same crowd). Hand-set, as the currency tolerance.
APPROXIMATE_TOLERANCE = Decimal("0.15")
# A count given in round thousands ("3 آلاف", "11,000") is a rounded figure even unhedged: it
# agrees with a precise count that rounds to it (3,252 dead) when the two differ by less than
# half its last rounded place and less than ROUNDED_TOLERANCE of it. So does a round amount
# of money ("$900 million" for 916 million). Ages and measures are stated as meant.
# Hand-set; a round count of 5,000 against 5,500 or 7,000 still differs.
ROUNDED_PLACE = 1000
ROUNDED_TOLERANCE = Decimal("0.1")
# A length in whole units agrees with one in the same unit given to its decimals that it
# rounds: "18 كيلومترا" deep is "18.5 كيلومتر" said to the kilometre (half a unit either
# way). Lengths only: a magnitude of 7 is not one of 7.2, nor a count of 3 one of 3.4.
LENGTH_ROUNDING = Decimal("0.5")
# Two counts of thousands that differ by less than this share of the larger are one figure
# reported loosely (2,750 and 2,700 tonnes; 10,100 and 10,000 missing), not two claims.
COUNT_NOISE = Decimal("0.02")
# Words before a figure (and after it) that make it approximate ("about"), a lower bound
# ("more than", "أكثر من") or an upper bound ("less than"); phrases of up to this many words.
HEDGES_BEFORE: dict[str, str] = lang.merged_dict("QUANTITY_HEDGES")
HEDGES_AFTER: dict[str, str] = lang.merged_dict("QUANTITY_HEDGES_AFTER")
HEDGE_MAX_WORDS = 4
# Proclitics a hedge's first word may carry ("بنحو", "وبأكثر من"), longest first.
HEDGE_PROCLITICS = tuple(sorted(lang.merged_tuple("HEDGE_PROCLITICS"), key=len, reverse=True))
ABOUT, AT_LEAST, AT_MOST = "about", "min", "max"
# The two ends of a range of figures ("between 18,000 and 20,000"): a floor and a ceiling that
# an exact figure between them keeps; against a figure hedged any way, no conflict (the rules
# set a range against a bound beyond it apart: rules._beyond_range).
RANGE_LOW, RANGE_HIGH = "from", "to"
RANGE_OPENERS = lang.merged_set("RANGE_OPENERS")
# Nouns that name what a figure measures (weight, capacity ...), and how many words before
# the figure they may stand ("a capacity of 224,000 tonnes", "يبلغ وزنها 200 ألف طن").
MEASURE_NOUNS: dict[str, str] = lang.merged_dict("MEASURE_NOUNS")
MEASURE_WINDOW = 2
RANGE_JOINERS = lang.merged_set("RANGE_JOINERS")
RANGE_ONLY_JOINERS = lang.merged_set("RANGE_ONLY_JOINERS")
# Words right before a figure that put the quantity strictly above or below it (pipeline/lang),
# read up to BOUND_MAX_WORDS words before it.
BOUND_MAX_WORDS = 3
BOUND_NEGATIONS = frozenset({"لا", "not", "no"})
ABOVE, BELOW = "above", "below"
STRICT_BOUNDS: dict[str, str] = {
    **dict.fromkeys(lang.merged_tuple("STRICTLY_ABOVE"), ABOVE),
    **dict.fromkeys(lang.merged_tuple("STRICTLY_BELOW"), BELOW),
}
# A verb of exceeding this many words or fewer before a figure, with no figure between:
# "تخطى عدد الجرحى 5 آلاف" is more than 5,000 injured.
EXCEED_VERBS = lang.merged_set("EXCEED_VERBS")
EXCEED_WINDOW = 3
# A forecast ("could reach 20,000") and a count of other places ("170 elsewhere in the
# country") can be true whatever the count they meet: they are never in conflict with a
# figure that is neither. Two forecasts are compared as two estimates.
PROJECTION, ELSEWHERE = "projection", "elsewhere"
PROJECTION_WORDS = lang.merged_set("PROJECTION_WORDS")
PROJECTION_PARTICLES: dict[str, str] = lang.merged_dict("PROJECTION_PARTICLES")
PROJECTION_PARTICLE_VERBS = lang.merged_set("PROJECTION_PARTICLE_VERBS")
# How far before a figure a word of forecast may stand: "والمتوقع أن يبلغ عدد النازحين في
# المدينة نحو خمسين ألفا".
PROJECTION_WINDOW = 8
# ... unless a verb of expecting governs the figure's clause through its complement ("توقع
# ... أن تصل التعويضات ... بأكثر من مليار دولار"; "predicted ... would exceed").
EXPECTATION_VERBS = lang.merged_set("EXPECTATION_VERBS")
EXPECTATION_COMPLEMENT: dict[str, str] = lang.merged_dict("EXPECTATION_COMPLEMENT")
EXPECTATION_MODALS = lang.merged_set("EXPECTATION_MODALS")
ELSEWHERE_RE = re.compile(
    rf"(?<!\w)(?:{alternation(lang.merged_tuple('ELSEWHERE_PHRASES'), any_space=True)})(?!\w)"
)
# Kinds of figure a forecast or another place can qualify: counts and amounts.
PROJECTED_KINDS = frozenset({"count", "number", "money"})
# Words that make an amount a rate over a period ("a day", "كل ساعة"), read this many words
# either side of it: "إيرادات يومية للميناء تقدر بـ3 ملايين دولار", "a yearly wage of some
# $80m".
RATE_PERIODS: dict[str, str] = lang.merged_dict("RATE_PERIODS")
RATE_WINDOW = 5
RATE_PHRASE_WORDS = max(len(phrase.split()) for phrase in RATE_PERIODS)
# A figure is an amount of change ("rose by 9", "وتزيد ... بنحو 9") when it, or a hedge just
# before it, carries a mark of "by" and a word of change stands within CHANGE_WINDOW words
# before that: it measures a difference, never the level it changed.
CHANGE_PROCLITICS = lang.merged_tuple("CHANGE_PROCLITICS")
CHANGE_MARKERS = lang.merged_set("CHANGE_MARKERS")
CHANGE_WORDS = frozenset(lang.merged_dict("DIRECTIONS"))
CHANGE_WINDOW = 6
ADDITION_RIGHT_AFTER = lang.merged_set("ADDITION_RIGHT_AFTER")
ADDITION_AFTER_NOUN = lang.merged_set("ADDITION_AFTER_NOUN")
ADDITION_STOPS = lang.merged_set("ADDITION_STOPS")
ADDITION_WINDOW = 3  # "58 حالة وفاة إضافية": the figure, its noun, and its state between
# Partitive phrases (lang PART_BEFORE, PART_AFTER), as word tuples; a phrase before the
# figure may end up to PART_BEFORE_GAP words before it (a hedge between), one after it may
# start a word after it (the noun counted between: "320 مشجعا من بين المتوفين").
_PART_BEFORE = tuple(tuple(p.split()) for p in lang.merged_tuple("PART_BEFORE"))
_PART_AFTER = tuple(tuple(p.split()) for p in lang.merged_tuple("PART_AFTER"))
PART_BEFORE_GAP = 2
_REST_BEFORE = tuple(tuple(p.split()) for p in lang.merged_tuple("REST_BEFORE"))
_REST_AFTER = tuple(tuple(p.split()) for p in lang.merged_tuple("REST_AFTER"))
# Phrases of a country's citizens (lang NATIONALS_AFTER), up to NATIONALS_GAP words after a
# count ("144 حالة وفاة بين مواطنيها").
_NATIONALS_AFTER = tuple(tuple(p.split()) for p in lang.merged_tuple("NATIONALS_AFTER"))
NATIONALS_GAP = 2
# Words that tell one of a story's events apart (lang EVENT_NOUNS, EVENT_QUALIFIERS).
_EVENT_NOUNS = lang.merged_set("EVENT_NOUNS")
_EVENT_QUALIFIERS: dict[str, str] = lang.merged_dict("EVENT_QUALIFIERS")
# A count told of a place below a country (lang COUNT_PLACE_NOUNS, COUNT_PLACE_PLURALS): a
# noun of place among the PLACE_WINDOW words after the figure, in its clause and before any
# other figure; its name (COUNT_PLACE_LINKS, COUNT_PLACE_NAME_BEFORE) sets it apart from
# another place's.
_COUNT_PLACE_NOUNS = lang.merged_set("COUNT_PLACE_NOUNS")
_COUNT_PLACE_PLURALS = lang.merged_set("COUNT_PLACE_PLURALS")
_COUNT_PLACE_WORDS = _COUNT_PLACE_NOUNS | _COUNT_PLACE_PLURALS
_COUNT_PLACE_LINKS = lang.merged_set("COUNT_PLACE_LINKS")
_COUNT_PLACE_NAME_BEFORE = lang.merged_set("COUNT_PLACE_NAME_BEFORE")
_COUNT_PLACE_ARTICLES = lang.merged_set("COUNT_PLACE_ARTICLES")
PLACE_WINDOW = 6
# Parts of a country (the words facts.py reads a fact "region" by), and the points that
# make one before a country's name by themselves (lang COUNT_PLACE_POINTS).
_REGION_LINKS = lang.merged_set("REGION_LINKS")
_COUNT_PLACE_POINTS = lang.merged_set("COUNT_PLACE_POINTS")
PART_OF_COUNTRY = "@"  # count_place's key of a part: "@" and its degrees from north
# Ages are never hedged: "عن عمر ناهز 85 عاما" is the obituary's exact age.
UNHEDGED_KINDS = frozenset({"age"})

# Words that say what state the people of a count are in (the dead, the missing ...), and
# how far from the number such a word may stand: "قتل 12 شخصا وأصيب 30" gives each number
# the nearest one.
COUNT_STATES: dict[str, str] = lang.merged_dict("COUNT_STATES")
STATE_WINDOW = 3
# Where a new clause starts: a comma or semicolon (not the comma of "5,300"), or a
# conjunction (pipeline/lang).
_SEPARATOR_RE = re.compile(r",(?!\d)|[;:]")
_CONJUNCTIONS = lang.merged_set("CLAUSE_CONJUNCTIONS")
# Each claim's quantities are read once per pair it is in: cached, bounded by hand like the
# claim views (a story holds a few thousand claims).
QUANTITY_CACHE_LIMIT = 50_000
# Clitics and the article, peeled off a word before looking it up (وأصيب, والجرحى).
_CLITICS = lang.merged_tuple("STEM_PREFIXES")


def _rounds_to(rounded: Decimal, precise: Decimal) -> bool:
    """Whether a round count (whole thousands) is the precise one rounded."""
    if rounded < ROUNDED_PLACE or rounded % ROUNDED_PLACE:
        return False
    place = ROUNDED_PLACE
    while rounded % (place * 10) == 0:
        place *= 10
    if precise % place == 0:
        return False  # rounded as far: two round figures
    difference = abs(rounded - precise)
    return difference * 2 < place and difference < ROUNDED_TOLERANCE * rounded


def _rounding_step(value: Decimal) -> Decimal:
    """The place of a figure's last non-zero digit: 10 for 60, 100 for 400, 1 for 135, 0.1
    for 6.8."""
    exponent = value.normalize().as_tuple().exponent
    if value == 0 or not isinstance(exponent, int):
        return Decimal(1)
    return Decimal(1).scaleb(exponent)


def _length_to_the_unit(a: Fact, b: Fact) -> bool:
    """Whether one of two lengths in one unit is the other said in whole units."""
    x, y = decimal_value(a.value), decimal_value(b.value)
    if x is None or y is None or not length_unit(a) or length_unit(a) != length_unit(b):
        return False
    whole, precise = (x, y) if x == x.to_integral_value() else (y, x)
    return (
        whole == whole.to_integral_value()
        and precise != precise.to_integral_value()
        and abs(whole - precise) <= LENGTH_ROUNDING
    )


def values_agree(a: Fact, hedge_a: str, b: Fact, hedge_b: str) -> bool:
    """Whether two values of one quantity can both be true, given how each is hedged: one
    value, an approximate or rounded figure close enough, a bound the other value keeps."""
    if same_amount(a, b):
        return True
    values = in_one_unit(a, b)
    if values is not None and _told_loosely(a, b, values):
        return True
    ends = {hedge_a, hedge_b} & {RANGE_LOW, RANGE_HIGH}
    if ends and values is not None:
        return _in_range(values, hedge_a, hedge_b)
    if ELSEWHERE in (hedge_a, hedge_b) and hedge_a != hedge_b:
        # A count of other places and a forecast (or any figure) of this one.
        return True
    if (hedge_a in (PROJECTION, ELSEWHERE)) != (hedge_b in (PROJECTION, ELSEWHERE)):
        # One figure is a forecast or counts another place, the other neither.
        return True
    if values is None or not (hedge_a or hedge_b):
        return False
    x, y = values
    if hedge_a == hedge_b == AT_LEAST:
        # Two floors of one figure are two outlets' figures ("more than 400 ships", "more
        # than 450"): one unless one rounds the other.
        return _told_loosely(a, b, values)
    if AT_LEAST in (hedge_a, hedge_b) and not (hedge_a and hedge_b):
        # A floor says the figure is just above it, within the floor's own rounding: "more
        # than 60 missing" keeps 64, not 80; "more than 100 dead" keeps 135.
        told, floor, value = (a, x, y) if hedge_a == AT_LEAST else (b, y, x)
        # The step is the figure's as told, in the unit both are compared in.
        raw = decimal_value(told.value)
        if not raw:
            return value >= floor
        return floor <= value < floor + _rounding_step(raw) * floor / raw
    if ABOUT in (hedge_a, hedge_b) or hedge_a == hedge_b:
        # Two ceilings, or an approximate figure against any: two estimates, one figure if
        # close ("about 60,000 fans" and 68,000); "up to 300,000" and "up to 250,000"
        # disagree, though neither rules the other out.
        return close(x, y, APPROXIMATE_TOLERANCE)
    return (
        (hedge_a == AT_LEAST and y >= x)
        or (hedge_b == AT_LEAST and x >= y)
        or (hedge_a == AT_MOST and y <= x)
        or (hedge_b == AT_MOST and x <= y)
    )


def _told_loosely(a: Fact, b: Fact, values: tuple[Decimal, Decimal]) -> bool:
    """Whether two unhedged values are one figure, one of them rounded or told loosely: a
    round count or amount of money the other rounds to ("$900 million" for a claim of 916
    million), two counts of thousands within COUNT_NOISE, a length said in whole units."""
    x, y = values
    if a.kind == b.kind == "money":
        return _rounds_to(x, y) or _rounds_to(y, x)
    if a.kind not in COUNTED_KINDS or b.kind not in COUNTED_KINDS:
        return False
    return (
        _rounds_to(x, y)
        or _rounds_to(y, x)
        or (min(x, y) >= ROUNDED_PLACE and close(x, y, COUNT_NOISE))
        or _length_to_the_unit(a, b)
    )


def _in_range(values: tuple[Decimal, Decimal], hedge_a: str, hedge_b: str) -> bool:
    """An end of a range against a value: an exact one agrees when the range's end keeps it
    (at or above its floor, at or below its ceiling); one hedged any way, or another range's
    end, always does."""
    x, y = values
    if hedge_a in (RANGE_LOW, RANGE_HIGH) and not hedge_b:
        return y >= x if hedge_a == RANGE_LOW else y <= x
    if hedge_b in (RANGE_LOW, RANGE_HIGH) and not hedge_a:
        return x >= y if hedge_b == RANGE_LOW else x <= y
    return True


def locate(normalized: str, fact: Fact) -> tuple[list[str], int, int] | None:
    """The claim's words and where the fact's words stand among them (the first time). A
    figure may carry a proclitic in the claim ("بـ14 مليون", "و20 ألفا"): the word counts
    without it."""
    words = figure_words(normalized)
    target = tokens(normalize_text(fact.text))
    if not target or target[0] not in words:
        return None
    start = words.index(target[0])
    return words, start, start + len(target)


def figure_words(normalized: str) -> list[str]:
    """The claim's words, a number without the proclitic written onto it ("و60" -> "60")."""
    return [_bare_figure(word) for word in tokens(normalized)]


def _bare_figure(word: str) -> str:
    """A number token without the proclitic written onto it ("ب14" -> "14")."""
    return next((bare for bare in _peeled(word, HEDGE_PROCLITICS) if bare[:1].isdigit()), word)


def _peeled(word: str, clitics: Sequence[str]) -> Iterator[str]:
    """The word without each of the clitics it starts with, in the clitics' order."""
    for clitic in clitics:
        if word.startswith(clitic):
            yield word[len(clitic) :]


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def hedge_of(normalized: str, fact: Fact) -> str:
    """How the claim hedges the figure: about | min | max, a forecast (projection), a count
    of other places (elsewhere), or "" for an exact figure."""
    found = locate(normalized, fact) if fact.kind not in UNHEDGED_KINDS else None
    if found is None:
        return ""
    words, start, end = found
    if fact.kind in PROJECTED_KINDS:
        if ELSEWHERE_RE.search(normalized):
            return ELSEWHERE
        if _forecast(words[max(0, start - PROJECTION_WINDOW) : start + 1]) or _expected(
            normalized, start
        ):
            return PROJECTION
    end_of_range = _range_end(tokens(normalized), words, start)
    if end_of_range:
        return end_of_range
    before = _hedge_before(words, start)
    if before:
        return before
    if _exceeded(words, start):
        return AT_LEAST
    # After the figure, or after the noun it counts ("60 ألف مشجع تقريبا").
    for skip in (0, 1):
        for n in range(HEDGE_MAX_WORDS, 0, -1):
            after = " ".join(words[end + skip : end + skip + n])
            if after in HEDGES_AFTER:
                return str(HEDGES_AFTER[after])
    return ""


def _hedge_before(words: Sequence[str], start: int) -> str:
    """The hedge a phrase right before the figure at start puts on it (HEDGES_BEFORE), or ""."""
    for phrase, _ in _phrases_before(words, start, HEDGE_MAX_WORDS):
        if phrase in HEDGES_BEFORE:
            return str(HEDGES_BEFORE[phrase])
    return ""


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def forecast_bound(normalized: str, fact: Fact) -> str:
    """AT_LEAST or AT_MOST when a forecast bounds its figure ("might claim as much as $2
    billion", "could reach at least 9,000"), which hedge_of reads as a forecast only; else
    "". Two forecasts bounded from two sides conflict as two counts would
    (rules._compare_bounds)."""
    found = locate(normalized, fact)
    if found is None:
        return ""
    words, start, _ = found
    hedge = _hedge_before(words, start)
    return hedge if hedge in (AT_LEAST, AT_MOST) else ""


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def is_change(normalized: str, fact: Fact) -> bool:
    """Whether the figure is how much a figure changed (CHANGE_MARKERS, CHANGE_WORDS), or
    what was added to it (ADDITION_RIGHT_AFTER it, ADDITION_AFTER_NOUN within
    ADDITION_WINDOW words after it)."""
    found = locate(normalized, fact)
    if found is None:
        return False
    words, start, end = found
    if _change_at(tokens(normalized), words, start):
        return True
    after = words[end : end + ADDITION_WINDOW]
    if after and after[0] in ADDITION_RIGHT_AFTER:
        return len(after) < 2 or after[1] not in ADDITION_STOPS
    for word in after:
        if word in ADDITION_STOPS:
            return False
        if word in ADDITION_AFTER_NOUN:
            return True
    return False


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def is_part(normalized: str, fact: Fact) -> bool:
    """Whether the figure counts a part of a whole a partitive phrase names ("منهم 320",
    "including 45", "320 of the dead")."""
    found = locate(normalized, fact)
    if found is None:
        return False
    words, start, end = found
    bare = [word[1:] if word.startswith("و") and len(word) > 3 else word for word in words]
    if any(
        _phrase_at(bare, phrase, stop - len(phrase))
        for phrase in _PART_BEFORE
        for stop in range(max(0, start - PART_BEFORE_GAP), start + 1)
    ):
        return True
    # The noun counted may stand between.
    return _phrase_after(bare, _PART_AFTER, range(end, end + 2))


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def event_told(normalized: str, fact: Fact) -> str:
    """Which of a story's events a count counts, where a word qualifies the event ("the
    second wave", "سلسلة جديدة", "a similar attack": lang EVENT_QUALIFIERS' key): the last
    qualified event before the figure in its claim, else the first after it ("3 killed in a
    new series of blasts"); "" when no event is qualified."""
    if fact.kind not in COUNTED_KINDS:
        return ""
    found = locate(normalized, fact)
    if found is None:
        return ""
    words, start, end = found
    told = [(i, key) for i in range(len(words)) if (key := _qualified_event(words, i))]
    before = [key for i, key in told if i < start]
    after = [key for i, key in told if i >= end]
    return before[-1] if before else (after[0] if after else "")


def _qualified_event(words: Sequence[str], i: int) -> str:
    """The qualifier's key when the word at i is an event noun with a qualifier where the
    language puts an adjective (after the noun in Arabic, before it in English; "حصيلة سابقة
    للانفجار" is an earlier toll, no earlier blast), else ""."""
    if not listed_entry(words[i], _EVENT_NOUNS):
        return ""
    near = i + 1 if ARABIC_RE.match(words[i]) else i - 1
    entry = listed_entry(words[near], _EVENT_QUALIFIERS) if 0 <= near < len(words) else ""
    return _EVENT_QUALIFIERS[entry] if entry else ""


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def count_place(normalized: str, fact: Fact) -> str | None:
    """The place below a country a count is told of, by a noun of place after the figure
    ("5,200 dead in the city of Derna", "في إقليم الحوز", "in Al Haouz province"): its name
    without the article, "" for a place not named ("في المدينة", "in several villages"), or
    None when the count is told of no such place (a country's, or nothing said). Only counts
    of people or things are placed: "13 km south of the city" is a length, "6.3 west of
    Afghanistan" a magnitude."""
    if fact.kind != "count" or length_unit(fact):
        return None
    words = _clause_after(normalized, fact)
    for i, word in enumerate(words[:PLACE_WINDOW]):
        if listed_entry(word, _COUNT_PLACE_PLURALS):
            return ""
        part = _part_of_country(words, i)
        if part is not None:
            return part
        noun = listed_entry(word, _COUNT_PLACE_NOUNS)
        if not noun:
            continue
        if _article_on(word, noun):
            return ""  # "في المدينة": the place, unnamed
        name = _place_name(words, i, noun)
        if name or ARABIC_RE.match(noun) or (i > 0 and words[i - 1] in _COUNT_PLACE_ARTICLES):
            return name  # "" for "in the city"
    return None


def told_of_several_places(normalized: str, fact: Fact) -> bool:
    """Whether a count is told of several places below a country, none named ("in two
    provinces", "في عدة قرى"): count_place's "" for them, not for "the city" alone (the
    story's own place)."""
    if fact.kind != "count" or length_unit(fact):
        return False
    words = _clause_after(normalized, fact)
    return any(listed_entry(word, _COUNT_PLACE_PLURALS) for word in words[:PLACE_WINDOW])


def _part_of_country(words: Sequence[str], i: int) -> str | None:
    """The part of a country a point of the compass at i places a count in, keyed by its
    degrees ("@180": "in southern Lebanon", "في جنوب لبنان", "in the south of the country"),
    "" for a part of no country named ("في الجنوب", "in the south"), None for no part. A
    point before a country's name is a part only as lang COUNT_PLACE_POINTS lists it or
    after the article ("South Korea" names a country)."""
    point = listed_entry(words[i], COMPASS_POINTS)
    if not point:
        return None
    after_article = i > 0 and words[i - 1] in _COUNT_PLACE_ARTICLES
    definite = _article_on(words[i], point)
    rest = [word for word in words[i + 1 :] if word not in _REGION_LINKS][:1]
    if rest and listed_entry(rest[0], _COUNT_PLACE_WORDS):
        return None  # "the eastern city of ...": the noun tells
    country = bool(rest) and (rest[0] in REGION_COUNTRY_WORDS or bool(_country_of_word(rest[0])))
    if country and (point in _COUNT_PLACE_POINTS or after_article or definite):
        return f"{PART_OF_COUNTRY}{COMPASS_POINTS[point]}"
    return "" if after_article or definite else None


def _article_on(word: str, entry: str) -> bool:
    """Whether the word, read as the listed entry (_listed: "بالمدينه" as "مدينه"), carries
    the article written onto it, in the entry itself ("الجنوب") or among the clitics before
    it."""
    return entry.startswith(DEFINITE_PREFIXES) or word[: -len(entry)].endswith(DEFINITE_PREFIXES)


def _place_name(words: Sequence[str], i: int, noun: str) -> str:
    """The name of the place whose noun stands at i: the first word other than a stop word
    after a link ("the city of Derna"), the word right after an Arabic noun ("مدينة درنة"),
    or the word before a noun named first ("Al Haouz province"); "" when none stands there
    (an English noun with neither is no place: "Crocus City Hall", "a city council")."""
    after = list(words[i + 1 : i + 2])
    if after and after[0] in _COUNT_PLACE_LINKS:
        after = [word for word in words[i + 2 :] if word not in STOPWORDS][:1]
    elif not ARABIC_RE.match(noun):
        after = []
    if after and after[0] not in STOPWORDS:
        return without_article(after[0])
    if noun in _COUNT_PLACE_NAME_BEFORE and i > 0 and words[i - 1] not in STOPWORDS:
        return without_article(words[i - 1])
    return ""


def _clause_after(normalized: str, fact: Fact) -> list[str]:
    """The words after the figure in its clause, up to the next figure or conjunction."""
    target = tokens(normalize_text(fact.text))
    for part in _SEPARATOR_RE.split(normalized):
        words = figure_words(part)
        if target and target[0] in words:
            after = words[words.index(target[0]) + len(target) :]
            stop = next(
                (i for i, w in enumerate(after) if w[0].isdigit() or w in _CONJUNCTIONS),
                len(after),
            )
            return after[:stop]
    return []


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def clause_names(normalized: str, fact: Fact) -> frozenset[str]:
    """The words of a count's clause without the article: a place another count is told of
    may be named in it without its noun ("5,200 died in Derna")."""
    found = _in_clause(normalized, fact)
    return frozenset(without_article(word) for word in found[0]) if found else frozenset()


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def counts_rest(normalized: str, fact: Fact) -> bool:
    """Whether the figure counts the rest of a group: lang REST_BEFORE right before it ("the
    other two boats") or REST_AFTER right after it ("the two others")."""
    found = locate(normalized, fact)
    if found is None:
        return False
    words, start, end = found
    return any(
        _phrase_at(words, phrase, start - len(phrase)) for phrase in _REST_BEFORE
    ) or _phrase_after(words, _REST_AFTER, range(end, end + 1))


def _phrase_at(words: Sequence[str], phrase: tuple[str, ...], at: int) -> bool:
    """Whether the words from position at are the phrase."""
    return at >= 0 and tuple(words[at : at + len(phrase)]) == phrase


def _phrase_after(words: Sequence[str], phrases: Sequence[tuple[str, ...]], starts: range) -> bool:
    """Whether one of the phrases starts at one of the positions."""
    return any(_phrase_at(words, phrase, at) for phrase in phrases for at in starts)


def _change_at(raw: Sequence[str], bare: Sequence[str], start: int) -> bool:
    """Whether the figure at start is an amount of change: it carries "ب" ("ب9"), or a word
    of CHANGE_MARKERS comes at most two words before it ("by about 9", "بنحو 9"), and a
    word of change comes before that."""
    marked = start
    if raw[start] == bare[start] or not raw[start].startswith(CHANGE_PROCLITICS):
        before = [i for i in range(max(0, start - 2), start) if raw[i] in CHANGE_MARKERS]
        if not before:
            return False
        marked = before[0]
    return any(
        word in CHANGE_WORDS or any(peeled in CHANGE_WORDS for peeled in _peeled(word, _CLITICS))
        for word in raw[max(0, marked - CHANGE_WINDOW) : marked]
    )


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def rate_period(normalized: str, fact: Fact) -> str:
    """The period an amount is a rate over (hour | day | week | month | year), the nearest
    named within RATE_WINDOW words of it; "" for an amount that names none."""
    found = locate(normalized, fact) if fact.kind == "money" else None
    if found is None:
        return ""
    words, start, end = found
    best: tuple[int, str] = (RATE_WINDOW + 1, "")
    for i in range(max(0, start - RATE_WINDOW), min(len(words), end + RATE_WINDOW)):
        if start <= i < end:
            continue
        for n in range(RATE_PHRASE_WORDS, 0, -1):
            period = RATE_PERIODS.get(" ".join(words[i : i + n]))
            if period:
                distance = start - (i + n) if i < start else i - end
                best = min(best, (max(distance, 0), period))
                break
    return best[1]


def _joined_figure(raw: Sequence[str], bare: Sequence[str], at: int) -> tuple[int, str] | None:
    """Where the figure after a range's joiner stands, the joiner at or before at (written
    onto it, "و20", or a word of its own, "and 20,000"), and the joiner; None if none."""
    if at < len(raw) and bare[at][:1].isdigit() and raw[at] != bare[at]:
        joiner = raw[at][: len(raw[at]) - len(bare[at])]
        return (at, joiner) if joiner in RANGE_JOINERS else None
    if at + 1 < len(raw) and raw[at] in RANGE_JOINERS and bare[at + 1][:1].isdigit():
        return at + 1, raw[at]
    return None


def _opens_range(raw: Sequence[str], bare: Sequence[str], low: int) -> int | None:
    """Where the second figure of a range that starts with the figure at low stands: after
    a word that opens a range ("بين 18 و20 ألفا", "between 18,000 and 20,000"), or joined by
    a word that only ranges use ("18 to 20 thousand", "من 3 إلى 4"); None if none."""
    joined = _joined_figure(raw, bare, low + 1)
    if joined is None or _change_at(raw, bare, low):
        return None  # "rose by 9 to 191": a change and the figure it came to, no range
    opened = low >= 1 and raw[low - 1] in RANGE_OPENERS
    return joined[0] if opened or joined[1] in RANGE_ONLY_JOINERS else None


def _range_end(raw: Sequence[str], bare: Sequence[str], start: int) -> str:
    """RANGE_LOW for the first figure of a range, RANGE_HIGH for its second, "" for any
    other figure."""
    if _opens_range(raw, bare, start) is not None:
        return RANGE_LOW
    for low in (start - 1, start - 2):
        if low >= 0 and bare[low][:1].isdigit() and _opens_range(raw, bare, low) == start:
            return RANGE_HIGH
    return ""


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def range_of(normalized: str, low: Fact, high: Fact) -> bool:
    """Whether two figures of a claim are the two ends of one range."""
    first, second = locate(normalized, low), locate(normalized, high)
    if first is None or second is None:
        return False
    raw = tokens(normalized)
    words, start, _ = first
    return (
        _range_end(raw, words, start) == RANGE_LOW
        and _range_end(raw, words, second[1]) == RANGE_HIGH
    )


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def strict_bound(normalized: str, fact: Fact) -> str:
    """ABOVE or BELOW when the words right before the figure put the quantity strictly above
    or below it ("قد يزيد على 20 ألفا", "less than 5,000"), forecast or not; else ""."""
    found = locate(normalized, fact)
    if found is None:
        return ""
    words, start, _ = found
    for phrase, at in _phrases_before(words, start, BOUND_MAX_WORDS):
        if at >= 1 and words[at - 1] in BOUND_NEGATIONS:
            continue  # "ما لا يقل عن", "no less than": a floor, not a ceiling
        if phrase in STRICT_BOUNDS:
            return STRICT_BOUNDS[phrase]
    return ABOVE if _exceeded(words, start) else ""


def bound_of(normalized: str, fact: Fact, hedge: str) -> tuple[str, bool] | None:
    """ABOVE or BELOW, and whether strictly, when the claim bounds the figure ("more than
    300,000": above, strictly; "up to 300,000": below, not strictly; a forecast's too:
    "might claim as much as $2 billion"); None for an exact or approximate figure. hedge: the
    figure's hedge_of."""
    strict = strict_bound(normalized, fact)
    if strict:
        return strict, True
    if hedge == PROJECTION:
        hedge = forecast_bound(normalized, fact)
    if hedge == AT_LEAST:
        return ABOVE, False
    if hedge == AT_MOST:
        return BELOW, False
    return None


def _exceeded(words: Sequence[str], start: int) -> bool:
    """Whether a verb of exceeding stands shortly before the figure at start, no other
    figure between them ("تخطى عدد الجرحى 5 آلاف", "the toll exceeded 5,000")."""
    for at in range(start - 1, max(-1, start - EXCEED_WINDOW - 1), -1):
        word = words[at]
        if word[:1].isdigit():
            return False
        if listed_entry(word, EXCEED_VERBS):
            return True
    return False


def _phrases_before(words: Sequence[str], start: int, most: int) -> Iterator[tuple[str, int]]:
    """The phrases of up to `most` words that end right before the word at start, longest
    first, each as written and without a proclitic on its first word (_without_proclitic),
    with where it starts."""
    for n in range(most, 0, -1):
        at = max(0, start - n)
        for phrase in _without_proclitic(words[at:start]):
            yield phrase, at


def _without_proclitic(words: Sequence[str]) -> Iterator[str]:
    """A phrase as written, then without a proclitic on its first word ("بنحو 3 مليارات",
    "بأكثر من مليار": "نحو", "اكثر من")."""
    if not words:
        return
    yield " ".join(words)
    first = next((bare for bare in _peeled(words[0], HEDGE_PROCLITICS) if len(bare) >= 2), "")
    if first:
        yield " ".join([first, *words[1:]])


def _forecast(words: Sequence[str]) -> bool:
    """Whether the words before a figure make it a forecast ("قد يصل", "could reach")."""
    for i, word in enumerate(words):
        if listed_entry(word, PROJECTION_WORDS):
            return True
        verb_start = PROJECTION_PARTICLES.get(word)
        if (
            verb_start
            and i + 1 < len(words)
            and (words[i + 1].startswith(verb_start) or words[i + 1] in PROJECTION_PARTICLE_VERBS)
        ):
            return True
    return False


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def measure_named(normalized: str, fact: Fact) -> str:
    """What the noun just before the figure says it measures ("weight", "capacity" ...; ""
    when no such noun stands there)."""
    found = locate(normalized, fact)
    if found is None:
        return ""
    words, start, _ = found
    for word in reversed(words[max(0, start - MEASURE_WINDOW) : start]):
        for form in _without_proclitic([word]):
            if form in MEASURE_NOUNS:
                return MEASURE_NOUNS[form]
    return ""


def _expected(normalized: str, start: int) -> bool:
    """Whether the figure at word start stands in the complement of a verb of expecting
    earlier in its clause (EXPECTATION_VERBS): the verb, then its complement ("أن" and an
    imperfect verb) or a modal ("would"), then the figure, with no clause break between."""
    clause = _clause_before(normalized, start)
    for i, word in enumerate(clause):
        if not listed_entry(word, EXPECTATION_VERBS):
            continue
        for j in range(i + 1, len(clause) - 1):
            verb_start = EXPECTATION_COMPLEMENT.get(clause[j])
            if clause[j] in EXPECTATION_MODALS or (
                verb_start and clause[j + 1].startswith(tuple(verb_start))
            ):
                return True
    return False


def _clause_before(normalized: str, start: int) -> list[str]:
    """The words of the clause the word at start is in, up to that word: from the last clause
    break (a comma or a semicolon, _SEPARATOR_RE) before it."""
    seen = 0
    for part in _SEPARATOR_RE.split(normalized):
        words = figure_words(part)
        if seen + len(words) > start:
            return words[: start - seen]
        seen += len(words)
    return []


def _state_of(word: str) -> str:
    entry = listed_entry(word, COUNT_STATES) if word else ""
    return str(COUNT_STATES[entry]) if entry else ""


def _state_at(words: Sequence[str], i: int) -> str:
    """The state the word at i of words (in reading order) says: what a word of losing
    loses (numbers.lost_state), else the word itself."""
    return lost_state(words, i, listed_entry) or _state_of(words[i])


def _chunks(normalized: str) -> list[list[str]]:
    """The content words of a claim cut where a new coordinated clause starts (a comma, a
    semicolon, "and", or a word of state carrying و: "قتل 12 شخصا وأصيب 30"), so that each
    number meets only the words of its own clause."""
    chunks: list[list[str]] = [[]]
    for part in _SEPARATOR_RE.split(normalized):
        for word in tokens(part):
            if word in _CONJUNCTIONS or (word[0] == "و" and _state_of(word[1:])):
                chunks.append([])
            if word not in STOPWORDS and word not in _CONJUNCTIONS:
                chunks[-1].append(word)
        chunks.append([])
    return [c for c in chunks if c]


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def count_state(normalized: str, fact: Fact) -> str:
    """The state of the people or things a count counts (dead | missing | injured |
    displaced | rescued | arrested | buried), read from its subject or from the nearest word
    of state within STATE_WINDOW content words of it in its clause; "" when nothing says."""
    if fact.kind not in COUNTED_KINDS:
        return ""
    for word in tokens(fact.subject):
        state = _state_of(word)
        if state:
            return state
    found = _in_clause(normalized, fact)
    if found is None:
        return ""
    words, start, end = found
    before = range(start - 1, max(0, start - STATE_WINDOW) - 1, -1)
    after = range(end, min(len(words), end + STATE_WINDOW))
    for near_before, near_after in zip_longest(before, after):
        for near in (near_before, near_after):
            state = "" if near is None else _state_at(words, near)
            if state:
                return state
    return ""


# How far after a count its own nationality may stand (the noun counted between: "14 حاجا
# ماليزيا").
OWN_COUNTRY_WINDOW = 2


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def count_countries(normalized: str, fact: Fact) -> frozenset[str]:
    """The countries the clause of a count names, by name or adjective of nationality ("658
    مصريا", "الحجاج الأردنيين الـ14", "citizens of Egypt", "the Tunisian authorities announced
    the deaths of 35 pilgrims"): whose people it counts, or where."""
    if fact.kind not in COUNTED_KINDS:
        return frozenset()
    found = _in_clause(normalized, fact)
    if found is None:
        return frozenset()
    words, _, end = found
    for word in words[end : end + OWN_COUNTRY_WINDOW]:
        own = _country_of_word(word)
        if own:
            # Its own people's nationality right after it, as in a list of countries' tolls
            # ("600 مصري و150 أردنيا و40 عراقيا", "12 حاجا تونسيا"): that country only.
            return frozenset({own})
    return frozenset(filter(None, map(_country_of_word, words)))


@lru_cache(maxsize=QUANTITY_CACHE_LIMIT)
def counts_nationals(normalized: str, fact: Fact) -> bool:
    """Whether a count counts one country's nationals: its nationality right after it ("144
    Indonesians", "14 أردنيا") or its citizens named after it ("144 deaths among its
    citizens", lang NATIONALS_AFTER)."""
    if fact.kind not in COUNTED_KINDS:
        return False
    located = locate(normalized, fact)
    if located is None:
        return False
    words, _, end = located
    # The very next words, stop words included: "two boats were in the Greek minister's
    # escort" counts no Greeks.
    if any(_country_of_word(word) for word in words[end : end + OWN_COUNTRY_WINDOW]):
        return True
    return _phrase_after(words, _NATIONALS_AFTER, range(end, end + NATIONALS_GAP + 1))


def _in_clause(normalized: str, fact: Fact) -> tuple[list[str], int, int] | None:
    """The content words of the clause (_chunks) where the fact first stands, and where its
    words start and end among them; None when no clause holds it."""
    target = [w for w in tokens(normalize_text(fact.text)) if w not in STOPWORDS]
    if not target:
        return None
    for words in _chunks(normalized):
        bare = [_bare_figure(word) for word in words]  # "و183" is 183
        if target[0] in bare:
            start = bare.index(target[0])
            return words, start, start + len(target)
    return None


def _country_of_word(word: str) -> str:
    """country_of, an adjective of nationality also in the accusative ("مصريا": Egyptians)."""
    return country_of(word) or (country_of(word[:-1]) if word.endswith("ا") else "")


def states_compatible(x: str, y: str) -> bool:
    """Two counts may count the same people unless both say who, differently."""
    return not x or not y or x == y
