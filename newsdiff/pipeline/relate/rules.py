"""Rules over facts: when two claims that speak of the same thing cannot both be true.

A contradiction needs both claims to speak of the same thing: the same quantity (same kind,
compatible unit and subject) with different values, the same event with another date or
place, one side negating or denying what the other says (polarity.py), opposite directions
(rise/fall), or another name in the same slot of an otherwise equal sentence. 25 years of
sentence and 12 years served are two quantities, and so are the dead and the missing
(quantities.py); 100 million euros and 109 million dollars are one amount. Another name of
the same actor (أنصار الله / الحوثيين), a capital for its government (الكرملين / موسكو), a
city for its country (مراكش / المغرب) and a relative day for a weekday (اليوم / الاثنين)
are no substitution.

Each rule returns a reason code and the differing facts as typed values: the words as the
claims wrote them and their canonical values, never a stem or a normalised key.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from newsdiff.pipeline import lang
from newsdiff.pipeline.attribution import source_key
from newsdiff.pipeline.dates import WEEKDAY, minutes_in, overlapping_parts
from newsdiff.pipeline.facts import distinctive, years_named
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    STOPWORDS,
    light_stem,
    name_key,
    normalize_text,
    tokens,
)
from newsdiff.pipeline.numbers import AFTERSHOCK, MAGNITUDE
from newsdiff.pipeline.relate.polarity import DENIAL_WORDS, polarity, polarity_conflict
from newsdiff.pipeline.relate.quantities import (
    ABOUT,
    ABOVE,
    APPROXIMATE_TOLERANCE,
    BELOW,
    PART_OF_COUNTRY,
    PROJECTION,
    STRICT_BOUNDS,
    bound_of,
    clause_names,
    count_countries,
    count_place,
    count_state,
    counts_nationals,
    counts_rest,
    event_told,
    figure_words,
    hedge_of,
    is_change,
    is_part,
    locate,
    measure_named,
    range_of,
    rate_period,
    states_compatible,
    strict_bound,
    values_agree,
)
from newsdiff.pipeline.relate.words import (
    NEGATION_WORDS,
    NUMBER_RE,
    OPPOSITE,
    ClaimView,
    direction,
    directions,
    soft_in,
    surface_words,
    view,
)
from newsdiff.pipeline.types import (
    DATE_KINDS,
    NAME_KINDS,
    QUANTITY_KINDS,
    READING_KINDS,
    ClaimDraft,
    Fact,
    FactDifference,
    FactValue,
    Reason,
)
from newsdiff.pipeline.units import (
    close,
    convertible,
    in_one_unit,
    length_symbol,
    length_unit,
    lengths_comparable,
    same_amount,
)

# Rules only fire on pairs that share this much content (soft stem containment, 0..1) once
# the differing facts are set aside. Set by hand, not tuned: below ~0.3 two headlines that
# share a country name and a number were usually different stories in the ANS train pairs.
RULE_MIN_SIMILARITY = 0.3
# The token an English possessive leaves after its noun ("year's": "year", "s").
POSSESSIVE_S = "s"
# A negation or a denial sets one claim against another only when they share at least half
# their content: "held for failing to pay a $70 million fine" does not deny "the owner was
# told to pay a $70 million fine" (about half shared). Hand-set.
POLARITY_MIN_SIMILARITY = 0.5

# A date is the date of the words around it: "convicted in 2011" and "in 2008 he was arrested"
# date two events, not one event twice. Words this close to the date on each side must share
# a stem before differing dates count as a contradiction. Four words each side keeps ANS dev
# macro-F1 unchanged while clearing the seed pair above.
EVENT_WINDOW = 4
# A date at most this many words after a verb of saying, with no word opening what is said
# between (lang STATEMENT_CONTENT_OPENERS), dates the statement, not what it tells of: two
# such dates of two statements are no contradiction ("أعلنت الوزارة، السبت 15 يونيو، وفاة
# 6 ..." and "... وفق ما أعلنت الوزارة ... اليوم الأحد 16 يونيو"; "the ministry said on
# Sunday"). A date after "إن", "that" is the content's ("said that the ship ran aground on
# 23 March").
STATEMENT_DATE_WINDOW = 10
_STATEMENT_VERBS = frozenset(
    (*lang.merged_tuple("SAY_BEFORE_SOURCE"), *lang.merged_tuple("SAY_AFTER_SOURCE"))
)
_CONTENT_OPENERS = lang.merged_set("STATEMENT_CONTENT_OPENERS")
# Words that introduce a date and say nothing about which event it dates (pipeline/lang/).
DATE_WORDS = lang.merged_set("DATE_WORDS")

# Locative prepositions: a substituted name right after one of them is a place; so is one
# that carries a locative clitic (بالقاهرة) on both sides (pipeline/lang/).
LOCATIVES = lang.merged_set("LOCATIVES")
LOCATIVE_CLITICS = lang.merged_tuple("LOCATIVE_CLITICS")
# A substitution is one replaced run of at most this many words on each side, in a claim of
# at least SLOT_MIN_WORDS content words; larger rewrites are the learned model's business.
SLOT_MAX_WORDS = 2
SLOT_MIN_WORDS = 3
# Name keys shorter than this are too coarse to call two words one name (align.py keeps the
# same floor for its cross-script name tokens).
NAME_KEY_MIN_LENGTH = 3

# Words for days said against publication ("اليوم", "أمس", "الاثنين"): one swapped for
# another is a date for the date rule to resolve, not a substituted name.
RELATIVE_DAY_WORDS = frozenset(
    word
    for word in (*lang.merged_dict("RELATIVE_DAYS"), *lang.merged_dict("WEEKDAYS"))
    if " " not in word
)
# Units of time and words of a rate's period ("day", "hourly", "سنوي"): one swapped for
# another changes a quantity (quantities.rate_period), it substitutes no name.
TIME_WORDS = frozenset(lang.merged_dict("TIME_UNITS")) | frozenset(
    period for period in lang.merged_dict("RATE_PERIODS") if " " not in period
)
_NOT_SUBSTITUTED = RELATIVE_DAY_WORDS | TIME_WORDS
# Names that stand for one another (a capital for its government), places and the places
# that contain them, and the words that only say what kind of place a name is (lang/).
RELATED_ACTORS: dict[str, str] = lang.merged_dict("RELATED_ACTORS")
PLACE_CONTAINERS: dict[str, tuple[str, ...]] = lang.merged_dict("PLACE_CONTAINERS")
PLACE_KINDS = lang.merged_set("PLACE_KINDS")
# Two directions from one place at one distance differ when they are this many degrees
# apart: "south" and "south-west" are one direction loosely given (45 degrees), "south-west"
# and "south-east" two points.
BEARING_MIN_GAP = 90
# A direction is taken at the length that ends at most this many words before it ("72
# كيلومترا شرقي مراكش", "72km (44 miles) north-east of Marrakesh").
BEARING_LENGTH_WORDS = 4
# Two places are one when their name keys (consonants) differ by at most this many letters:
# a name's spellings ("Marrakech" mrkh, "Marrakesh" and "مراكش" mrksh) are one place; "أغادير"
# (jdr) is another. Shorter keys must be equal: one letter parts more of them.
PLACE_KEY_EDITS = 1
PLACE_KEY_MIN_LETTERS = 4
# Clitics and the article a name may carry in a sentence (للحوثيين, بالمغرب, ولندن).
NAME_CLITICS = ("و", "ف", "ب", "ل")
# Words that hedge a figure ("about", "أكثر من"): they say how sure it is, not what it measures.
HEDGE_WORDS = frozenset(
    light_stem(word)
    for phrase in (
        *lang.merged_dict("QUANTITY_HEDGES"),
        *lang.merged_dict("QUANTITY_HEDGES_AFTER"),
        # A range hedges its figures too ("between 18,000 and 20,000").
        *lang.merged_tuple("RANGE_OPENERS"),
    )
    for word in tokens(phrase)
)
# A hedge or a bound swapped for another ("more than 40,000" / "about 40,000") substitutes no
# name: it says how sure a figure is, which the quantities' rules compare (values_agree).
_BOUND_WORDS = HEDGE_WORDS | frozenset(
    light_stem(word) for phrase in STRICT_BOUNDS for word in tokens(phrase)
)
# Times of day: a word before one (lang/ TIME_HEDGES: "about", "shortly after", "قبيل") within
# TIME_HEDGE_WORDS words makes it approximate, within APPROXIMATE_TIME_MINUTES of another.
TIME_HEDGES = lang.merged_set("TIME_HEDGES")
TIME_HEDGE_WORDS = 2
APPROXIMATE_TIME_MINUTES = 60
# Units of length, as the facts stage gives a subject (stemmed: "كيلومترا" -> "يلومترا").
LENGTH_UNITS = frozenset(light_stem(unit) for unit in lang.merged_tuple("LENGTH_UNITS"))
LENGTH_NEUTRAL = frozenset(light_stem(word) for word in lang.merged_tuple("LENGTH_NEUTRAL"))
# Words of change the facts stage reads ("انخفاض": down), beside the roots of words.py.
MOVES: dict[str, str] = lang.merged_dict("DIRECTIONS")
# Verbs of saying: "قال الكرملين" and "قالت موسكو" differ by who speaks, which attribution
# compares, not by what happened.
SAY_WORDS = (
    lang.merged_set("SAY_BEFORE_SOURCE")
    | lang.merged_set("SAY_AFTER_SOURCE")
    | lang.merged_set("QUOTE_CONTINUERS")
    | lang.merged_set("QUOTE_CONTINUERS_AFTER_PRONOUN")
) - DENIAL_WORDS
# How many words after a verb of saying, in a run where two claims differ, name the speaker.
SPEAKER_WORDS = 2
# Stances (confirmed / denied) are the polarity rule's: a denial read as a direction would
# set "confirmed the report is fake" against "denied the report".
STANCES = frozenset({"confirm", "deny"})

# Names and places: the fact kind each rule compares and the reason it gives.
NAME_RULES: tuple[tuple[str, Reason], ...] = (
    ("place", Reason.PLACE_MISMATCH),
    ("entity", Reason.ENTITY_SUBSTITUTION),
)


@dataclass(slots=True)
class FactComparison:
    """What the facts of two claims say about each other."""

    matched: list[FactValue] = field(default_factory=list)
    differing: list[FactDifference] = field(default_factory=list)
    # Same kind, different subjects on the two sides (25 years of sentence, 12 served):
    # two quantities that do not conflict.
    distinct: list[FactDifference] = field(default_factory=list)
    # The first contradiction found, None if none.
    reason: Reason | None = None
    # The compared values of the differing facts (a name's internal key included): their
    # words are set aside when measuring how much else the two claims share. Internal, never
    # in details.
    set_aside: list[str] = field(default_factory=list)
    # Two magnitudes of quakes of two different years ("a magnitude 5.8 tremor ... in 1960"
    # against this year's 6.8), or of the quake and a later shock ("an aftershock of 4.9"):
    # the claims tell of two events. Internal.
    another_event: bool = False
    # The words of the facts both claims give, as each wrote them ("100 million euros",
    # "109 million dollars"): a difference of wording they explain is none. Internal.
    matched_text: list[str] = field(default_factory=list)

    @property
    def shares_figure_or_date(self) -> bool:
        """Both claims give a figure or a date alike (a name alone, "Titanic", is what every
        claim of a story shares)."""
        return any(m.kind not in NAME_KINDS for m in self.matched)

    def differ(self, reason: Reason, difference: FactDifference, va: str, vb: str) -> None:
        self.differing.append(difference)
        self.set_aside.extend((va, vb))
        self.reason = self.reason or reason


@dataclass(frozen=True, slots=True)
class Finding:
    """A contradiction the rules found: why, the facts that differ, and whether one side
    denies what the other says (a report against its denial)."""

    reason: Reason
    differing: tuple[FactDifference, ...] = ()
    denial: bool = False


def subjects_compatible(x: str, y: str) -> bool:
    """Two quantity subjects that may measure the same thing: one missing, or a stem in
    common, inflections forgiven. A count's noun changes form with the number in Arabic
    (12 قتيلا, 300 قتيل, 7 قتلى) and stays the same thing counted."""
    if not x or not y or x == y:
        return True
    sx = {light_stem(t) for t in tokens(x)}
    sy = {light_stem(t) for t in tokens(y)}
    return bool(sx & sy) or any(soft_in(w, sy) for w in sx)


def units_compatible(x: str, y: str) -> bool:
    """Two units that may measure the same quantity: equal, or one not given."""
    return not x or not y or x == y


def date_value(value: str, published: dt.date | None) -> str:
    """A date value with a missing year ("--10-07") completed from the publication date."""
    if value.startswith("--") and published is not None:
        return f"{published.year:04d}{value[1:]}"
    return value


def dates_agree(x: str, y: str) -> bool:
    """Whether two dates can be one: "2024" agrees with "2024-10-07", "2024-10" too."""
    return x.startswith(y) or y.startswith(x)


def _event_context(normalized: str, surface: str) -> set[str]:
    words = tokens(normalized)
    target = tokens(normalize_text(surface))
    if not target or target[0] not in words:
        return set()
    i = words.index(target[0])
    window = (
        words[max(0, i - EVENT_WINDOW) : i]
        + words[i + len(target) : i + len(target) + EVENT_WINDOW]
    )
    return {
        light_stem(w)
        for w in window
        if w not in DATE_WORDS and not w[0].isdigit() and w not in NEGATION_WORDS
    } - {""}


def _same_event(x: Fact, y: Fact, a_normalized: str, b_normalized: str) -> bool:
    context_a = _event_context(a_normalized, x.text)
    context_b = _event_context(b_normalized, y.text)
    if not context_a or not context_b:
        return True  # nothing to tell the events apart by
    return any(soft_in(w, context_b) for w in context_a)


def _is_length(subject: str) -> bool:
    return bool(subject) and subject in LENGTH_UNITS


def _measure_context(normalized: str, fact: Fact) -> set[str]:
    """The stems around a figure that say what it measures, beyond its subject and unit: "200
    miles off the coast of Iceland", "500 miles south of the cape"."""
    own = {light_stem(t) for t in tokens(normalize_text(fact.subject))}
    return {
        w
        for w in _event_context(normalized, fact.text)
        if w not in STOPWORDS and w not in HEDGE_WORDS | LENGTH_NEUTRAL and not soft_in(w, own)
    }


def _same_measure(x: Fact, y: Fact, normalized: tuple[str, str]) -> bool:
    """Whether two quantities measure the same thing. Not when the nouns just before them
    name two measures ("ووزنها 200 ألف طن", "بسعة 224 ألف طن": a weight and a capacity).
    Two lengths must also share a stem in the words around them (as dates must share one to
    date the same event): distances from two reference points, or the depth of the sea and
    of a wreck, do not. Other figures say what they count in their subject ("10 آلاف
    مفقود"), which the caller has compared already."""
    named = measure_named(normalized[0], x), measure_named(normalized[1], y)
    if all(named) and named[0] != named[1]:
        return False
    if not (_is_length(x.subject) and _is_length(y.subject)):
        return True
    context_a = _measure_context(normalized[0], x)
    context_b = _measure_context(normalized[1], y)
    if not context_a or not context_b:
        return True  # nothing to tell the quantities apart by
    return any(soft_in(w, context_b) for w in context_a)


@dataclass(frozen=True, slots=True)
class _Quantity:
    """A quantity fact, the state of what it counts (quantities.count_state) and how the
    claim hedges it (quantities.hedge_of)."""

    fact: Fact
    state: str
    hedge: str
    period: str = ""  # the period an amount is a rate over (quantities.rate_period)
    change: bool = False  # how much a figure changed (quantities.is_change), not the figure
    # For a length, the direction it is taken to ("72 km north-east of ...": _bearing_at).
    bearing: Fact | None = None
    # The countries its clause names (quantities.count_countries).
    countries: frozenset[str] = frozenset()
    # A count of a part of a whole (quantities.is_part: "320 of the dead").
    part: bool = False
    # A count of one country's nationals (quantities.counts_nationals: "144 Indonesians").
    nationals: bool = False
    # A count of the rest of a group (quantities.counts_rest: "the other two boats").
    rest: bool = False
    # Which of the story's events it counts, where a word tells it apart
    # (quantities.event_told: "the second wave").
    event: str = ""
    # The place below a country it is told of (quantities.count_place: "in the city of
    # Derna"), "" for one not named, None for none; and its clause's words, where another
    # count's place may be named without its noun (quantities.clause_names).
    place: str | None = None
    names: frozenset[str] = frozenset()

    def measures_as(self, other: _Quantity) -> bool:
        """Whether the two may measure one thing: units that compare, subjects and states
        that do not tell them apart. Two currencies compare when the reference table
        converts them, and, to differ, both amounts must say what they pay for: a bare
        "(175 million dollars)" may be any of the claim's sums. Two rates over two periods
        ("14 million dollars a day", "400 million dollars an hour") are two quantities, and so
        are a figure and how much a figure changed ("rose by 9")."""
        x, y = self.fact, other.fact
        if self.period and other.period and self.period != other.period:
            return False
        if self.change != other.change:
            return False  # "rose by 9" measures no toll of 9
        if not units_compatible(x.unit, y.unit):
            if not convertible(x.unit, y.unit):
                return False
            if not (x.subject and y.subject) and not same_amount(x, y):
                return False
        if length_unit(x) and length_unit(y):
            # Two lengths: their size says whether they may be one ("21-foot" and "22
            # feet"; "8 km" and "5 miles"), their unit (the subject) nothing.
            return lengths_comparable(x, y)
        if self.rest != other.rest:
            # The rest of a group and what is not told as the rest ("three helicopters were
            # in the convoy", "the other two helicopters returned"): two counts.
            return False
        if _people_counted(x) and _people_counted(y) and self._two_counts_of_people(other):
            return False
        return (
            subjects_compatible(x.subject, y.subject) or self._one_country_toll(other)
        ) and states_compatible(self.state, other.state)

    def _two_counts_of_people(self, other: _Quantity) -> bool:
        """Whether two counts of people are two counts whatever their figures: a part and what
        is not one, two events told apart, one country's nationals and a count of no
        country, or the counts of two countries."""
        if self.part != other.part:
            # A part and what is not one ("at least 90 of the dead were Jordanians", "at
            # least 600 deaths"): two counts.
            return True
        if self.event != other.event:
            # A count of one event told apart ("3 killed in a new series of blasts") and the
            # story's count, or another event's ("37 dead"): two counts.
            return True
        if self._of_another_place(other) or other._of_another_place(self):
            # A city's count and another city's, or the whole country's ("5,200 in the city
            # of Derna", "11,300 in Libya"): two counts.
            return True
        if self._of_nationals_only(other) or other._of_nationals_only(self):
            # One country's nationals and a count that names no country ("144 deaths among
            # its citizens", the Indonesian ministry's; the Saudi total): two counts.
            return True
        # Counts of two countries ("14 Jordanian pilgrims", "9 Egyptians"; "the Tunisian
        # authorities announced 35 deaths", "Jordan 41") are two counts.
        return bool(self.countries and other.countries and not self.countries & other.countries)

    def _of_another_place(self, other: _Quantity) -> bool:
        """This is told of a place below a country; the other of another such place, or of
        a country its clause names, without naming this place ("5,200 died in Derna,
        Libya" is the city's count)."""
        if self.place is None:
            return False
        if other.place is not None:
            return bool(self.place and other.place) and _two_place_names(self.place, other.place)
        return bool(other.countries) and not (
            self.place and any(_one_place_name(self.place, name) for name in other.names)
        )

    def _of_nationals_only(self, other: _Quantity) -> bool:
        """This counts one named country's nationals; the other's clause names no country."""
        return self.nationals and bool(self.countries) and not other.countries

    def _one_country_toll(self, other: _Quantity) -> bool:
        """Two counts of people of one state (the dead ...) whose clauses name the same
        countries and no other, each its people by another word: one country's toll ("6
        Jordanian fans", "14 Jordanians"; "577 حاجا" and "1,300 people died", both in Saudi
        Arabia)."""
        return (
            _people_counted(self.fact)
            and _people_counted(other.fact)
            and bool(self.state)
            and self.state == other.state
            and bool(self.countries)
            and self.countries == other.countries
        )

    def agrees_with(self, other: _Quantity) -> bool:
        return values_agree(self.fact, self.hedge, other.fact, other.hedge)


def _two_place_names(x: str, y: str) -> bool:
    """Whether two names of places name two places: two words of one script. Across scripts
    a name's spellings are too many to tell apart (name keys "drnh" and "drn"): not known
    to be two."""
    return x != y and _one_script(x, y)


def _one_place_name(x: str, y: str) -> bool:
    """Whether two words name one place: one word, or in two scripts, two spellings of one
    name (_same_place on their name keys; a final "ة", said "a" as Latin letters write it,
    may go: "درنة" drnh or drn, "Derna" drn)."""
    if x == y:
        return True
    if _one_script(x, y):
        return False
    return any(_same_place(kx, ky) for kx in _place_keys(x) for ky in _place_keys(y))


def _one_script(x: str, y: str) -> bool:
    """Whether two words are written in one script (both Arabic, or neither)."""
    return bool(ARABIC_RE.match(x)) == bool(ARABIC_RE.match(y))


def _place_keys(word: str) -> set[str]:
    """The name keys of a place's name, and of an Arabic one without its final "ه"."""
    keys = {name_key(word)}
    if ARABIC_RE.match(word) and word.endswith("ه"):
        keys.add(name_key(word[:-1]))
    return keys


def _published_year(published: dt.date | None) -> frozenset[str]:
    return frozenset() if published is None else frozenset({f"{published.year:04d}"})


def _people_counted(fact: Fact) -> bool:
    """Whether a fact counts people or things (a count, not a length or a magnitude)."""
    return fact.kind == "count" and length_unit(fact) is None


def _quantities(facts: Sequence[Fact], kind: str, normalized: str) -> list[_Quantity]:
    """The claim's quantities of one kind. An amount that restates another of the claim in
    another currency ("90 مليون يورو (98 مليون دولار)") is the same quantity: left out."""
    found: list[_Quantity] = []
    for f in facts:
        if f.kind != kind:
            continue
        if any(convertible(q.fact.unit, f.unit) and same_amount(q.fact, f) for q in found):
            continue
        found.append(
            _Quantity(
                f,
                count_state(normalized, f),
                hedge_of(normalized, f),
                rate_period(normalized, f),
                is_change(normalized, f),
                _bearing_at(f, facts, normalized),
                count_countries(normalized, f),
                is_part(normalized, f),
                counts_nationals(normalized, f),
                counts_rest(normalized, f),
                event_told(normalized, f),
                count_place(normalized, f),
                clause_names(normalized, f),
            )
        )
    return found


def _compare_quantities(
    a: Sequence[Fact],
    b: Sequence[Fact],
    normalized: tuple[str, str],
    result: FactComparison,
    published: tuple[dt.date | None, dt.date | None] = (None, None),
) -> None:
    """Quantities of each kind: a fact of a is compared with b's compatible ones. Two
    magnitudes are one quake's only if the claims name the same years ("the 1960 quake").
    Two counts are of two years' events when the years each claim names (or, naming none,
    its publication's year) have none in common; a claim with no year and no date says
    nothing of its year (a figure misread as a year, "تجاوز الـ2000", once parted two counts
    of one disaster when any difference in the years named did)."""
    years_a, years_b = years_named(a), years_named(b)
    other_year = years_a != years_b
    # Counts of two claims that each name years, or tell of the year they were published, none
    # in common, count two years' events ("Last year, at least 150 people died", "a stampede
    # in 2009 killed over 900" against this year's 700), as two magnitudes of two years
    # are two quakes'.
    told_a = years_a or _published_year(published[0])
    told_b = years_b or _published_year(published[1])
    two_years = bool(told_a and told_b) and not told_a & told_b
    given = {f.kind for f in a}.union(f.kind for f in b)
    for kind in _QUANTITY_KINDS_IN_ORDER:
        if kind not in given:
            continue  # neither claim has a quantity of this kind
        qa = _quantities(a, kind, normalized[0])
        qb = _quantities(b, kind, normalized[1])
        # Each pair is measured and compared once: the figures of b each x may measure, and
        # those it equals.
        measured = [[(i, y) for i, y in enumerate(qb) if x.measures_as(y)] for x in qa]
        agreeing = [
            {i for i, y in pairs if x.agrees_with(y)} for x, pairs in zip(qa, measured, strict=True)
        ]
        # A figure of b that one of a's equals is met: another figure of a ("12 on the first
        # day, 25 on the second" against "25 on the second day") does not differ from it.
        seen_b: set[int] = set().union(*agreeing)
        # Figures of either side that may measure none of the other's (other subjects only;
        # b's are read after the loop), and figures of a whose every comparable figure of b
        # another figure of a equals (beside a shared figure).
        unpaired: list[FactDifference] = []
        beside: list[FactDifference] = []
        met = False
        for x, pairs, agree in zip(qa, measured, agreeing, strict=True):
            comparable = [(i, y) for i, y in pairs if not _from_two_places(x, y)]
            # An equal value anywhere on the other side: this one is no conflict.
            anywhere = any(same_amount(x.fact, y.fact) for y in qb)
            met = met or anywhere
            if not comparable:
                if qb and not anywhere:
                    unpaired.append(_quantity_difference(kind, x.fact, qb[0].fact))
                    result.another_event = result.another_event or _other_shock(x, qb)
                continue
            same = [i for i, _ in comparable if i in agree]
            met = met or bool(same)
            if same:
                result.matched.append(_quantity_value(x.fact))
                result.matched_text.extend([x.fact.text, *(qb[i].fact.text for i in same)])
            elif not anywhere:
                # No equal value anywhere on the other side: the same quantity differs, if
                # the words around the two figures say they measure one thing.
                i, y = next(((i, y) for i, y in comparable if i not in seen_b), comparable[0])
                difference = _quantity_difference(kind, x.fact, y.fact)
                another_quake = other_year and x.fact.subject == MAGNITUDE
                another_year = two_years and _people_counted(x.fact)
                result.another_event = result.another_event or another_quake or another_year
                if (
                    another_quake
                    or another_year
                    or kind in READING_KINDS
                    or not _same_measure(x.fact, y.fact, normalized)
                ):
                    # Where each figure it may measure is one a figure of a equals, it is one
                    # more detail beside a shared figure, as a figure of b would be.
                    (beside if i in seen_b else result.distinct).append(difference)
                elif i not in seen_b:
                    result.differ(Reason.VALUE_MISMATCH, difference, x.fact.value, y.fact.value)
                    seen_b.add(i)
        if not met:
            # Two quantities, not one with two values. Beside a figure both claims give, a
            # figure of another subject is one more detail of one of them ("11,300 dead"
            # against "11,000 dead and 10,000 missing"), on whichever side it stands: the
            # same verdict whichever claim is a.
            result.distinct.extend(unpaired)
            result.distinct.extend(_unpaired_of_b(qa, qb, measured, kind, unpaired))
            result.distinct.extend(beside)
        if kind not in READING_KINDS:
            _compare_ranges(qa, qb, kind, normalized, result)
            _compare_bounds(qa, qb, kind, normalized, result)


_QUANTITY_KINDS_IN_ORDER = tuple(sorted(QUANTITY_KINDS))
_SHOCKS = frozenset({MAGNITUDE, AFTERSHOCK})


def _other_shock(x: _Quantity, others: Sequence[_Quantity]) -> bool:
    """Whether x is one shock's magnitude and the other side gives another shock's: the
    quake's and an aftershock's (numbers.AFTERSHOCK)."""
    return x.fact.subject in _SHOCKS and any(
        y.fact.subject in _SHOCKS and y.fact.subject != x.fact.subject for y in others
    )


def _unpaired_of_b(
    qa: Sequence[_Quantity],
    qb: Sequence[_Quantity],
    measured: Sequence[Sequence[tuple[int, _Quantity]]],
    kind: str,
    of_a: Sequence[FactDifference],
) -> list[FactDifference]:
    """The figures of b that may measure none of a's figures and equal none of them, each
    as a difference from a's first figure (a's figure first, as for a's own: of_a), leaving
    out those of_a already holds: _compare_quantities reads a's, and the two together are
    the same figures whichever claim is a."""
    if not qa:
        return []
    found: list[FactDifference] = []
    for i, y in enumerate(qb):
        comparable = any(
            j == i and not _from_two_places(x, z)
            for x, pairs in zip(qa, measured, strict=True)
            for j, z in pairs
        )
        if not comparable and not any(same_amount(x.fact, y.fact) for x in qa):
            difference = _quantity_difference(kind, qa[0].fact, y.fact)
            if difference not in of_a and difference not in found:
                found.append(difference)
    return found


def _from_two_places(x: _Quantity, y: _Quantity) -> bool:
    """Whether two lengths are taken to two different points: from two different places
    ("60 كم غرب أغادير", "72 km north-east of Marrakesh"), or from one in two directions
    BEARING_MIN_GAP or more apart ("77 كم جنوب غرب مراكش", "about 72 km north-east of
    Marrakesh") with two figures: two distances, not one told twice. One figure in two
    directions is one point told two ways (_compare_bearings)."""
    at_x, at_y = x.bearing, y.bearing
    if not (at_x and at_y):
        return False
    if not _same_place(at_x.subject, at_y.subject):
        return True
    one_figure = length_unit(x.fact) == length_unit(y.fact) and x.fact.value == y.fact.value
    return _bearing_gap(at_x, at_y) >= BEARING_MIN_GAP and not one_figure


def _same_place(x: str, y: str) -> bool:
    """Whether two places' name keys name one place (PLACE_KEY_EDITS)."""
    if x == y:
        return True
    return (
        min(len(x), len(y)) >= PLACE_KEY_MIN_LETTERS
        and Levenshtein.distance(x, y) <= PLACE_KEY_EDITS
    )


def _bearing_gap(x: Fact, y: Fact) -> int:
    """Degrees between two directions (0 to 180)."""
    gap = abs(int(x.value) - int(y.value)) % 360
    return min(gap, 360 - gap)


def _bearing_at(length: Fact, facts: Sequence[Fact], normalized: str) -> Fact | None:
    """The direction (a fact "bearing") taken at the length: the first that starts at most
    BEARING_LENGTH_WORDS words after the length's figure."""
    if not length_unit(length):
        return None
    words = figure_words(normalized)
    for at in _word_positions(words, length):
        for bearing in facts:
            if bearing.kind == "bearing" and bearing.subject:
                starts = _word_positions(words, bearing)
                if any(0 < start - at <= BEARING_LENGTH_WORDS for start in starts):
                    return bearing
    return None


def _word_positions(words: Sequence[str], fact: Fact) -> list[int]:
    """Where the fact's first word stands among the claim's words, each time; a figure may
    have its unit written onto it ("72km")."""
    target = tokens(normalize_text(fact.text))
    if not target:
        return []
    first = target[0]
    return [
        i
        for i, word in enumerate(words)
        if word == first
        or (first[0].isdigit() and word.startswith(first) and word[len(first)].isalpha())
    ]


def _quantity_difference(kind: str, x: Fact, y: Fact) -> FactDifference:
    """Two quantities' values as readers see them: two lengths as lengths in their units
    ("21 ft" / "22 ft"), not as counts."""
    if length_symbol(x) and length_symbol(y):
        return FactDifference("length", _length_value(x), _length_value(y))
    return FactDifference(kind, FactValue.of(x), FactValue.of(y))


def _quantity_value(fact: Fact) -> FactValue:
    """A quantity's value as readers see it: a length as a length in its unit ("72 km"), not
    as a count of kilometres."""
    return _length_value(fact) if length_symbol(fact) else FactValue.of(fact)


def _length_value(fact: Fact) -> FactValue:
    return FactValue(
        kind="length", value=fact.value, unit=length_symbol(fact), text=fact.text or fact.value
    )


def _beyond_range(
    ranged: Sequence[_Quantity], bounded: Sequence[_Quantity], normalized: tuple[str, str]
) -> tuple[FactValue, FactValue, str, str] | None:
    """A range of one claim ("ما بين 18 و20 ألفا") and a quantity the other puts strictly
    beyond one of its ends ("قد يزيد على 20 ألفا"): the two cannot both hold, even as two
    forecasts. As (the range, the bound, the values of the range's end and of the bound):
    "18000-20000" written "18–20 ألفا", ">20000" written "> 20 ألفا"; None if none."""
    if len(ranged) < 2 or not bounded:
        return None
    for low, high in combinations(ranged, 2):
        if not range_of(normalized[0], low.fact, high.fact):
            continue
        for other in bounded:
            if (low.hedge == PROJECTION) != (other.hedge == PROJECTION):
                continue  # a forecast meets only another forecast
            bound = strict_bound(normalized[1], other.fact) or _outside(low, high, other)
            end = high if bound == ABOVE else low if bound == BELOW else None
            if end is None or not end.measures_as(other):
                continue
            values = in_one_unit(end.fact, other.fact)
            if values is None:
                continue
            if values[1] >= values[0] if bound == ABOVE else values[1] <= values[0]:
                # Two values a reader (and the story's conflicts) can tell apart: the range
                # "18000-20000" and the bound ">20000" (an exact figure as it is).
                span = replace(
                    FactValue.of(end.fact),
                    value=f"{low.fact.value}-{high.fact.value}",
                    text=f"{low.fact.text}–{high.fact.text}",
                )
                past = FactValue.of(other.fact)
                if other.hedge and other.hedge != ABOUT:
                    sign = ">" if bound == ABOVE else "<"
                    past = replace(
                        past, value=f"{sign}{past.value}", text=f"{sign} {other.fact.text}"
                    )
                return span, past, end.fact.value, other.fact.value
    return None


def _outside(low: _Quantity, high: _Quantity, other: _Quantity) -> str:
    """ABOVE or BELOW for an exact figure past a range's ceiling or under its floor (10,000
    missing against "من 5000 إلى 6000"), or an approximate one that is not close to the end
    it lies beyond ("about 90,000" against "between 60,000 and 75,000"); "" otherwise."""
    if other.hedge not in ("", ABOUT):
        return ""
    above, below = in_one_unit(high.fact, other.fact), in_one_unit(low.fact, other.fact)
    approximate = other.hedge == ABOUT
    if above is not None and above[1] > above[0]:
        if not (approximate and close(*above, APPROXIMATE_TOLERANCE)):
            return ABOVE
    if below is not None and below[1] < below[0]:
        if not (approximate and close(*below, APPROXIMATE_TOLERANCE)):
            return BELOW
    return ""


def _compare_ranges(
    qa: Sequence[_Quantity],
    qb: Sequence[_Quantity],
    kind: str,
    normalized: tuple[str, str],
    result: FactComparison,
) -> None:
    """A range of either claim that the other's strict bound lies beyond: a mismatch, and
    the figure the two share ("20 ألفا" in both) is no match."""
    found = _beyond_range(qa, qb, normalized)
    swapped = None if found else _beyond_range(qb, qa, (normalized[1], normalized[0]))
    if swapped:
        found = (swapped[1], swapped[0], swapped[3], swapped[2])
    if found is None:
        return
    a_side, b_side, value_a, value_b = found
    # Neither end of the range matches: "18" of "18 to 20 thousand" is below "more than 20
    # thousand" too, but the range, not its end, is what the claim gives.
    ends = {value_a, value_b, *_range_ends(a_side.value), *_range_ends(b_side.value)}
    result.matched[:] = [m for m in result.matched if m.value not in ends]
    result.differ(Reason.VALUE_MISMATCH, FactDifference(kind, a_side, b_side), value_a, value_b)


def _range_ends(value: str) -> list[str]:
    """The figures of a range's or a bound's value ("18000-20000", ">20000")."""
    return value.lstrip("<>=").split("-")


# How a bound is shown beside its figure: strictly above or below it, or at or beyond it.
# (ASCII: every screen font has it.)
_BOUND_SIGNS = {(ABOVE, True): ">", (BELOW, True): "<", (ABOVE, False): ">=", (BELOW, False): "<="}


def only_opposite_bounds(differences: Sequence[FactDifference]) -> bool:
    """Whether the claims differ, and each difference is one figure bounded from two sides
    (_compare_bounds: "more than 300,000" and "up to 300,000"): the same value, one side's
    floor, the other's ceiling."""
    return bool(differences) and all(
        d.a.value.lstrip("<>=") == d.b.value.lstrip("<>=")
        and {d.a.value[:1], d.b.value[:1]} == {"<", ">"}
        for d in differences
    )


def _compare_bounds(
    qa: Sequence[_Quantity],
    qb: Sequence[_Quantity],
    kind: str,
    normalized: tuple[str, str],
    result: FactComparison,
) -> None:
    """One figure bounded from two sides, at least one of them strictly ("more than
    300,000" and "up to 300,000", "more than a billion dollars" and "less than a billion"):
    no value can be both, a mismatch; the figure the two share is no match. Bounds that
    meet ("at least 300,000", "up to 300,000") keep it."""
    bounded_b = [
        (y, bound) for y in qb if (bound := bound_of(normalized[1], y.fact, y.hedge)) is not None
    ]
    for x in qa:
        bound_x = bound_of(normalized[0], x.fact, x.hedge)
        if bound_x is None:
            continue
        for y, bound_y in bounded_b:
            if (
                bound_x[0] == bound_y[0]
                or not (bound_x[1] or bound_y[1])
                # A forecast never conflicts with a figure that is none (quantities.PROJECTION).
                or (x.hedge == PROJECTION) != (y.hedge == PROJECTION)
                or not same_amount(x.fact, y.fact)
                or not x.measures_as(y)
                or not _same_measure(x.fact, y.fact, normalized)
            ):
                continue
            a_side, b_side = (
                replace(
                    FactValue.of(q.fact),
                    value=f"{_BOUND_SIGNS[bound]}{q.fact.value}",
                    text=f"{_BOUND_SIGNS[bound]} {q.fact.text}",
                )
                for q, bound in ((x, bound_x), (y, bound_y))
            )
            result.matched[:] = [m for m in result.matched if m.value != x.fact.value]
            result.differ(
                Reason.VALUE_MISMATCH,
                FactDifference(kind, a_side, b_side),
                x.fact.value,
                y.fact.value,
            )
            return


def _shared_distinctive(a: Sequence[Fact], b: Sequence[Fact], result: FactComparison) -> None:
    """A precise figure both claims give (facts.distinctive), whatever each says it
    counts ("10100 في عداد المفقودين", "فقدان 10100 آخرين"): one fact, worded twice. Not
    a count of things and an amount of money ("13 مليون برميل", "13 مليون دولار")."""
    given_b: dict[str, list[Fact]] = {}
    for y in b:
        if distinctive(y):
            given_b.setdefault(y.value, []).append(y)
    seen = {m.value for m in result.matched}
    for x in a:
        if x.value in seen or not distinctive(x):
            continue
        if any(_one_figure(x, y) for y in given_b.get(x.value, ())):
            result.matched.append(FactValue.of(x))
            result.matched_text.append(x.text)
            seen.add(x.value)


def _one_figure(x: Fact, y: Fact) -> bool:
    """Two facts of one value that may be one figure: one unit or a unit not given, and not
    a count against an amount."""
    return units_compatible(x.unit, y.unit) and {x.kind, y.kind} != {"count", "money"}


def _dated(fact: Fact, value: str) -> FactValue:
    # The public value of a date is the resolved one (a missing year completed).
    return FactValue(kind=fact.kind, value=value, unit=fact.unit, text=fact.text or value)


def _compare_dates(
    a: Sequence[Fact],
    b: Sequence[Fact],
    published: tuple[dt.date | None, dt.date | None],
    normalized: tuple[str, str],
    result: FactComparison,
) -> None:
    """Dates and years of the event: one agreeing pair is enough; else the first two differ
    if they date the same event."""
    da = [(f, date_value(f.value, published[0])) for f in a if f.kind in DATE_KINDS]
    db = [(f, date_value(f.value, published[1])) for f in b if f.kind in DATE_KINDS]
    if not da or not db:
        return
    agreeing = [(x, vx) for x, vx in da if any(dates_agree(vx, vy) for _, vy in db)]
    result.matched.extend(_dated(x, vx) for x, vx in agreeing)
    result.matched_text.extend(x.text for x, _ in agreeing)
    result.matched_text.extend(y.text for y, vy in db if any(dates_agree(vx, vy) for _, vx in da))
    # A date read from a weekday name may agree but never differ: which week is a guess. Nor
    # may a year told relative to the publication as a possessive ("nearly double the
    # deaths of last year's pilgrimage"): it names another year's event beside this one.
    da = [(f, v) for f, v in da if f.subject != WEEKDAY and not _year_of_another(f, normalized[0])]
    db = [(f, v) for f, v in db if f.subject != WEEKDAY and not _year_of_another(f, normalized[1])]
    if agreeing or not da or not db:
        return
    (x, vx), (y, vy) = da[0], db[0]
    if _statement_date(x, normalized[0]) and _statement_date(y, normalized[1]):
        return  # the days of two statements
    if subjects_compatible(x.subject, y.subject) and _same_event(x, y, *normalized):
        difference = FactDifference(x.kind, _dated(x, vx), _dated(y, vy))
        result.differ(Reason.DATE_MISMATCH, difference, vx, vy)


def _statement_date(fact: Fact, normalized: str) -> bool:
    """Whether a date follows a verb of saying within STATEMENT_DATE_WINDOW words, with no
    word that opens what is said between."""
    found = locate(normalized, fact)
    if found is None:
        return False
    words, at, _ = found
    for word in reversed(words[max(0, at - STATEMENT_DATE_WINDOW) : at]):
        if word in _CONTENT_OPENERS:
            return False
        if word in _STATEMENT_VERBS or (word[:1] in "وف" and word[1:] in _STATEMENT_VERBS):
            return True
    return False


def _year_of_another(fact: Fact, normalized: str) -> bool:
    """A year read from words, not digits, that owns a noun ("last year's pilgrimage")."""
    if fact.kind != "year" or any(char.isdigit() for char in fact.text):
        return False
    found = locate(normalized, fact)
    if found is None:
        return False
    words, _, end = found
    return end < len(words) and words[end] == POSSESSIVE_S


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _time_hedged(normalized: str, fact: Fact) -> bool:
    """Whether a word before the time makes it approximate ("about", "shortly after")."""
    found = locate(normalized, fact)
    if found is None:
        return False
    words, start, _ = found
    return any(word in TIME_HEDGES for word in words[max(0, start - TIME_HEDGE_WORDS) : start])


def _times_agree(x: Fact, y: Fact, normalized: tuple[str, str]) -> bool:
    gap = abs(_minutes(x.value) - _minutes(y.value))
    gap = min(gap, 24 * 60 - gap)
    hedged = _time_hedged(normalized[0], x) or _time_hedged(normalized[1], y)
    return gap <= (APPROXIMATE_TIME_MINUTES if hedged else 0)


def _compare_times(
    a: Sequence[Fact], b: Sequence[Fact], normalized: tuple[str, str], result: FactComparison
) -> None:
    """Times of day in one zone (none named counts as one): one agreeing pair is enough;
    else the first two differ if they time the same event. Two zones are never compared:
    "11:11 pm local time" and "22:11 GMT" may be one instant; nor two times named beside
    two weekdays ("6:10 p.m. on Sunday", "1 p.m. on Tuesday")."""
    ta = [f for f in a if f.kind == "time"]
    tb = [f for f in b if f.kind == "time"]
    pairs = [
        (x, y)
        for x in ta
        for y in tb
        if x.unit == y.unit and not (x.subject and y.subject and x.subject != y.subject)
    ]
    _settle_moments([(x, y, _times_agree(x, y, normalized)) for x, y in pairs], normalized, result)


def _settle_moments(
    verdicts: Sequence[tuple[Fact, Fact, bool | None]],
    normalized: tuple[str, str],
    result: FactComparison,
) -> None:
    """Pairs of times or parts of the day with whether each can be one moment (None: they
    overlap without being one): one that agrees is enough (a match when both are of one
    kind); else the first that cannot be one differs if they time the same event."""
    agreeing = [(x, y) for x, y, verdict in verdicts if verdict]
    for x, y in agreeing:
        if x.kind == y.kind:
            result.matched.append(FactValue.of(x))
        result.matched_text.extend((x.text, y.text))
    if agreeing:
        return
    conflicting = [(x, y) for x, y, verdict in verdicts if verdict is False]
    if conflicting and _same_event(*conflicting[0], *normalized):
        x, y = conflicting[0]
        difference = FactDifference("time", FactValue.of(x), FactValue.of(y))
        result.differ(Reason.TIME_MISMATCH, difference, x.text, y.text)


def _weekday_of(facts: Sequence[Fact]) -> int | None:
    """The weekday of the one day a claim's full dates name (None for none or several)."""
    days = {
        dt.date.fromisoformat(f.value).weekday()
        for f in facts
        if f.kind == "date" and len(f.value) == len("2024-10-07") and f.value[:1] != "-"
    }
    return days.pop() if len(days) == 1 else None


def _timed(facts: Sequence[Fact]) -> list[tuple[Fact, int]]:
    """The claim's times and parts of the day with their weekday: the one named beside them,
    else, for a time, the weekday of the claim's one date. A time on no known day is left
    out."""
    day = _weekday_of(facts)
    found: list[tuple[Fact, int]] = []
    for f in facts:
        if f.kind in ("time", "daypart") and f.subject:
            found.append((f, int(f.subject)))
        elif f.kind == "time" and day is not None:
            found.append((f, day))
    return found


def _parts_agree(x: Fact, y: Fact, normalized: tuple[str, str]) -> bool | None:
    """Whether a part of the day and a time, or two parts, can be one moment: True, False,
    or None for two parts that overlap without being one (evening and night)."""
    if x.kind == "daypart" and y.kind == "daypart":
        if x.value == y.value:
            return True
        return None if overlapping_parts(x.value, y.value) else False
    part, time = (x, y) if x.kind == "daypart" else (y, x)
    hedged = _time_hedged(normalized[0], x) or _time_hedged(normalized[1], y)
    return minutes_in(part.value, _minutes(time.value)) <= (
        APPROXIMATE_TIME_MINUTES if hedged else 0
    )


def _compare_dayparts(
    a: Sequence[Fact], b: Sequence[Fact], normalized: tuple[str, str], result: FactComparison
) -> None:
    """Parts of the day ("Thursday afternoon") against times or parts of the same weekday in
    one zone: one that agrees is enough; else the first pair that cannot be one moment
    differs if it times the same event ("7 a.m. ET on Thursday" / "Thursday afternoon
    E.T.")."""
    pairs = [
        (x, y)
        for x, day_x in _timed(a)
        for y, day_y in _timed(b)
        if "daypart" in (x.kind, y.kind) and day_x == day_y and x.unit == y.unit
    ]
    _settle_moments([(x, y, _parts_agree(x, y, normalized)) for x, y in pairs], normalized, result)


def _one_distance(a: Sequence[Fact], b: Sequence[Fact]) -> bool:
    """Whether the two claims give one length: the same figure in the same unit, as two
    reports of one statement do. Two figures ("about 70 km", "72 km") may be two readings,
    or two points; and a conversion is approximate ("44 miles" is 70.8 km)."""
    return any(
        length_unit(x) == length_unit(y) and x.value == y.value
        for x in a
        if length_unit(x)
        for y in b
        if length_unit(y)
    )


def _compare_bearings(a: Sequence[Fact], b: Sequence[Fact], result: FactComparison) -> None:
    """Directions from one place (facts "bearing") at one distance: one point told two
    ways, which differs when the directions are BEARING_MIN_GAP or more apart ("72 km
    south-west of Marrakesh", "72 كيلومترا شرقي مدينة مراكش"). Without one distance, two
    directions may place two things."""
    pairs = [
        (x, y)
        for x in a
        if x.kind == "bearing"
        for y in b
        if y.kind == "bearing" and _same_place(x.subject, y.subject)
    ]
    if not pairs or not _one_distance(a, b):
        return
    x, y = pairs[0]
    gap = _bearing_gap(x, y)
    if gap == 0:
        result.matched.append(FactValue.of(x))
        result.matched_text.extend((x.text, y.text))
    elif gap >= BEARING_MIN_GAP:
        difference = FactDifference("bearing", FactValue.of(x), FactValue.of(y))
        result.differ(Reason.PLACE_MISMATCH, difference, x.text, y.text)


OPPOSITE_SIDE = {"n": "s", "s": "n", "e": "w", "w": "e"}
# The points of the compass (degrees from north) on each side of a country, and the sides
# each point lies on (315: north and west).
SIDE_POINTS = {"n": (315, 0, 45), "e": (45, 90, 135), "s": (135, 180, 225), "w": (225, 270, 315)}
COMPASS_SIDES: dict[int, frozenset[str]] = {
    degrees: frozenset(side for side, points in SIDE_POINTS.items() if degrees in points)
    for degrees in range(0, 360, 45)
}


def _compare_regions(
    a: Sequence[Fact], b: Sequence[Fact], normalized: tuple[str, str], result: FactComparison
) -> None:
    """Parts of one country (facts "region"): one each, of one country (or of "the
    country"), on opposite sides ("شمال شرق البلاد", "شمالي غربي إيران": east and west) are
    one place told two ways. The east and the north-east are one part told more or less
    closely; a claim that names two parts may place two things, and two claims that each
    count what happened in their part ("12 killed in the north of the country", "40 in the
    south": quantities.count_place) tell two counts apart by them."""
    ra = {f.value: f for f in a if f.kind == "region"}
    rb = {f.value: f for f in b if f.kind == "region"}
    if len(ra) != 1 or len(rb) != 1:
        return
    if _counted_in_a_part(a, normalized[0]) and _counted_in_a_part(b, normalized[1]):
        return
    ((x_value, x),) = ra.items()
    ((y_value, y),) = rb.items()
    if x.subject and y.subject and x.subject != y.subject:
        return
    sides_y = COMPASS_SIDES[int(y_value)]
    if any(OPPOSITE_SIDE[side] in sides_y for side in COMPASS_SIDES[int(x_value)]):
        difference = FactDifference("region", FactValue.of(x), FactValue.of(y))
        result.differ(Reason.PLACE_MISMATCH, difference, x.text, y.text)


def _counted_in_a_part(facts: Sequence[Fact], normalized: str) -> bool:
    """Whether a count of the claim is told of a part of a country (quantities.count_place:
    "@" and its point of the compass)."""
    return any((count_place(normalized, fact) or "").startswith(PART_OF_COUNTRY) for fact in facts)


def _compare_names(a: Sequence[Fact], b: Sequence[Fact], result: FactComparison) -> None:
    """Places and entities: a name only one side gives, in the same slot as one only the
    other side gives, is another name in the same role."""
    for kind, reason in NAME_RULES:
        fa = [f for f in a if f.kind == kind]
        fb = [f for f in b if f.kind == kind]
        va = {f.value for f in fa}
        vb = {f.value for f in fb}
        result.matched.extend(FactValue.of(x) for x in fa if x.value in vb)
        only_a = [f for f in fa if f.value not in vb]
        only_b = [f for f in fb if f.value not in va]
        for x in only_a:
            for y in only_b:
                if x.subject and y.subject and subjects_compatible(x.subject, y.subject):
                    difference = FactDifference(kind, FactValue.of(x), FactValue.of(y))
                    result.differ(reason, difference, x.value, y.value)
                    break


def compare_facts(
    a: Sequence[Fact],
    b: Sequence[Fact],
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    a_normalized: str = "",
    b_normalized: str = "",
) -> FactComparison:
    """The facts both claims give, those they give differently, and why that conflicts."""
    result = FactComparison()
    _compare_quantities(a, b, (a_normalized, b_normalized), result, (published_a, published_b))
    _shared_distinctive(a, b, result)
    _compare_dates(a, b, (published_a, published_b), (a_normalized, b_normalized), result)
    _compare_times(a, b, (a_normalized, b_normalized), result)
    _compare_dayparts(a, b, (a_normalized, b_normalized), result)
    _compare_bearings(a, b, result)
    _compare_regions(a, b, (a_normalized, b_normalized), result)
    _compare_names(a, b, result)
    return result


# --- rules over the words -----------------------------------------------------------------


def _direction_of(claim: ClaimDraft, claim_view: ClaimView) -> FactValue | None:
    """The claim's one direction (from its facts, else from its words), or None when it has
    none or several."""
    facts = {f.value: f for f in claim.facts if f.kind == "direction" and f.value in OPPOSITE}
    if facts:
        if len(facts) != 1:
            return None
        (fact,) = facts.values()
        return FactValue(kind="direction", value=fact.value, text=fact.text or fact.value)
    found = {d for t, d in directions(claim_view) if not t}
    if len(found) != 1:
        return None
    (value,) = found
    # The first word that carries the direction, as the claim writes it.
    at = next(
        i for i, t in zip(claim_view.content_at, claim_view.content, strict=True) if direction(t)
    )
    return FactValue(
        kind="direction", value=value, text=surface_words(claim_view, claim.text, at, at)
    )


def opposite_direction(
    a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView
) -> FactDifference | None:
    """Both claims move one way each, and the ways are opposite (rose / fell). Confirmed
    against denied is the polarity rule's (STANCES)."""
    da, db = _direction_of(a, va), _direction_of(b, vb)
    if da is None or db is None or OPPOSITE[da.value] != db.value or da.value in STANCES:
        return None
    return FactDifference(kind="direction", a=da, b=db)


def slot_substitution(a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView) -> Finding | None:
    """One name swapped for another in an otherwise equal sentence (_swapped_words). In Latin
    script a name is capitalised: two runs in lower case are no names (word_swap)."""
    swapped = _swapped_words(a, b, va, vb)
    if swapped is None or swapped.lower_case:
        return None
    kind, reason = NAME_RULES[0] if swapped.place else NAME_RULES[1]
    difference = FactDifference(
        kind,
        FactValue(kind, swapped.words_a, text=swapped.words_a),
        FactValue(kind, swapped.words_b, text=swapped.words_b),
    )
    return Finding(reason=reason, differing=(difference,))


def word_swap(a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView) -> bool:
    """Whether the two sentences are equal but for a run of lower-case Latin words, in place
    of one another ("before the striker ends the season" / "finishes the season"; "approved
    the budget" / "rejected the budget"): no names, so no substitution, but the rules cannot
    tell a synonym from an opposite."""
    if va.arabic or vb.arabic:
        return False  # no capitals to tell a name by
    swapped = _swapped_words(a, b, va, vb)
    return swapped is not None and swapped.lower_case


@dataclass(frozen=True, slots=True)
class _Swap:
    """The run of words one sentence has in place of the other's, as written."""

    words_a: str
    words_b: str
    place: bool  # after a word of place ("in", "في"): a place for a place

    @property
    def lower_case(self) -> bool:
        return _lower_latin(self.words_a) and _lower_latin(self.words_b)


def _swapped_words(a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView) -> _Swap | None:
    """The one run of at most SLOT_MAX_WORDS words the two content token sequences differ by,
    if they differ by exactly one, and its words are not spelling variants of each other,
    numbers, direction words or words of saying (those are the other rules' business)."""
    if len(va.content) < SLOT_MIN_WORDS or not _few_words_apart(va.content, vb.content):
        return None
    matcher = SequenceMatcher(a=va.content, b=vb.content, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(edits) != 1 or edits[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = edits[0]
    if i2 - i1 > SLOT_MAX_WORDS or j2 - j1 > SLOT_MAX_WORDS:
        return None
    left, right = va.content[i1:i2], vb.content[j1:j2]
    if any(soft_in(light_stem(w), [light_stem(v) for v in right]) for w in left):
        return None
    if _same_name_across_scripts(left, right) or _one_actor_or_place(left, right):
        return None
    if any(
        NUMBER_RE.match(w)
        or w[:1].isdigit()  # a figure with its unit written onto it ("44C", "40م")
        or direction(w)
        or _bare_forms(w) & _NOT_SUBSTITUTED
        or light_stem(w) in _BOUND_WORDS
        for w in (*left, *right)
    ):
        return None
    if any(_bare_forms(w) & SAY_WORDS for w in (*left, *right)) or _names_speaker(
        va.content, i1, i2
    ):
        # "وتابع:" / "وقال المحافظ إن" / "the president said": who says it, or how, which
        # attribution compares.
        return None
    place = _after_locative(va, i1) or (
        left[0].startswith(LOCATIVE_CLITICS) and right[0].startswith(LOCATIVE_CLITICS)
    )
    return _Swap(
        surface_words(va, a.text, va.content_at[i1], va.content_at[i2 - 1]),
        surface_words(vb, b.text, vb.content_at[j1], vb.content_at[j2 - 1]),
        place,
    )


def _lower_latin(words: str) -> bool:
    """Words in Latin script, none capitalised."""
    return not ARABIC_RE.search(words) and words == words.lower()


def _few_words_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether each sequence has at most SLOT_MAX_WORDS words the other lacks (counted with
    repeats): what one replaced run of that many words leaves, so a cheap test before the
    sequence matcher."""
    counts_a, counts_b = Counter(a), Counter(b)
    return (counts_a - counts_b).total() <= SLOT_MAX_WORDS and (
        counts_b - counts_a
    ).total() <= SLOT_MAX_WORDS


def _same_name_across_scripts(left: Sequence[str], right: Sequence[str]) -> bool:
    """One name in two scripts (كورنيت / Kornet): a spelling, not a substitution."""
    keys = {(bool(ARABIC_RE.search(w)), name_key(w)) for w in right}
    return any(
        len(key := name_key(w)) >= NAME_KEY_MIN_LENGTH and (not ARABIC_RE.search(w), key) in keys
        for w in left
    )


def _move(word: str) -> str:
    """up | down for a word of change (its root, or a form the facts stage knows), else ""."""
    found = direction(word)
    if found in ("up", "down"):
        return found
    forms = _bare_forms(word)
    forms |= {f[2:] for f in forms if f.startswith("ال")}
    return next((str(MOVES[f]) for f in forms if f in MOVES), "")


def _bare_forms(word: str) -> set[str]:
    """A word as written, without a one-letter clitic, and with لل read as ال."""
    forms = {word}
    if word[:1] in NAME_CLITICS and len(word) > 3:
        forms.add(word[1:])
    if word.startswith("لل") and len(word) > 4:
        forms.add("ال" + word[2:])
    return forms


def _name_forms(words: Sequence[str]) -> set[str]:
    """The ways a run of words may be written in the name lists: its first word's clitic
    off, the words that only say what kind of place it is left out ("مدينة درنة")."""
    kept = [
        w for w in words if not (_bare_forms(w) & (PLACE_KINDS | SAY_WORDS)) and w not in STOPWORDS
    ]
    if not kept:
        return set()
    rest = " ".join(kept[1:])
    return {f"{first} {rest}".strip() for first in _bare_forms(kept[0])}


def _one_actor_or_place(left: Sequence[str], right: Sequence[str]) -> bool:
    """Two names of one actor (أنصار الله / الحوثيين), names that stand for one another
    (الكرملين / موسكو), or a place and a place containing it (مراكش / المغرب)."""
    forms_l, forms_r = _name_forms(left), _name_forms(right)
    actors_l = {source_key(f) for f in forms_l} | {RELATED_ACTORS.get(f, "") for f in forms_l}
    actors_r = {source_key(f) for f in forms_r} | {RELATED_ACTORS.get(f, "") for f in forms_r}
    if (actors_l & actors_r) - {""}:
        return True
    return _contains(forms_l, forms_r) or _contains(forms_r, forms_l)


def _contains(places: set[str], inner: set[str]) -> bool:
    """Whether a place of inner lies inside one of places (PLACE_CONTAINERS)."""
    containing = {c for f in inner for c in PLACE_CONTAINERS.get(f, ())}
    return bool(containing & places)


def _after_locative(claim_view: ClaimView, content_index: int) -> bool:
    """Whether the content word comes right after a locative preposition."""
    at = claim_view.content_at[content_index]
    return at > 0 and claim_view.tokens[at - 1] in LOCATIVES


def equivalent(va: ClaimView, vb: ClaimView, facts: FactComparison) -> bool:
    """Whether the two claims say one thing: both deny it, or each run of words where they
    differ is explained, in its place in the sentence: by the words of facts both give, days
    said two ways, verbs of saying, spelling, two words for one move, or another name of the
    same actor or place. The learned model then has nothing left to judge: its word-swap
    features would read "أنصار الله" for "الحوثيين" or "100 million euros" for "109 million
    dollars" as a corruption. In its place: "الصين: واشنطن تضر نفسها" is no rewording of
    "واشنطن: الصين تضر نفسها". Claims that differ by nothing but spelling are left to the
    model ("هوليوود" / "بوليوود" are spelling variants to the view)."""
    if polarity(va).denies and polarity(vb).denies:
        return True
    if not _words_only_in(va, vb) and not _words_only_in(vb, va):
        return False
    # The words of the facts both give, tokenised as the views are (numbers in digits).
    explained = {t for text in facts.matched_text for t in view(normalize_text(text)).tokens}
    matcher = SequenceMatcher(a=va.content, b=vb.content, autojunk=False)
    return all(
        (_names_speaker(va.content, i1, i2) and j2 - j1 <= SPEAKER_WORDS)
        or _run_explained(
            _unexplained(va.content[i1:i2], explained), _unexplained(vb.content[j1:j2], explained)
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _names_speaker(content: Sequence[str], start: int, end: int) -> bool:
    """Whether words start..end of a claim name who speaks: a short run right before a verb
    of saying that both claims share ("The president said" / "The authorities said")."""
    if not 0 < end - start <= SPEAKER_WORDS or end >= len(content):
        return False
    return bool(_bare_forms(content[end]) & SAY_WORDS)


def _unexplained(words: Sequence[str], explained: set[str]) -> list[str]:
    """The words left once the words of shared facts, the hedges of figures ("about"), days
    said against publication, units of length (compared in metres by the fact rules), and verbs
    of saying with the speaker they name ("وقال المحافظ" for "وتابع") are set aside."""
    left: list[str] = []
    speaker = 0
    for w in words:
        if _bare_forms(w) & SAY_WORDS:
            speaker = SPEAKER_WORDS
        elif speaker:
            speaker -= 1
        elif (
            w not in explained
            and not (_bare_forms(w) & RELATIVE_DAY_WORDS)
            and light_stem(w) not in HEDGE_WORDS | LENGTH_UNITS
        ):
            left.append(w)
    return left


def _run_explained(left: Sequence[str], right: Sequence[str]) -> bool:
    """One run of words in place of another says the same: both empty once explained words
    are set aside, spelling variants, two words for one move ("هبوط" / "انخفاض", "fell" /
    "dropped"), or two names of one actor or place."""
    if not left or not right:
        return not left and not right
    stems_l, stems_r = [light_stem(w) for w in left], [light_stem(w) for w in right]
    if all(soft_in(x, stems_r) for x in stems_l) and all(soft_in(y, stems_l) for y in stems_r):
        return True
    moves = {_move(w) for w in (*left, *right)}
    if len(moves) == 1 and "" not in moves:
        return True
    return _one_actor_or_place(left, right)


def _words_only_in(this: ClaimView, other: ClaimView) -> list[str]:
    """This claim's content words that the other lacks (spelling variants forgiven), in
    order, so that a name of several words stays whole."""
    return [
        word
        for word, stem in zip(this.content, this.stems, strict=True)
        if not soft_in(stem, other.stems)
        and not any(soft_in(light_stem(form), other.stems) for form in _bare_forms(word) - {word})
    ]


def contradiction_rule(
    a: ClaimDraft,
    b: ClaimDraft,
    va: ClaimView,
    vb: ClaimView,
    facts: FactComparison,
    similarity: float,
) -> Finding | None:
    """The first rule that finds a contradiction, in order: facts, polarity (a negation or a
    denial), opposite directions, a substituted name. Polarity and directions need the
    claims' own words to overlap (similarity), not only what is left once the differing
    facts are set aside."""
    if facts.reason is not None:
        return Finding(reason=facts.reason, differing=tuple(facts.differing))
    if similarity >= RULE_MIN_SIMILARITY:
        conflict = polarity_conflict(va, vb) if similarity >= POLARITY_MIN_SIMILARITY else None
        if conflict is not None:
            return Finding(reason=Reason.NEGATION, denial=conflict.denial)
        opposite = opposite_direction(a, b, va, vb)
        if opposite is not None:
            return Finding(reason=Reason.OPPOSITE_DIRECTION, differing=(opposite,))
    return slot_substitution(a, b, va, vb)
