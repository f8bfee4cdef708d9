"""Fact extraction: the checkable quantities, dates, names and polarity inside one claim.

A claim such as "وحكم عليه بالسجن لمدة 25 عامًا" yields Fact(kind="duration", value="25",
unit="year", subject="سجن"), which the relate stage compares with the other outlet's facts.

This module is the facts stage: ``claims_with_facts`` gives the claims of segment.py their
facts and attribution, ``extract_facts`` reads the facts of one claim. It orchestrates
dates.py (calendar and relative dates), numbers.py (quantities and what they measure) and
attribution.py (who is quoted), and finds negation, direction and names itself.

The patterns run on a *folded* copy of the claim (normalize.py's orthographic normal form,
character by character) so that alef variants, diacritics, teh marbuta and Arabic-Indic
digits need no special cases; a map from folded to source offsets recovers the surface
text of every fact. All regexes are compiled once at import: the whole
clean+segment+facts path must keep up with 100 articles a second.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from newsdiff.pipeline import lang
from newsdiff.pipeline.attribution import (
    antecedent,
    attribution_of,
    attribution_text_of,
    continues_quote,
    names_no_source,
)
from newsdiff.pipeline.dates import (
    find_dates,
    find_dayparts,
    find_times,
    reads_as_year,
    relative_dates,
    undated_days,
    weekday_at,
)
from newsdiff.pipeline.normalize import (
    FOLDED_WORD_RE,
    STOPWORDS,
    alternation,
    country_of,
    name_key,
    normalize_token,
    normalized,
    tokens,
    word_forms,
)
from newsdiff.pipeline.numbers import (
    MAGNITUDE,
    Measure,
    Quantity,
    count_or_number,
    feminine_duals,
    find_quantities,
    format_decimal,
    measure,
    priced,
    range_scale,
)
from newsdiff.pipeline.segment import inside_quotation
from newsdiff.pipeline.types import QUANTITY_KINDS, ClaimDraft, Fact
from newsdiff.pipeline.units import length_unit

# Kinds of quantity whose range gives its lower end the upper end's scale (numbers.range_scale).
RANGE_KINDS = frozenset({"count", "number", "money", "temperature"})
NEGATION_FORMS: dict[str, str] = lang.merged_dict("NEGATION_FORMS")
NEGATION_SUFFIXES: dict[str, str] = lang.merged_dict("NEGATION_SUFFIXES")
DIRECTIONS: dict[str, str] = lang.merged_dict("DIRECTIONS")
NAME_INTRODUCERS = lang.merged_set("NAME_INTRODUCERS")
NON_NAMES = lang.merged_set("NON_NAMES")
# A clause reads a source named after it only from the sentence's last this many words: a
# source there ("..., the ministry said.") speaks for the sentence, one that opens a later
# clause of its own ("، حيث أوضح المركز أن ...") for that clause.
SOURCE_END_WORDS = 8
COMPASS_POINTS: dict[str, int] = lang.merged_dict("COMPASS_POINTS")
REGION_COUNTRY_WORDS = lang.merged_set("REGION_COUNTRY_WORDS")
CAPITAL_CITIES = lang.merged_set("CAPITAL_CITIES")
REGION_ACTOR_WORDS = lang.merged_set("REGION_ACTOR_WORDS")
# "The number" before a bare figure (_number_referred), within this many words of it ("إن
# العدد لا يقل عن ثلاثة آلاف": a hedge of three words between).
NUMBER_NOUNS = lang.merged_set("NUMBER_NOUNS")
NUMBER_NOUN_WINDOW = 4
# Keys of COUNTRY_NAMES that are no country: "شمال أفريقيا" names a region of its own.
CONTINENTS = frozenset({"europe", "africa"})

# --------------------------------------------------------------------------- regexes

_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_TIME_OF_DAY_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)|(?<![\d.,])\d{1,2}\s*[ap]\.m\.(?!\w)"
)
_MODEL_RE = re.compile(
    r"(?<![\w-])(?:[a-z]{1,5}-?\d{1,4}[a-z]?|[\u0621-\u064a]{1,4}-\d{1,4})(?![\w-])"
)
_NEGATION_RE = re.compile(
    rf"(?<!\w)[وف]?(?P<word>{alternation(NEGATION_FORMS)})(?!\w)"
    rf"(?!\s+(?:{alternation(lang.merged_tuple('NEGATION_BLOCKERS'))})(?!\w))"
    rf"|(?P<suffix>{alternation(NEGATION_SUFFIXES)})(?!\w)"
)
_DIRECTION_RE = re.compile(
    rf"(?<!\w)(?:وب|وال|بال|ال|[وفب])?(?P<word>{alternation(DIRECTIONS)})(?!\w)"
)
# A point of the compass, or two ("south-west", "جنوب غربي"), then words of linking or of
# kind of place, then the place it is taken from: "72 km south-west of Marrakesh", "72
# كيلومترا شرقي مدينة مراكش".
_COMPASS_LINKS = [*lang.merged_tuple("COMPASS_LINKS"), *lang.merged_set("PLACE_KINDS")]
_BEARING_RE = re.compile(
    rf"(?<!\w)(?P<first>{alternation(COMPASS_POINTS)})"
    rf"(?:[-\s](?P<second>{alternation(COMPASS_POINTS)}))?"
    rf"(?:\s+(?:{alternation(_COMPASS_LINKS)}))*"
    r"\s+(?P<place>\w{2,})"
)
# A part of a country: "شمالي غربي تركيا", "in the country's north-west" (lang
# REGION_LINKS, REGION_COUNTRY_WORDS). A possessive after the country ("north of the
# country's capital") makes it the place of something else.
_REGION_RE = re.compile(
    rf"(?<!\w)(?P<first>{alternation(COMPASS_POINTS)})"
    rf"(?:[-\s](?P<second>{alternation(COMPASS_POINTS)}))?"
    rf"(?:\s+(?:{alternation(lang.merged_tuple('REGION_LINKS'))}))*"
    r"\s+(?P<ref>\w{2,})(?P<possessive>['’]s)?(?!\w)"
)
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
# A pronoun at the end of a word of place ("وغربها": and its west).
_PRONOUN_END_RE = re.compile(r"(?:ها|ه)$")
_FIRST_WORD_RE = re.compile(r"\W*(\w+)")
# A bearing is read only right after a length ("72 km (44 miles) northeast of"): "South
# Africa" and "شمال غزة" name places, not a direction from one.
BEARING_AFTER_LENGTH = 20
_LATIN_RUN_RE = re.compile(r"[A-Za-z][A-Za-z'’&.-]*(?:\s+[A-Za-z][A-Za-z'’&.-]*)*")
# Single capitals ("U" of "U.S.") start no name.
_CAPITALISED_RUN_RE = re.compile(
    r"(?<![\w'’])[A-Z][\w'’-]+(?:\s+(?:"
    rf"{alternation(lang.merged_tuple('NAME_JOINERS'), any_space=True)})?[A-Z][\w'’-]+)*"
)
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
_QUOTED_RE = re.compile(r"\s*\"(?P<q>[^\"]{1,60})\"")
# Words a name after a name introducer may have ("صواريخ كورنيت", "منظومة إس").
NAME_MAX_WORDS = 2

# --------------------------------------------------------------------------- folding


@dataclass(frozen=True, slots=True)
class _Folded:
    """Normalised text plus, for every folded character, its offset in the source."""

    source: str
    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(source)

    def surface(self, start: int, end: int) -> str:
        """The source text of folded[start:end], with the marks that fold away after its
        last letter (the tanween of "عاماً"): the words exactly as the article wrote them."""
        if end <= start:
            return ""
        stop = self.origin[end - 1] + 1
        while stop < len(self.source) and self.source[stop] in _FOLDED_AWAY:
            stop += 1
        return self.source[self.origin[start] : stop].strip()


# Diacritics, superscript alef and tatweel: normalisation deletes them.
_FOLDED_AWAY = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")


def _fold(source: str) -> _Folded:
    # Character by character (cached), so offsets survive deleted diacritics and the
    # rare ligature that expands to two letters.
    parts = list(map(normalize_token, source))
    origin: list[int] = []
    for index, part in enumerate(parts):
        if len(part) == 1:
            origin.append(index)
        elif part:
            origin.extend([index] * len(part))
    origin.append(len(source))
    return _Folded(source, "".join(parts), tuple(origin))


class _Facts:
    """The facts of one claim as they are found, and the folded spans they already cover:
    a span that holds one fact holds no other (a date's digits are no count)."""

    def __init__(self, folded: _Folded) -> None:
        self.folded = folded
        self.taken = bytearray(len(folded.text) + 1)
        self.found: list[tuple[int, Fact]] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(
        self, start: int, end: int, kind: str, value: str, unit: str = "", subject: str = ""
    ) -> None:
        """A fact that covers its span."""
        self.take(start, end)
        self.note(start, end, kind, value, unit, subject)

    def add_measure(self, found: Measure) -> None:
        self.add(found.start, found.end, found.kind, found.value, found.unit, found.subject)

    def note(
        self, start: int, end: int, kind: str, value: str, unit: str = "", subject: str = ""
    ) -> None:
        """A fact that leaves its span free for others (negation, direction, names)."""
        surface = self.folded.surface(start, end)
        self.found.append((start, Fact(kind, value, unit, subject, surface)))

    def in_order(self) -> tuple[Fact, ...]:
        return tuple(fact for _, fact in sorted(self.found, key=lambda item: item[0]))


# --------------------------------------------------------------------------- the stage


def claims_with_facts(
    text: str,
    segments: Iterable[tuple[ClaimDraft, int, int]],
    *,
    published: dt.date | None = None,
) -> tuple[ClaimDraft, ...]:
    """The claims of segment.segment_claims with their facts and attribution.

    ``text`` is the clean text the claims were cut from; each segment is a claim and the
    span of its sentence. ``published`` resolves the relative dates of the claims (أمس,
    "last August"); without it those are skipped rather than guessed.

    A sentence that names no source but continues a quote ("قال الكرملين إن ... . وأضاف أن
    ...", "..., he added.", or the next sentence of a quotation still open in its paragraph:
    'وأكد أن "الموقف كبير جدا. لم نستطع مواجهته"') speaks for the last named speaker, as
    long as every sentence since has been that speaker's.

    A source that only points back ("وفق المصدر ذاته", "the same source") is the last source
    named before it, or none; a name made definite with nothing after it ("وأضافت الهيئة",
    "the agency said") is the source named before whose head it is, when there is one.
    """
    claims: list[ClaimDraft] = []
    named: list[ClaimDraft] = []  # the claims that name a source, in order
    speaker: ClaimDraft | None = None
    named_at = said_from = 0  # where the speaker is named; where its last sentence starts
    for claim, sentence_start, sentence_end in segments:
        drafted = _with_facts(text, claim, sentence_start, sentence_end, published)
        if drafted.attribution:
            drafted = _source_resolved(drafted, named)
        if drafted.attribution:
            named.append(drafted)
            speaker, named_at, said_from = drafted, sentence_start, sentence_start
        elif speaker is not None and (
            continues_quote(text[sentence_start:sentence_end])
            or (
                "\n" not in text[said_from:sentence_start]
                and inside_quotation(text[named_at:sentence_start])
            )
        ):
            drafted = replace(
                drafted,
                attribution=speaker.attribution,
                attribution_text=speaker.attribution_text,
            )
            said_from = sentence_start
        else:
            speaker = None
        claims.append(_number_referred(drafted, claims[-1] if claims else None))
    return tuple(claims)


def _number_referred(claim: ClaimDraft, before: ClaimDraft | None) -> ClaimDraft:
    """The claim with its bare figure counting what the claim before it counted, when "the
    number" names the figure (lang NUMBER_NOUNS, in the NUMBER_NOUN_WINDOW words before it:
    "ويقدر المسؤولون عدد المفقودين بألفين. وقال المكتب إن العدد لا يقل عن ثلاثة آلاف"),
    the claim counts no casualties itself, and the claim before counts one state of them."""
    bare = [fact for fact in claim.facts if fact.kind == "number"]
    if before is None or len(bare) != 1 or casualty_counts(claim.facts):
        return claim
    counted = [subject for subject in casualty_counts(before.facts) if subject != MAGNITUDE]
    if len(counted) != 1 or (at := claim.text.find(bare[0].text)) < 0:
        return claim
    words = tokens(normalized(claim.text[:at]))[-NUMBER_NOUN_WINDOW:]
    if not any(word in NUMBER_NOUNS for word in words):
        return claim
    referred = replace(bare[0], kind="count", subject=counted[0])
    return replace(claim, facts=tuple(referred if f is bare[0] else f for f in claim.facts))


def _source_resolved(claim: ClaimDraft, named: Sequence[ClaimDraft]) -> ClaimDraft:
    """The claim with the source its own stands for (attribution.antecedent)."""
    k = antecedent(claim.attribution, [c.attribution for c in named])
    if k is not None:
        before = named[k]
        return replace(
            claim, attribution=before.attribution, attribution_text=before.attribution_text
        )
    if names_no_source(claim.attribution):
        return replace(claim, attribution="", attribution_text="")
    return claim


def _with_facts(
    text: str, claim: ClaimDraft, sentence_start: int, sentence_end: int, published: dt.date | None
) -> ClaimDraft:
    said_in = claim.text
    attribution = attribution_of(said_in)
    if not attribution and (sentence_start, sentence_end) != (claim.start, claim.end):
        # A clause split off "وقال الكرملين إن ...، و..." still speaks for the Kremlin ...
        said_in = text[sentence_start : claim.end]
        attribution = attribution_of(said_in)
        if not attribution and _source_at_end(text[claim.end : sentence_end]):
            # ... and so does one before "..., the Kremlin said.", but not one before a
            # clause that says its own ("زلزال قوته 6 درجات، حيث أوضح مركز الرصد أن قوته
            # 5.8 ..." is not the centre's 6).
            said_in = text[sentence_start:sentence_end]
            attribution = attribution_of(said_in)
    return replace(
        claim,
        normalized=normalized(claim.text),
        facts=extract_facts(claim.text, published=published),
        attribution=attribution,
        attribution_text=attribution_text_of(said_in, attribution),
    )


def _source_at_end(rest: str) -> bool:
    """Whether the rest of a sentence names its source in its last SOURCE_END_WORDS words
    (", the ministry said.", "، وفق ما ذكرت الوزارة."), where a source speaks for the
    whole sentence."""
    return bool(attribution_of(" ".join(rest.split()[-SOURCE_END_WORDS:])))


def claim_from_text(
    text: str, *, published: dt.date | None = None, position: int = 0
) -> ClaimDraft:
    """A ClaimDraft for one raw sentence, with its facts and attribution (the relate stage
    compares sentences that no article holds, such as the ANS pairs)."""
    attribution = attribution_of(text)
    return ClaimDraft(
        position=position,
        text=text,
        normalized=normalized(text),
        start=0,
        end=len(text),
        facts=extract_facts(text, published=published),
        attribution=attribution,
        attribution_text=attribution_text_of(text, attribution),
    )


def extract_facts(text: str, *, published: dt.date | None = None) -> tuple[Fact, ...]:
    """Every checkable fact of one claim, in order of appearance.

    ``published`` resolves relative dates (أمس, "last August", "two years ago");
    without it those are skipped rather than guessed.
    """
    facts = _Facts(_fold(text))
    f = facts.folded.text
    _add_times(facts)
    _add_non_quantities(facts)
    _add_dates(facts, published)
    for dual in feminine_duals(f):
        if facts.free(dual.start, dual.end):
            facts.add_measure(dual)
    quantities = find_quantities(f, facts.taken)
    readings = [_quantity_reading(f, quantity, published) for quantity in quantities]
    for i, (quantity, reading) in enumerate(zip(quantities, readings, strict=True)):
        if i and _restates(readings[i - 1], reading):
            continue
        upper = readings[i + 1] if i + 1 < len(readings) else None
        scale = (
            range_scale(f, quantity, quantities[i + 1])
            if upper is not None and upper.kind in RANGE_KINDS
            else None
        )
        if upper is not None and scale:
            # The lower end of a range is the quantity its upper end is, at its scale.
            value = format_decimal(quantity.value * scale)
            reading = replace(upper, start=quantity.start, end=quantity.end, value=value)
        facts.add_measure(reading)
    if published is not None:
        for found in relative_dates(f, published):
            if facts.free(found.start, found.end):
                facts.add(found.start, found.end, found.kind, found.value, subject=found.subject)
    _add_polarity(facts)
    _add_bearings(facts)
    _add_regions(facts)
    for start, end, name in _entities(facts.folded, facts.taken):
        facts.note(start, end, "entity", name)
    return facts.in_order()


def _restates(before: Measure, reading: Measure) -> bool:
    """Whether an amount lies inside the span of the amount before it: the bracketed
    conversion of a salary told over several years ("90 مليون يورو (98 مليون دولار) في
    موسمين", numbers._salary), a restatement and not a second sum."""
    return before.kind == reading.kind == "money" and reading.end <= before.end


def _quantity_reading(f: str, quantity: Quantity, published: dt.date | None) -> Measure:
    """What a number of the claim is: a measure (an amount, a duration, a magnitude ...), a
    year, else a count or a bare number."""
    measured = measure(f, quantity, published)
    if measured:
        return measured
    if reads_as_year(f, quantity.start, quantity.end, quantity.value):
        return Measure(quantity.start, quantity.end, "year", format_decimal(quantity.value))
    return count_or_number(f, quantity)


def _add_dates(facts: _Facts, published: dt.date | None) -> None:
    """Calendar dates; without a publication date, a day and month with no year ("11
    سبتمبر") is no date, and its day no count either."""
    f = facts.folded.text
    for found in find_dates(f, published=published):
        if facts.free(found.start, found.end):
            facts.add(found.start, found.end, "date", found.value)
    if published is None:
        for start, end in undated_days(f):
            if facts.free(start, end):
                facts.take(start, end)


def _add_times(facts: _Facts) -> None:
    """Times of day that say their half of the day ("7:10 a.m. ET", "11:11 مساء"), as "HH:MM"
    with the zone they name (unit) and the weekday named beside them (subject, Monday 0);
    and parts of the day named with their weekday ("Thursday afternoon", "صباح الخميس")."""
    f = facts.folded.text
    for found in find_times(f):
        if facts.free(found.start, found.end):
            day = weekday_at(f, found.start, found.end)
            weekday = "" if day is None else str(day)
            facts.add(found.start, found.end, "time", found.value, found.zone, subject=weekday)
    for part in find_dayparts(f):
        if facts.free(part.start, part.end):
            facts.note(
                part.start, part.end, "daypart", part.part, part.zone, subject=str(part.weekday)
            )


def _add_non_quantities(facts: _Facts) -> None:
    """Spans that look numeric but hold no quantity: URLs, times of day, and model names
    (AK-74, F-16, إس-400), which are names, and their digits no quantity."""
    f = facts.folded.text
    for regex in (_URL_RE, _TIME_OF_DAY_RE):
        for match in regex.finditer(f):
            facts.take(match.start(), match.end())
    for match in _MODEL_RE.finditer(f):
        if facts.free(match.start(), match.end()) and any(c.isdigit() for c in match.group()):
            facts.add(match.start(), match.end(), "entity", match.group())


def _add_polarity(facts: _Facts) -> None:
    """Negations ("لم", "نفى", "didn't") and directions of change ("ارتفع", "fell")."""
    f = facts.folded.text
    for match in _NEGATION_RE.finditer(f):
        word = match["word"]
        value = NEGATION_FORMS.get(word, word) if word else NEGATION_SUFFIXES[match["suffix"]]
        facts.note(match.start(), match.end(), "negation", value)
    for match in _DIRECTION_RE.finditer(f):
        facts.note(match.start(), match.end(), "direction", DIRECTIONS[match["word"]])


def _add_bearings(facts: _Facts) -> None:
    """Points of the compass taken from a place, right after a length: the value in
    degrees from north ("225" for south-west), the place's name key as subject."""
    f = facts.folded.text
    length_ends = [
        start + len(fact.text)
        for start, fact in facts.found
        if fact.kind == "count" and length_unit(fact)
    ]
    for match in _BEARING_RE.finditer(f):
        if not any(0 <= match.start() - end <= BEARING_AFTER_LENGTH for end in length_ends):
            continue
        degrees = _compass_degrees(match["first"], match["second"])
        place = name_key(match["place"])
        if degrees is None or not place or match["place"] in STOPWORDS:
            continue
        end = match.end("second") if match["second"] else match.end("first")
        facts.note(match.start(), end, "bearing", str(degrees), subject=place)


def _add_regions(facts: _Facts) -> None:
    """Parts of a country (_REGION_RE): the value in degrees from north ("315" for the
    north-west), the country's key as subject, or "" for a word that names the story's own
    country without naming it ("البلاد", "the country"). A point of the compass written with
    a capital starts a name ("East Azerbaijan", "North Korea"), and one next to the word for
    who governs or fights there names that actor (REGION_ACTOR_WORDS)."""
    f, source = facts.folded.text, facts.folded.source
    for match in _REGION_RE.finditer(f):
        if match["possessive"] or source[facts.folded.origin[match.start()]].isupper():
            continue
        country = _country_named(match["ref"])
        degrees = _compass_degrees(match["first"], match["second"])
        if country is None or degrees is None:
            continue
        before = _LAST_WORD_RE.search(f, max(0, match.start() - 30), match.start())
        after = _FIRST_WORD_RE.match(f, match.end())
        if any(m and not REGION_ACTOR_WORDS.isdisjoint(word_forms(m[1])) for m in (before, after)):
            continue
        if _another_part_beside(f, match.start(), after[1] if after else ""):
            continue
        facts.note(match.start(), match.end("ref"), "region", str(degrees), subject=country)


def _another_part_beside(f: str, start: int, after: str) -> bool:
    """Whether a part of a country is told with another beside it ("in the north and east of
    the country", "في شرق البلاد وغربها"): a point of the compass among the two words before
    it or in the word after it (without "و" and a pronoun)."""
    words = FOLDED_WORD_RE.findall(f, max(0, start - 30), start)[-2:]
    if after:
        words.append(_PRONOUN_END_RE.sub("", after.removeprefix("و")))
    return any(word in COMPASS_POINTS for word in words)


def _country_named(word: str) -> str | None:
    """The country key of a word after a point of the compass (_add_regions): "" for a word
    that names the story's own country, None for no country (a capital, a continent)."""
    if word in REGION_COUNTRY_WORDS:
        return ""
    country = country_of(word)
    if not country or country in CONTINENTS or not CAPITAL_CITIES.isdisjoint(word_forms(word)):
        return None
    return country


def _compass_degrees(first: str, second: str | None) -> int | None:
    """Degrees from north of one point of the compass, or of north or south then east or
    west ("south-west": 225); None for two points that make no third ("east west")."""
    a = COMPASS_POINTS[first]
    if second is None:
        return a
    b = COMPASS_POINTS[second]
    if a not in (0, 180) or b not in (90, 270):
        return None
    return {(0, 90): 45, (0, 270): 315, (180, 90): 135, (180, 270): 225}[(a, b)]


# --------------------------------------------------------------------------- names

_Name = tuple[int, int, str]


def _entities(folded: _Folded, taken: bytearray) -> list[_Name]:
    """Names: Latin-script runs inside Arabic text, capitalised runs in English text, and
    Arabic words right after a word that introduces a name (صواريخ كورنيت)."""
    f = folded.text
    if len(_ARABIC_LETTER_RE.findall(f)) > len(f) // 4:
        names = [*_latin_runs(f, taken), *_introduced_names(f)]
    else:
        names = list(_capitalised_names(folded.source))
    found: list[_Name] = []
    for start, end, name in names:
        key = _name_value(name)
        if key:
            found.append((start, end, key))
    return found


def _latin_runs(f: str, taken: bytearray) -> Iterator[_Name]:
    for match in _LATIN_RUN_RE.finditer(f):
        if not any(taken[match.start() : match.end()]):
            yield match.start(), match.end(), match.group()


def _introduced_names(f: str) -> Iterator[_Name]:
    for match in FOLDED_WORD_RE.finditer(f):
        word = match.group()
        # Only the construct form introduces a name: "صحيفة X", not "الصحيفة".
        if word not in NAME_INTRODUCERS and not (word[0] in "وفب" and word[1:] in NAME_INTRODUCERS):
            continue
        quoted_name = _QUOTED_RE.match(f, match.end())
        if quoted_name:
            yield quoted_name.start("q"), quoted_name.end("q"), quoted_name["q"]
            continue
        names = _name_words(f, match.end())
        if names:
            yield names[0].start(), names[-1].end(), " ".join(n.group() for n in names)


def _name_words(f: str, pos: int) -> list[re.Match[str]]:
    """The Arabic words of a name that starts right after pos (at most NAME_MAX_WORDS)."""
    names: list[re.Match[str]] = []
    for word_match in FOLDED_WORD_RE.finditer(f, pos, min(len(f), pos + 60)):
        gap = f[(names[-1].end() if names else pos) : word_match.start()]
        token = word_match.group()
        # Adjectives (feminine -ة, "الـ" forms) and coordination end a name:
        # transliterated foreign names almost never end in teh marbuta.
        if (
            gap.strip()
            or token.startswith("ال")
            or token in STOPWORDS
            or token.endswith("ه")
            or names
            and token[0] == "و"
            or not ("\u0621" <= token[0] <= "\u064a")
            or len(names) == NAME_MAX_WORDS
        ):
            break
        names.append(word_match)
    return names


def _capitalised_names(source: str) -> Iterator[_Name]:
    # Capitals only show in the source; its offsets map 1:1 for Latin text.
    for match in _CAPITALISED_RUN_RE.finditer(source):
        words = match.group().split()
        while words and words[0].lower() in NON_NAMES:
            words = words[1:]
        if not words:
            continue
        at_sentence_start = (
            not source[: match.start()].strip() or source[: match.start()].rstrip()[-1] in '.!?"“'
        )
        if len(words) == 1 and at_sentence_start and words == match.group().split():
            continue
        yield match.start(), match.end(), " ".join(words)


def _name_value(name: str) -> str:
    """The spelling-independent key of a name (see normalize.name_key)."""
    keys = [name_key(w) for w in FOLDED_WORD_RE.findall(name) if w.lower() not in STOPWORDS]
    return " ".join(k for k in keys if k)


# A figure precise enough to tell one fact from another: at least this large and with at
# least two significant digits (10,100 missing; $250,000 a ticket; 18 million m3), unlike
# "three", "100" or "5,000". Two claims of one story that give such a figure speak of one
# fact however differently they word it (align.py pairs them, rules.py counts it as shared).
DISTINCTIVE_MIN = Decimal(100)
DISTINCTIVE_DIGITS = 2


def years_named(facts: Sequence[Fact]) -> frozenset[str]:
    """The years facts name, alone or in a full date."""
    return frozenset(
        f.value[:4] for f in facts if f.kind == "year" or (f.kind == "date" and f.value[:1] != "-")
    )


def distinctive(fact: Fact) -> bool:
    """A quantity precise enough to identify a fact (DISTINCTIVE_MIN, DISTINCTIVE_DIGITS)."""
    if fact.kind not in QUANTITY_KINDS:
        return False
    try:
        value = Decimal(fact.value)
    except InvalidOperation:
        return False
    if not value.is_finite() or abs(value) < DISTINCTIVE_MIN:
        return False
    digits = value.normalize().as_tuple().digits
    return len(digits) >= DISTINCTIVE_DIGITS


def counted_things(facts: Sequence[Fact]) -> dict[str, frozenset[str]]:
    """The figures a claim gives for each thing it counts by name ("185 سفينة", "369 ships"
    waiting; not the casualties of casualty_counts, not lengths) or prices by name (a
    contract, a salary: numbers.priced): {the noun's stem or key: figures}."""
    return _figures_by_subject(
        facts,
        lambda fact: (
            (
                fact.kind == "count"
                and len(fact.subject) >= 3
                and not fact.subject.startswith("#")
                and length_unit(fact) is None
            )
            or (fact.kind == "money" and priced(fact.subject))
        ),
    )


def distinctive_values(facts: Sequence[Fact]) -> frozenset[tuple[str, str]]:
    """(value, unit) of a claim's distinctive quantities, counts and bare numbers alike."""
    return frozenset((f.value, f.unit) for f in facts if distinctive(f))


def casualty_counts(facts: Sequence[Fact]) -> dict[str, frozenset[str]]:
    """The figures a claim gives for each state of casualties it counts ("#dead",
    "#missing" ...: numbers.count_or_number's subjects of people in a state), and for the
    magnitude of the quake (numbers.MAGNITUDE): the figures every report of one disaster
    gives, however it words them."""
    return _figures_by_subject(
        facts,
        lambda fact: (
            (fact.kind == "count" and fact.subject.startswith("#")) or fact.subject == MAGNITUDE
        ),
    )


def _figures_by_subject(
    facts: Sequence[Fact], counted: Callable[[Fact], bool]
) -> dict[str, frozenset[str]]:
    """{subject: the values given} of the facts counted picks."""
    found: dict[str, set[str]] = {}
    for fact in facts:
        if counted(fact):
            found.setdefault(fact.subject, set()).add(fact.value)
    return {subject: frozenset(values) for subject, values in found.items()}
