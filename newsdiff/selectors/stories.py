"""Reads for finding stories: the search, the shared story filter and the story list.

The story list and the bulk exports filter stories the same way, through ``stories_filter``;
the counts the list shows are the ones services stored on Story (comparison.story_verdicts),
never recomputed here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
)
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast, Coalesce

from newsdiff.comparison import StoryCounts
from newsdiff.models import Article, Claim, Outlet, Story
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    STOPWORDS,
    is_arabic,
    light_stem,
    name_key,
    normalize_text,
    normalize_token,
    tokens,
)
from newsdiff.selectors.claims import TextSegment

# The story list shows the most recently updated stories first; beyond this many,
# people search rather than scroll.
STORY_LIST_LIMIT = 100


# --- Arabic-aware matching in SQL -------------------------------------------------------

# Which written characters each character of normalize_text()'s output stands for, so
# that an unnormalised column can be searched with a regular expression instead of being
# normalised in SQL (nested REPLACE()s overflow SQLite's parser).
_VARIANTS: dict[str, str] = {
    "ا": "اأإآٱ",
    "ي": "يى",
    "ه": "هة",
    '"': '"«»“”„',
    "'": "'‘’",
    "-": "-–—",
    ",": ",،٬",
    ";": ";؛",
    "?": "?؟",
    "%": "%٪",
    **{str(i): f"{i}{chr(0x0660 + i)}{chr(0x06F0 + i)}" for i in range(10)},
}
# Diacritics, superscript alef and tatweel: normalize_text() drops them, so the pattern
# lets any number of them follow every character.
_MARKS = "[\u064b-\u0652\u0670\u0640]*"


def _orthographic_regex(needle: str) -> str:
    """A regular expression that finds needle (already normalised) in text as written.

    Works with Django's __iregex on SQLite and PostgreSQL alike.
    """
    parts = []
    for char in needle:
        if char == " ":
            parts.append("\\s+")
        elif char in _VARIANTS:
            parts.append("[" + "".join(re.escape(v) for v in _VARIANTS[char]) + "]")
        else:
            parts.append(re.escape(char))
        parts.append(_MARKS)
    return "".join(parts)


# --- Names across scripts ---------------------------------------------------------------

# A name's spelling-independent key (normalize.name_key: فيكتور بوت and Viktor Bout both
# give "fktr bt") finds it in the other script. Query words with a shorter key ("al",
# "de") carry no name and are left out of the phrase.
NAME_KEY_MIN_LENGTH = 2
# A name whose keys add up to fewer letters ("Houthi": "ht", "Bout": "bt") would match many
# common words by its key alone (حيث, about): it only matches a word of the same shape of
# consonants and vowels in Arabic, and in Latin text only the names the facts stage stored.
NAME_KEY_DISTINCT_LENGTH = 3

# A query of words only (no regex characters, quotes or dots) is also a text search and
# may be a name; any other is looked up as written, literally.
_PLAIN_QUERY_RE = re.compile(r"[\w\s'-]+")
_SEARCH_WORD_RE = re.compile(r"[^\W\d_]+")
_TEXT_WORD_RE = re.compile(r"[\w\u064b-\u0652\u0670\u0640]+")
_MARKS_RE = re.compile(_MARKS)
# Between the words of a name, in a regex run by SQLite (Python's re) and PostgreSQL alike.
_SPACES = "\\s+"
_INSIDE_SENTENCE = "(?:[^.!?\\s]\\s+|[(\"'“«-])"
_ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha())
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Clitics that may stand before a name in Arabic (والحوثي, بدرنة, للحوثيين), and the
# nisba plurals after it (الحوثيون, الحوثيين: the Houthis).
_ARABIC_CLITIC_RE = "(?:[وفبلك]?ال|لل|[وفبلك])?"
_NISBA_PLURALS = ("يون", "يين")


def _key_classes(letters: str) -> tuple[str, dict[str, str]]:
    """The letters whose name key is empty (vowels, for the key), and for each key letter
    the letters that give it: read off normalize.name_key itself, one letter at a time."""
    vowels = ""
    classes: dict[str, str] = defaultdict(str)
    for letter in letters:
        key = name_key(letter)
        if not key:
            vowels += letter
        elif key.isascii() and key.isalpha():
            classes[key] += letter
    return vowels, dict(classes)


_AR_VOWELS, _AR_CLASSES = _key_classes(_ARABIC_LETTERS)
_LA_VOWELS, _LA_CLASSES = _key_classes(_LATIN_LETTERS)
# Latin pairs of letters that name_key reads as one sound (Philip, Thani, Washington).
_LA_DIGRAPHS = {"f": ("ph",), "t": ("th",), "n": ("ng",)}


def _key_units(key: str, classes: dict[str, str], vowels: str) -> list[tuple[str, str]]:
    """key cut into (key letters, regex of the letters that write them)."""
    units = []
    i = 0
    while i < len(key):
        two = key[i : i + 2]
        if len(two) == 2 and two in classes:
            # ش is "sh" (and Latin x is "ks"), but so are two letters: س + ه.
            first, second = classes.get(two[0], two[0]), classes.get(two[1], two[1])
            units.append((two, f"(?:[{classes[two]}]|[{first}]{vowels}*[{second}])"))
            i += 2
            continue
        letter = key[i]
        options = [f"[{classes.get(letter, letter)}]", *_LA_DIGRAPHS.get(letter, ())]
        if classes is not _LA_CLASSES:
            options = options[:1]
        units.append((letter, options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"))
        i += 1
    return units


def _word_key_regex(key: str, *, arabic: bool, shape: str = "") -> str:
    """A regex for one word whose name key is key, in Arabic or Latin script.

    Letters repeated in the key's source collapse (name_key drops doubles: Marrakesh),
    vowels may stand anywhere. With shape (the query word's run of consonants "c" and
    vowels "v", see _shape), vowels stand exactly where the query has them.
    """
    vowels = f"[{_AR_VOWELS}]" if arabic else f"[{_LA_VOWELS}]"
    classes = _AR_CLASSES if arabic else _LA_CLASSES
    units = _key_units(key, classes, vowels)
    slots = _shape_slots(shape, len(units)) if shape else None
    parts = []
    for i, (letters, pattern) in enumerate(units):
        parts.append(_slot(vowels, slots[i] if slots else None))
        last = classes.get(letters[-1], letters[-1])
        parts.append(f"{pattern}(?:{vowels}*[{last}])*")
    parts.append(_slot(vowels, slots[-1] if slots else None))
    body = "".join(parts)
    if arabic:
        # A trailing ه may be a folded ة (درنة, normalised درنه); a plural after a
        # nisba: الحوثيون.
        return f"{_ARABIC_CLITIC_RE}{body}(?:ه|ون|ين)?"
    return body


def _both_cases(pattern: str) -> str:
    """A Latin word regex of _word_key_regex that also reads capitals (Claim.text)."""
    out = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
            continue
        escaped = char == "\\"
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        if char.islower() and char.isascii():
            out.append(char + char.upper() if in_class else f"[{char}{char.upper()}]")
        else:
            out.append(char)
    return "".join(out)


def _slot(vowels: str, required: bool | None) -> str:
    if required is None:
        return f"{vowels}*"
    return f"{vowels}+" if required else ""


def _shape(word: str) -> str:
    """A Latin word's consonants ("c") and runs of vowels ("v") as name_key reads them:
    Houthi "cvcv", Bout "cvc" (th, sh, ph and ng are one consonant, doubles one)."""
    word = word.lower()
    for pair, one in (("ng", "n"), ("sh", "s"), ("th", "t"), ("ph", "f")):
        word = word.replace(pair, one)
    out = ""
    last_key = ""
    for char in word:
        key = name_key(char)
        if not key:
            if not out.endswith("v"):
                out += "v"
            last_key = ""
        elif key != last_key:
            out += "c"
            last_key = key
    return out


def _shape_slots(shape: str, consonants: int) -> list[bool] | None:
    """For each place around the consonants, whether a vowel stands there."""
    slots = [False] * (consonants + 1)
    place = 0
    for mark in shape:
        if mark == "c":
            place += 1
        elif place <= consonants:
            slots[place] = True
    return slots if place == consonants else None


def _query_name_form(word: str) -> str:
    """An Arabic query word as a bare name: without diacritics and the article, a nisba
    plural made singular (الحوثيون -> حوثي)."""
    word = _MARKS_RE.sub("", word)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    for plural in _NISBA_PLURALS:
        if word.endswith(plural) and len(word) > 4:
            word = word[: -len(plural)] + "ي"
    return word


@dataclass(frozen=True, slots=True)
class NameQuery:
    """A query read as a name: its keys, word by word, and the script it was typed in."""

    keys: tuple[str, ...]
    arabic: bool
    shape: str  # for a short single-word name, its consonant/vowel shape

    @property
    def distinct(self) -> bool:
        return sum(len(k) for k in self.keys) >= NAME_KEY_DISTINCT_LENGTH


def name_query_parse(query: str) -> NameQuery | None:
    """The name a query spells, if it is all letters of one script, else None."""
    words = _SEARCH_WORD_RE.findall(query)
    if not words or len(words) > 4 or not _PLAIN_QUERY_RE.fullmatch(query.strip()):
        return None
    scripts = {bool(ARABIC_RE.search(w)) for w in words}
    if len(scripts) != 1 or any(w.lower() in STOPWORDS for w in words) and len(words) == 1:
        return None
    arabic = scripts.pop()
    keys: list[str] = []
    shape = ""
    for word in words:
        if word.lower() in STOPWORDS:
            continue
        form = _query_name_form(word) if arabic else word.lower()
        key = name_key(form)
        if len(key) >= NAME_KEY_MIN_LENGTH and key.isascii() and key.isalpha():
            keys.append(key)
            shape = _shape(form)
    if not keys:
        return None
    return NameQuery(tuple(keys), arabic, shape if len(keys) == 1 else "")


def _name_claims_q(name: NameQuery) -> Q:
    """Claims that name the query's name in the other script (see NameQuery)."""
    if not name.arabic:
        # Latin query, Arabic claims: the words of the claim, by their key.
        shape = "" if name.distinct else name.shape
        words = [_word_key_regex(k, arabic=True, shape=shape) for k in name.keys]
        edge = f"[^{_ARABIC_LETTERS}]"
        return Q(normalized__regex=f"(?:^|{edge}){_SPACES.join(words)}(?:{edge}|$)")
    # Arabic query, Latin claims: the names the facts stage stored (Claim.facts, kinds
    # entity and place, valued by their key), and for a distinct name capitalised words.
    keys = " ".join(name.keys)
    found = Q(facts_text__regex=f'"value": "(?:[^" ]+ )*{keys}(?: [^" ]+)*"')
    if name.distinct:
        words = [_word_key_regex(k, arabic=False) for k in name.keys]
        phrase = _SPACES.join(words)
        # Capitalised inside a sentence: a capital after a full stop ("During ...") or at
        # the claim's start is no sign of a name (the facts stage reads them so too).
        capitalised = f"{_INSIDE_SENTENCE}(?=[A-Z]){_both_cases(phrase)}(?:[^A-Za-z]|$)"
        found |= Q(normalized__regex=f"(?:^|[^a-z]){phrase}(?:[^a-z]|$)") & Q(
            text__regex=capitalised
        )
    return found


# --- The search -------------------------------------------------------------------------

# PostgreSQL's text-search configuration for a query in each script: its Arabic and
# English stemmers find other forms of the words (الأسلحة, سلاح; released, release).
FTS_CONFIG_ARABIC = "arabic"
FTS_CONFIG_LATIN = "english"


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A query as the search reads it (see search_terms_parse)."""

    needle: str  # normalize_text(query): found as a substring of Claim.normalized
    pattern: str  # the needle as an orthographic regex for titles as written
    words: tuple[str, ...]  # the needle's words, for highlighting
    name: NameQuery | None  # the query as a name, for the other script
    fts_config: str  # PostgreSQL full-text configuration, "" where none applies


def search_terms_parse(query: str) -> SearchTerms | None:
    """The terms of a query, or None for a blank one (no filter)."""
    needle = normalize_text(query)
    if not needle:
        return None
    plain = bool(_PLAIN_QUERY_RE.fullmatch(needle)) and any(c.isalpha() for c in needle)
    config = ""
    if plain and connection.vendor == "postgresql":
        config = FTS_CONFIG_ARABIC if is_arabic(needle) else FTS_CONFIG_LATIN
    return SearchTerms(
        needle=needle,
        pattern=_orthographic_regex(needle),
        words=tuple(tokens(needle)),
        name=name_query_parse(query),
        fts_config=config,
    )


def _claim_vector(config: str) -> SearchVector:
    # Migration 0013 indexes exactly this expression, one GIN index per configuration.
    return SearchVector("normalized", config=config)


def _claim_branches(terms: SearchTerms) -> list[QuerySet[Claim]]:
    """The claims that match the terms, one queryset per way of matching: by substring (a
    trigram index on PostgreSQL), by full-text search on PostgreSQL (its own GIN index),
    and by a name's key in the other script. Apart, each is served by its own index and
    rechecks only its own condition."""
    claims = Claim.objects.order_by()
    branches = [claims.filter(normalized__contains=terms.needle)]
    if terms.fts_config:
        branches.append(_claims_fts(terms))
    if terms.name is not None:
        named = claims.alias(facts_text=Cast("facts", TextField())) if terms.name.arabic else claims
        branches.append(named.filter(_name_claims_q(terms.name)))
    return branches


def _claims_fts(terms: SearchTerms) -> QuerySet[Claim]:
    return (
        Claim.objects.order_by()
        .alias(search_vector=_claim_vector(terms.fts_config))
        .filter(search_vector=_search_query(terms))
    )


def _claims_matching(terms: SearchTerms) -> QuerySet[Claim]:
    """Claims that match the terms in any way (for one story's claims: see story_list_rows)."""
    claims = Claim.objects.order_by()
    found = Q(normalized__contains=terms.needle)
    if terms.fts_config:
        claims = claims.alias(search_vector=_claim_vector(terms.fts_config))
        found |= Q(search_vector=_search_query(terms))
    if terms.name is not None:
        if terms.name.arabic:
            claims = claims.alias(facts_text=Cast("facts", TextField()))
        found |= _name_claims_q(terms.name)
    return claims.filter(found)


def _search_query(terms: SearchTerms) -> SearchQuery:
    return SearchQuery(terms.needle, config=terms.fts_config, search_type="plain")


def story_search_filter(query: str) -> Q | None:
    """Stories whose title, article titles or claims match the query as people type it.

    Claim.normalized is stored normalised (and lower case), so a plain LIKE on it matches
    every spelling; on PostgreSQL a trigram index (migration 0004) serves that LIKE and
    the full-text search (migration 0013) finds other forms of the words. A name also
    finds its spelling in the other script (Viktor Bout, فيكتور بوت).
    """
    terms = search_terms_parse(query)
    return None if terms is None else _story_search_q(terms)


def _story_search_q(terms: SearchTerms) -> Q:
    title_stories = Article.objects.filter(title__iregex=terms.pattern).values("story_id")
    found = Q(title__iregex=terms.pattern) | Q(pk__in=title_stories)
    for claims in _claim_branches(terms):
        found |= Q(pk__in=claims.values("article__story_id"))
    return found


# --- Highlighting ---------------------------------------------------------------------------


def highlight_segments(text: str, terms: SearchTerms) -> tuple[TextSegment, ...]:
    """text cut into segments, the words that match the terms highlighted.

    A word matches when it is part of the needle found in the text (as normalised), when
    it has the light stem of a query word (what the full-text search finds), or when it
    names the query's name in the other script.
    """
    words = [(m.start(), m.end(), m.group()) for m in _TEXT_WORD_RE.finditer(text)]
    marked = (
        _needle_words(words, terms) | _stem_words(words, terms) | _name_words(text, words, terms)
    )
    segments: list[TextSegment] = []
    at = 0
    for i in sorted(marked):
        start, end, _ = words[i]
        if segments and segments[-1].highlighted and not text[at:start].strip():
            # One mark across the space between two marked words of a phrase.
            last = segments.pop()
            segments.append(TextSegment(last.text + text[at:end], True))
        else:
            if start > at:
                segments.append(TextSegment(text[at:start], False))
            segments.append(TextSegment(text[start:end], True))
        at = end
    if at < len(text):
        segments.append(TextSegment(text[at:], False))
    return tuple(segments)


def _needle_words(words: list[tuple[int, int, str]], terms: SearchTerms) -> set[int]:
    folded = ""
    owner: list[int] = []
    for i, (_, _, word) in enumerate(words):
        norm = normalize_text(word)
        if folded:
            folded += " "
            owner.append(i)
        folded += norm
        owner.extend([i] * len(norm))
    needle = " ".join(terms.words) if terms.words else terms.needle
    found: set[int] = set()
    start = folded.find(needle)
    while start >= 0 and needle:
        found.update(owner[start : start + len(needle)])
        start = folded.find(needle, start + 1)
    return found


def _stem_words(words: list[tuple[int, int, str]], terms: SearchTerms) -> set[int]:
    if not terms.fts_config:
        return set()
    stems = {light_stem(w) for w in terms.words if w not in STOPWORDS}
    return {i for i, (_, _, w) in enumerate(words) if light_stem(normalize_token(w)) in stems}


def _name_words(text: str, words: list[tuple[int, int, str]], terms: SearchTerms) -> set[int]:
    """Words of the other script that spell the query's name (as _name_claims_q finds
    them; a phrase's words in a row)."""
    name = terms.name
    if name is None:
        return set()
    if name.arabic:
        regexes = [re.compile(_word_key_regex(k, arabic=False)) for k in name.keys]
        spelled = [
            w.lower() if w[:1].isupper() and re.search(f"{_INSIDE_SENTENCE}$", text[:start]) else ""
            for start, _, w in words
        ]
    else:
        shape = "" if name.distinct else name.shape
        regexes = [re.compile(_word_key_regex(k, arabic=True, shape=shape)) for k in name.keys]
        spelled = [normalize_token(w) if ARABIC_RE.search(w) else "" for _, _, w in words]
    found: set[int] = set()
    span = len(regexes)
    for i in range(len(words) - span + 1):
        if all(spelled[i + j] and regexes[j].fullmatch(spelled[i + j]) for j in range(span)):
            found.update(range(i, i + span))
    return found


def stories_filter(
    *,
    query: str = "",
    slugs: Sequence[str] = (),
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
) -> QuerySet[Story]:
    """Stories matching every filter given (all optional), unordered: the story list's and
    the exports' one filter.

    query matches the story title, article titles and claim text the way people type
    Arabic: with or without diacritics, any hamza form of alef, ة/ه and ى/ي alike. slugs
    keeps those stories; outlet_id the stories that outlet covered; published_from /
    published_to (both inclusive) the stories with an article published in that range.
    """
    stories = Story.objects.order_by()
    if slugs:
        stories = stories.filter(slug__in=list(slugs))
    terms = search_terms_parse(query)
    if terms is not None:
        stories = stories.filter(_story_search_q(terms))
    articles = Article.objects.filter(story=OuterRef("pk"))
    if outlet_id is not None:
        stories = stories.filter(Exists(articles.filter(outlet_id=outlet_id)))
    if published_from is not None or published_to is not None:
        published = articles
        if published_from is not None:
            published = published.filter(published_at__date__gte=published_from)
        if published_to is not None:
            published = published.filter(published_at__date__lte=published_to)
        stories = stories.filter(Exists(published))
    return stories


# --- Story list -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletRef:
    id: int
    name: str
    native_name: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story in the list, with the counts stored on it (see comparison.StoryCounts)."""

    id: int
    title: str
    slug: str
    url: str
    updated_at: dt.datetime
    latest_published_at: dt.datetime | None
    counts: StoryCounts
    outlets: tuple[OutletRef, ...]
    # When searching: the title and the claim that matched, matched words highlighted
    # (empty when the title alone matched, or without a query).
    title_match: tuple[TextSegment, ...] = ()
    claim_match: tuple[TextSegment, ...] = ()


def story_list_rows(
    *,
    query: str = "",
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    offset: int = 0,
    limit: int = STORY_LIST_LIMIT,
) -> list[StoryRow]:
    """Stories, most recently updated first, with their outlets and stored counts.

    Filters as ``stories_filter``. With a query, each row carries a claim that matched,
    highlighted (the first that holds the query as typed, else the best ranked), and on
    PostgreSQL the rows come by their title's full-text rank first. Two queries.
    """
    latest = Subquery(
        Article.objects.filter(story=OuterRef("pk"))
        .order_by()
        .values("story")
        .annotate(latest=Max("published_at"))
        .values("latest")
    )
    stories = stories_filter(
        query=query,
        outlet_id=outlet_id,
        published_from=published_from,
        published_to=published_to,
    ).annotate(latest_published_at=latest)
    terms = search_terms_parse(query)
    order: list[str | OrderBy] = ["-updated_at", "-id"]
    if terms is not None:
        # The matched claim is read for the rows of the page only (PostgreSQL runs a
        # subquery of the select list after the limit): the story's first claim that holds
        # the query as typed, else (COALESCE runs the second subquery only then) its best
        # ranked claim that matches in another way. Ranking every claim of a story whose
        # words are common parses each one's text again (to_tsvector), most of a search's
        # time. The stories found are ordered by their title's rank: ranking every matched
        # claim of every story found read each one's text again (a second or more at 10,000
        # articles), where the title is one short text per story.
        in_story = Claim.objects.filter(article__story=OuterRef("pk")).order_by(
            "article_id", "position"
        )
        as_typed = in_story.filter(normalized__contains=terms.needle)
        matched = _claims_matching(terms).filter(article__story=OuterRef("pk"))
        if terms.fts_config:
            rank = SearchRank(_claim_vector(terms.fts_config), _search_query(terms))
            matched = matched.annotate(rank=rank).order_by("-rank", "article_id", "position")
            stories = stories.annotate(
                rank=SearchRank(
                    SearchVector("title", config=terms.fts_config), _search_query(terms)
                ),
            )
            order = [F("rank").desc(nulls_last=True), *order]
        else:
            matched = matched.order_by("article_id", "position")
        stories = stories.annotate(
            matched_text=Coalesce(
                Subquery(as_typed.values("text")[:1]), Subquery(matched.values("text")[:1])
            )
        )
    page = list(stories.order_by(*order)[offset : offset + limit])

    outlets_by_story = _outlets_by_story(s.id for s in page)
    return [
        StoryRow(
            id=s.id,
            title=s.title,
            slug=s.slug,
            url=s.get_absolute_url(),
            updated_at=s.updated_at,
            latest_published_at=s.latest_published_at,
            counts=s.counts,
            outlets=tuple(outlets_by_story.get(s.id, ())),
            **_matches(s.title, getattr(s, "matched_text", None), terms),
        )
        for s in page
    ]


def _matches(
    title: str, claim: str | None, terms: SearchTerms | None
) -> dict[str, tuple[TextSegment, ...]]:
    if terms is None:
        return {}
    title_match = highlight_segments(title, terms)
    return {
        "title_match": title_match if any(s.highlighted for s in title_match) else (),
        "claim_match": highlight_segments(claim, terms) if claim else (),
    }


def _outlets_by_story(story_ids: Iterable[int]) -> dict[int, list[OutletRef]]:
    rows = (
        Article.objects.filter(story_id__in=list(story_ids))
        .order_by("outlet__name")
        .values_list("story_id", "outlet_id", "outlet__name", "outlet__native_name")
        .distinct()
    )
    result: dict[int, list[OutletRef]] = defaultdict(list)
    for story_id, outlet_id, name, native_name in rows:
        result[story_id].append(OutletRef(outlet_id, name, native_name))
    return result


def outlet_choices() -> list[OutletRef]:
    """Outlets for the story list's filter, by name. One query."""
    return [
        OutletRef(o["id"], o["name"], o["native_name"])
        for o in Outlet.objects.order_by("name").values("id", "name", "native_name")
    ]
