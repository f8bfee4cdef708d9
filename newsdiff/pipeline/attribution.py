"""Attribution: who a claim quotes ("قال الكرملين إن ...", "according to Reuters").

Two outlets that quote different sources may both be right about what each source said;
the relate stage needs the source to tell a dispute from a contradiction. The source is
read in normal form (``attribution_of``), shown as the article wrote it
(``attribution_text_of``) and compared with ``same_source``, which knows the names of one
actor (the Houthis are Ansar Allah). A sentence that continues a quote ("وأضاف أن ...",
'..., he added') names no source of its own: ``continues_quote`` tells the facts stage to
carry the last speaker over. The verbs of saying, the words that end a source's name and
the aliases are in pipeline/lang.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    CLAUSE_BREAK_RE,
    STOPWORDS,
    abbreviated,
    alternation,
    country_of,
    listed_entry,
    name_key,
    normalized,
    surface_of,
    tokens,
)

# "Keep it short": a source is a name or a role, rarely longer than this.
SOURCE_MAX_WORDS = 4
# A title set apart by commas between a name and its verb of saying may run longer ("Lena
# Ward, an adviser to the port authority, said"): up to this many words, the name alone the
# source when it is longer than SOURCE_MAX_WORDS.
APPOSITION_MAX_WORDS = 8
# Two words of sources are one in two spellings when their name keys (normalize.name_key:
# the consonants) agree and hold at least this many letters: shorter keys join unrelated
# words.
SPELLING_MIN_KEY = 3
# One source's name written with a title before it is that source, when the name has at
# least this many words.
SUFFIX_MIN_WORDS = 2
# A word in its two genders ("اللبناني" / "اللبنانية") is one word of a source when the shorter
# has at least this many letters.
FEMININE_ENDINGS = lang.merged_tuple("FEMININE_ENDINGS")
GENDERED_MIN_LETTERS = 4
# ... and with or without its article and its plural ending ("لجنة التحقيقات الوطنية" / "لجنة
# تحقيقات وطنية"), when the word left has at least DEFINITE_MIN_LETTERS letters.
NAME_PLURAL_ENDINGS = lang.merged_tuple("NAME_PLURAL_ENDINGS")

SOURCE_STOPS = lang.merged_set("SOURCE_STOPS")
# Words that open what a verb of saying says ("إن", "أن", "that").
_CONTENT_OPENERS = lang.merged_set("STATEMENT_CONTENT_OPENERS")
PRONOUNS = lang.merged_set("PRONOUNS")
RELATIVE_PRONOUNS = lang.merged_set("RELATIVE_PRONOUNS")
ANONYMITY_VERBS = lang.merged_set("ANONYMITY_VERBS")
ANONYMITY_WITHHELD = lang.merged_set("ANONYMITY_WITHHELD")
SOURCE_TITLES = lang.merged_set("SOURCE_TITLES")
OF_AFTER_TITLE = "of"
SOURCE_PLACE_NOUNS = lang.merged_set("SOURCE_PLACE_NOUNS")
# A conjunction just before the verb of saying: the verb's subject is further back.
SAYING_CONJUNCTIONS = lang.merged_set("CLAUSE_CONJUNCTIONS")
# After a source's first word, these start the object of the verb ("نفى الكرملين التقرير") ...
SOURCE_OBJECTS = lang.merged_set("SOURCE_OBJECTS")
# ... and these anywhere ("وأعلن مقتل 30 شخصا": no source named).
EVENT_OBJECTS = lang.merged_set("EVENT_OBJECTS")
OBJECT_SUFFIXES = lang.merged_tuple("OBJECT_SUFFIXES")
OWNED_SUFFIXES = lang.merged_tuple("OWNED_SUFFIXES")
OWNED_KEEPING_CLITICS = lang.merged_tuple("OWNED_KEEPING_CLITICS")
# Media whose next word names them, whatever it is ("صحيفة اليوم").
MEDIUM_HEADS = lang.merged_set("MEDIUM_HEADS")
# What a figure rests on ("حسب التقديرات", "according to estimates"): no source, unless a
# word after it says who gave it ("أوردها الصليب الأحمر", "released by the ministry").
NON_SOURCES = lang.merged_set("NON_SOURCES")
GIVEN_BY = lang.merged_set("GIVEN_BY")
# A verb of saying that opens a name repeats the one before it ("وذكر صرح سليم الحداد").
SAY_VERBS = lang.merged_set("SAY_BEFORE_SOURCE")
# "according to a statement by the army": the army.
SOURCE_DOCUMENTS = lang.merged_set("SOURCE_DOCUMENTS")
SOURCE_DOCUMENT_LINKS = lang.merged_set("SOURCE_DOCUMENT_LINKS")
# A source read as opening with one of these is a place or a time ("near the epicenter").
SOURCE_PREPOSITIONS = lang.merged_set("SOURCE_PREPOSITIONS")
SOURCE_LEADING_JOINERS = lang.merged_set("SOURCE_LEADING_JOINERS")
# A clause keeping a source anonymous (lang ANONYMITY_CLAUSES), with its commas: left out.
_ANONYMITY_CLAUSE_RE = re.compile(
    rf",?\s*(?<!\w)(?:{alternation(lang.merged_tuple('ANONYMITY_CLAUSES'), any_space=True)})"
    rf"(?!\w),?"
)
SOURCE_NEAR = lang.merged_set("SOURCE_NEAR")
# Words that cannot end a name ("... عبد", "an official with the").
NAME_PARTICLES = lang.merged_set("NAME_PARTICLES")
# "officials in the town said": the officials.
SOURCE_PLACE_LINKS = lang.merged_set("SOURCE_PLACE_LINKS")
_DASHES = "-–—"
# "وفق ما أفاد الجيش": the word, and the verb after it, come before the source.
SOURCE_WHAT = lang.merged_set("SOURCE_WHAT")
# Words that say when or how a source spoke ("later", "لاحقا"): no part of its name.
SOURCE_ADVERBS = lang.merged_set("SOURCE_ADVERBS")
SAID_OF = lang.merged_set("SAID_OF")
# A day named between a source and its verb ("officials on Tuesday said").
DAYS = lang.merged_set("WEEKDAYS") | lang.merged_set("RELATIVE_DAYS")
DAYPARTS = lang.merged_set("DAYPARTS")
ON_DAY = "on"
# A verb of saying after a source's name ends it ('" ... ," said the club said in response').
SAY_AFTER_WORDS = frozenset(
    lang.merged_tuple("SAY_AFTER_SOURCE") + lang.merged_tuple("SAY_AFTER_QUOTE")
)
# Names of one actor -> its key (pipeline/lang: a small curated list).
ACTOR_ALIASES: dict[str, str] = lang.merged_dict("ACTOR_ALIASES")
# "وزير الصحة" speaks as "وزارة الصحة", "the health minister" as "the health ministry".
SOURCE_BODY_OF_HEAD: dict[str, str] = lang.merged_dict("SOURCE_BODY_OF_HEAD")
# A ministry by its portfolio alone ("وزارة الداخلية", "the interior ministry"): one source in
# every language (_portfolio).
MINISTRY_WORDS = lang.merged_set("MINISTRY_WORDS")
PORTFOLIOS: dict[str, str] = lang.merged_dict("PORTFOLIOS")
# Words that leave a ministry the story's own country's: "the country's interior ministry".
OWN_COUNTRY = lang.merged_set("OWN_COUNTRY_WORDS")
# "وفق المصدر ذاته", "the same source said": the source quoted before.
SAME_SOURCE = lang.merged_set("SAME_SOURCE")
# A name made definite ("الهيئة", "the agency") stands for the one named before it whose head
# it is; a head shorter than this ("the UN") is a name of its own.
DEFINITE_PREFIXES = lang.merged_tuple("DEFINITE_PREFIXES")
DEFINITE_WORDS = lang.merged_set("DEFINITE_WORDS")
DEFINITE_MIN_LETTERS = 3
# One word of a name named before stands for it ("حمد" for "وزير الصحة حمد حسن"); a shorter
# word may be any ("al").
NAME_WORD_MIN_LETTERS = 3

# The source follows: a verb of saying ("قال"), "نقلت <X> عن", "حسب", "وفقا لـ", "according
# to", or "said" before a capital or a quotation (folded text is lower case, so in practice
# only the quotation). The Arabic forms with their optional clitics (و/ف, ب/ل, the ا of
# وفقا) are patterns rather than word lists.
_ATTRIBUTION_AFTER_RE = re.compile(
    r"(?<!\w)(?:"
    rf"[وف]?(?:{alternation(lang.merged_tuple('SAY_BEFORE_SOURCE'))})\s+"
    r"|[وف]?نقل(?:ت)?\s+(?:[^.,;]{1,40}?\s)?عن\s+"
    rf"|(?:{alternation(lang.merged_tuple('ACCORDING_TO'), any_space=True)})\s+"
    r"|[وف]?(?:ب|ل)?حسب\s+|[وف]?وفق(?:ا)?(?:\s+ل|\s+)"
    rf"|(?:{alternation(lang.merged_tuple('SAY_BEFORE_QUOTE'))})\s+(?=[A-Z\"])"
    # '"...," said the agency's spokeswoman Lena Ward': the verb after a quotation it closes.
    rf"|(?<=[,.!?])\"\s*,?\s*(?:{alternation(lang.merged_tuple('SAY_AFTER_QUOTE'))})\s+)"
)
# A sentence that continues the last speaker's quote: it opens with a verb of saying and
# names nobody ("وأضاف أن ..."), or a pronoun says it ("..., he added").
_CONTINUER_RE = re.compile(
    rf"^\W*[وف]?(?:{alternation(lang.merged_tuple('QUOTE_CONTINUERS'))})(?!\w)"
)
_PRONOUN_CONTINUER_RE = re.compile(
    rf"(?<!\w)(?:{alternation(PRONOUNS)})\s+"
    rf"(?:{alternation(lang.merged_tuple('QUOTE_CONTINUERS_AFTER_PRONOUN'))})(?!\w)"
)
# A verb of saying after its source; one that is a past participle too only where a statement
# follows it (STATE_AFTER_SOURCE): "that", a break, or the time or medium it spoke on first
# ("reported on Monday that", "confirmed on state television that").
_SAY_AFTER = rf"(?:{alternation(lang.merged_tuple('SAY_AFTER_SOURCE'))})(?!\w)"
_STATE_AFTER = (
    rf"(?:{alternation(lang.merged_tuple('STATE_AFTER_SOURCE'))})"
    r"(?=\s+that\b|\s*[.,:;\"“”]|\s*$|\s+on\s+[\w-]+(?:\s+[\w-]+){0,2}?\s*(?:that\b|[.,:]))"
)
_SAID_AFTER = f"(?:{_SAY_AFTER}|{_STATE_AFTER})"
# The source comes first: "the Kremlin said", "X told reporters"; a verb of saying wins over
# one of stating ("The ferry sank, the radio reported, as officials said 9 were unaccounted
# for": the figure is the officials').
_WHO_BEFORE = r"(?P<who>(?:[\w\"'’-]+\s+){1,4}?)"
_ATTRIBUTION_BEFORE_RE = re.compile(_WHO_BEFORE + _SAY_AFTER)
_STATED_BEFORE_RE = re.compile(_WHO_BEFORE + _STATE_AFTER)
_DESCRIBED_BEFORE_RE = re.compile(
    _WHO_BEFORE + rf"(?:{alternation(lang.merged_tuple('DESCRIBE_AFTER_SOURCE'))})(?!\w)"
)

# ... or, in Arabic, estimates what follows its name: "قدّر الوزير الخسائر بأكثر من" (see
# _estimator).
_ESTIMATE_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('ESTIMATE_BEFORE_SOURCE'))})\s+"
)
ESTIMATED_OBJECTS = lang.merged_set("ESTIMATED_OBJECTS")
PASSIVE_BEFORE_SAY = lang.merged_set("PASSIVE_BEFORE_SAY")

# ... or, in Arabic, tells what it had said: "وكانت السلطات الليبية ذكرت", "وكان الجيش قد أعلن".
_HAD_SAID_VERBS = (*lang.merged_tuple("SAY_BEFORE_SOURCE"), *lang.merged_tuple("HAD_SAID_EXTRA"))
_HAD_SAID_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('HAD_WORDS'))})\s+"
    rf"(?P<who>(?:\S+\s+){{1,{SOURCE_MAX_WORDS}}}?)(?:قد\s+)?"
    rf"(?:{alternation(_HAD_SAID_VERBS)})(?!\w)"
)
# ... or, in Arabic, puts it first after a word of contrast: "بينما الوزارة أشارت إلى أن
# ...".
_SUBJECT_FIRST_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('SUBJECT_FIRST_OPENERS'), any_space=True)})"
    rf"\s+(?P<who>(?:\S+\s+){{1,{SOURCE_MAX_WORDS}}}?)"
    rf"(?:{alternation(lang.merged_tuple('SAY_BEFORE_SOURCE'))})\s+"
    rf"(?:{alternation(lang.merged_tuple('SUBJECT_FIRST_THAT'), any_space=True)})(?!\w)"
)
# ... or names it twice, a title and a name set apart by commas: "the health minister, Hamad
# Hassan, said", "Marwan Abboud, the city's governor, told".
_APPOSITIVE_BEFORE_RE = re.compile(
    r"(?P<head>(?:[\w'’-]+\s+){0,3}[\w'’-]+),\s+"
    rf"(?P<apposed>(?:[\w'’-]+\s+){{0,{APPOSITION_MAX_WORDS - 1}}}[\w'’-]+),\s+"
    rf"{_SAID_AFTER}"
)

# ... or sets a relative clause apart by commas between the name and its verb: "the source,
# who asked not to be named, said", "the ministry, which oversees the port, said". The clause
# says of the source, and the source is the name before it.
_RELATIVE_ASIDE_MAX_CHARS = 80
_RELATIVE_ASIDE_BEFORE_RE = re.compile(
    r"(?P<head>(?:[\w'’-]+\s+){0,3}[\w'’-]+),\s+"
    rf"(?:{alternation(tuple(RELATIVE_PRONOUNS))})\s[^,;]{{1,{_RELATIVE_ASIDE_MAX_CHARS}}},\s+"
    rf"{_SAID_AFTER}"
)


@lru_cache(maxsize=4096)
def attribution_of(text: str) -> str:
    """Normalised name of who the claim quotes ("" when the outlet speaks for itself).

    Cached: the clauses of a long sentence all ask for the sentence's source."""
    folded = _ANONYMITY_CLAUSE_RE.sub(" ", normalized(text))
    for match in _ATTRIBUTION_AFTER_RE.finditer(folded):
        source = _source_after(folded, match.end(), after_quote=match.group()[0] == '"')
        if source:
            return source
    return _estimator(folded) or _source_before(folded)


def _estimator(folded: str) -> str:
    """The source of a verb of estimating before its subject: the name between the verb and
    what it estimates ("قدر وزير المالية سامي فارس الخسائر ب ..."), "" when no such word
    follows a name within the clause (a passive verb, "قدر" as a noun)."""
    for match in _ESTIMATE_RE.finditer(folded):
        stop = CLAUSE_BREAK_RE.search(folded, match.end())
        split = folded[match.end() : stop.start() if stop else len(folded)].split()
        ends = [
            k for k, word in enumerate(split[: SOURCE_MAX_WORDS + 1]) if word in ESTIMATED_OBJECTS
        ]
        if ends and ends[0] > 0 and len(_name_words(split[: ends[0]])) == ends[0]:
            source = _tidy(split[: ends[0]])
            if source:
                return source
    return ""


def continues_quote(text: str) -> bool:
    """Whether a sentence that names no source of its own goes on quoting the last one
    ("وأضاف أن ...", "وتابعت:", '"...", he added', "She said the talks ...")."""
    folded = normalized(text)
    return bool(_CONTINUER_RE.match(folded) or _PRONOUN_CONTINUER_RE.search(folded))


def source_key(source: str) -> str:
    """What two normalised sources are compared by: the actor's key when the source's first
    words name a known actor ("جماعه الحوثي", "انصار الله" -> "houthis"), else the source
    without its leading articles ("the kremlin" -> "kremlin") and the nouns that only say
    a place is a city ("رئيس بلديه مدينه درنه" -> "رئيس بلديه درنه"), a minister as the
    ministry ("وزير الصحه" -> "وزاره الصحه")."""
    words = [
        SOURCE_BODY_OF_HEAD.get(word, word)
        for word in source.split()
        if word not in SOURCE_PLACE_NOUNS
    ]
    while words and words[0] in STOPWORDS:
        words = words[1:]
    for n in range(len(words), 0, -1):
        actor = ACTOR_ALIASES.get(" ".join(words[:n]))
        if actor:
            return actor
    return " ".join(words)


# A source named by at least this many words is a reporter another claim can name ("وكالة
# الصحافة الفرنسية", "the Coast Daily Herald"); fewer name nobody in particular ("officials").
REPORTER_MIN_WORDS = 2
# The most words an actor's name (ACTOR_ALIASES) is looked up by.
ACTOR_NAME_MAX_WORDS = 5
ACTOR_KEYS = frozenset(ACTOR_ALIASES.values())
# Words of reports and of publishing ("التقرير", "نشرته", "report", "published"), that tell
# a name near them as the one who reported (names_source), and how far before the name.
REPORT_WORDS = lang.merged_set("DENIAL_CUES") | lang.merged_set("PUBLISHING_WORDS")
REPORTER_CUE_WINDOW = 4


def reporter_key(source: str) -> str:
    """The source's key (source_key) when it names a reporter other claims can name: a known
    actor, or a name of REPORTER_MIN_WORDS words or more; "" otherwise."""
    key = source_key(source) if source else ""
    if key in ACTOR_KEYS or len(key.split()) >= REPORTER_MIN_WORDS:
        return key
    return ""


def names_source(text: str, key: str, *, as_reporter: bool = False) -> bool:
    """Whether the normalised text names the source of that reporter key (reporter_key): a
    known actor by any of its names, or the name's words in a row. as_reporter: as the one
    whose report or words the text speaks of, a word of reports or of publishing
    (REPORT_WORDS) at most REPORTER_CUE_WINDOW words before the name ("المعلومات التي نشرتها
    وكالة ...", "what the paper published") or right after it ("the Herald's report")."""
    words = [word.removesuffix("'s") for word in tokens(text)]
    actor = key in ACTOR_KEYS
    for i in range(len(words)):
        if actor:
            n = next(
                (
                    n
                    for n in range(min(ACTOR_NAME_MAX_WORDS, len(words) - i), 0, -1)
                    if source_key(" ".join(words[i : i + n])) == key
                ),
                0,
            )
        else:
            n = len(key.split()) if " ".join(words[i : i + len(key.split())]) == key else 0
        if n and (
            not as_reporter
            or any(map(_report_word, words[max(0, i - REPORTER_CUE_WINDOW) : i]))
            or any(map(_report_word, words[i + n : i + n + 1]))
        ):
            return True
    return False


def names_as_reporter(text: str, source: str, key: str) -> bool:
    """Whether the normalised text names the reporter of that key (reporter_key) as the one
    whose report it speaks of (names_source), and its own source is not that reporter."""
    return names_source(text, key, as_reporter=True) and not names_source(source, key)


def _report_word(word: str) -> bool:
    """Whether the word, bare or after a clitic or the article, is one of REPORT_WORDS."""
    return bool(listed_entry(word, REPORT_WORDS))


def names_no_source(source: str) -> bool:
    """Whether a source only points back to the one quoted before ("المصدر ذاته", "the same
    source")."""
    return source_key(source) in SAME_SOURCE


def antecedent(source: str, earlier: Sequence[str]) -> int | None:
    """The index, in earlier (the sources an article named before, in order), of the one that
    source stands for: the last of them for "the same source"; for a name made definite with
    nothing after it ("الهيئة", "the agency"), the last whose head it is ("هيئة المسح الجيولوجي
    الأمريكية", "the canal agency"); for one word of a name ("وأوضح حمد", "Abboud said"), the
    last that holds it ("وزير الصحة اللبناني حمد حسن", "governor Marwan Abboud"). None when
    source names a source of its own, or nothing before fits."""
    if names_no_source(source):
        return len(earlier) - 1 if earlier else None
    head = _definite_head(source)
    if head is not None:
        for k in range(len(earlier) - 1, -1, -1):
            words = [w for w in earlier[k].split() if w not in DEFINITE_WORDS]
            if len(words) >= 2 and head in (without_article(words[0]), without_article(words[-1])):
                return k
        return None
    if len(source.split()) == 1 and len(source) >= NAME_WORD_MIN_LETTERS:
        for k in range(len(earlier) - 1, -1, -1):
            words = earlier[k].split()
            if len(words) >= 2 and source in words:
                return k
    return None


def _definite_head(source: str) -> str | None:
    """The word of a one-word name made definite ("الهيئه" -> "هيئه", "the agency" ->
    "agency"), else None."""
    words = source.split()
    if len(words) == 2 and words[0] in DEFINITE_WORDS and len(words[1]) >= DEFINITE_MIN_LETTERS:
        return words[1]
    if len(words) == 1 and without_article(words[0]) != words[0]:
        return without_article(words[0])
    return None


def without_article(word: str) -> str:
    """A word without the prefix that makes it definite ("الهيئه" -> "هيئه")."""
    for prefix in DEFINITE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= DEFINITE_MIN_LETTERS:
            return word[len(prefix) :]
    return word


def same_source(x: str, y: str) -> bool:
    """Whether two normalised sources name one speaker: one actor under two names, or one
    source written out further in the other ("الجيش" / "الجيش الاسرائيلي"). "" (the outlet
    itself) is only the same as ""."""
    if not x or not y:
        return x == y
    kx, ky = source_key(x), source_key(y)
    if kx == ky:
        return True
    portfolio = _portfolio(kx)
    if portfolio and portfolio == _portfolio(ky):
        return True
    shorter, longer = sorted((kx.split(), ky.split()), key=len)
    if not shorter:
        return False
    if all(map(_same_word, shorter, longer)) or _one_name_across_scripts(shorter, longer):
        return True
    if len(shorter) < SUFFIX_MIN_WORDS:
        return False  # "the ministry" may be any ministry
    # A name after its title ("marwan abboud" / "governor marwan abboud"), or one source
    # written out further inside ("وزير الصحه اللبناني حمد" / "وزير الصحه اللبناني حسن حمد":
    # the same first word, the shorter's words in order).
    return (
        all(map(_same_word, shorter, longer[len(longer) - len(shorter) :]))
        or (_same_word(shorter[0], longer[0]) and _in_order(shorter[1:], longer[1:]))
        # One title and one name in two orders ("وزير الصحه اللبناني حمد حسن" / "وزير الصحه
        # اللبناني حسن حمد"): outlets write a name's two parts either way round.
        or (
            _same_word(shorter[0], longer[0])
            and len(shorter) == len(longer)
            and sorted(shorter) == sorted(longer)
        )
    )


def _one_name_across_scripts(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether an Arabic source and a Latin one name one person: a name of the Latin one
    written in the Arabic one (name_key: "kareem" / "كريم"), the two holding the same
    office ("وزير الصحه كريم" / "health minister kareem haddad"; not "health minister mohammed
    hamad" / "ولي العهد الامير محمد"). relate.one_source also finds a name of two words or more
    that one claim gives held in the other's source; here one word of a name is enough, the
    office telling two holders apart."""
    arabic, latin = (x, y) if ARABIC_RE.search(x[0]) else (y, x)
    if not ARABIC_RE.search(arabic[0]) or any(ARABIC_RE.search(word) for word in latin):
        return False
    office = _office(arabic)
    if office != _office(latin) or _two_countries(arabic, latin):
        return False
    if (
        office[1]
        and (_portfolio(" ".join(arabic)) or _portfolio(" ".join(latin)))
        and _countries(arabic) == _countries(latin)
    ):
        # A ministry named by its portfolio alone and one of its holders by name ("وزاره
        # الصحه", "health ministry kareem haddad"), as within one script; a country named on
        # one side only keeps two, as between two ministries (_portfolio).
        return True
    spelled = {key for word in arabic for key in (name_key(word), name_key(without_article(word)))}
    return any(
        len(key) >= SPELLING_MIN_KEY and key in spelled
        for word in latin
        if word not in STOPWORDS and word not in SOURCE_TITLES and word not in PORTFOLIOS
        for key in (name_key(word),)
    )


def _two_countries(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether the two sources name countries, none in common."""
    countries_x, countries_y = _countries(x), _countries(y)
    return bool(countries_x and countries_y and not countries_x & countries_y)


def _countries(words: Sequence[str]) -> frozenset[str]:
    """The countries a source's words name (by name or adjective)."""
    return frozenset(country_of(word) for word in words) - {""}


def _office(words: Sequence[str]) -> tuple[bool, frozenset[str]]:
    """Whether a source's key names a ministry, and the portfolios it names."""
    return (
        any(word in MINISTRY_WORDS for word in words),
        frozenset(PORTFOLIOS[word] for word in words if word in PORTFOLIOS),
    )


def _in_order(words: Sequence[str], within: Sequence[str]) -> bool:
    """Whether every word of words stands in within, in the same order."""
    rest = iter(within)
    return all(any(_same_word(word, other) for other in rest) for word in words)


def _portfolio(key: str) -> str:
    """The portfolio of a ministry named by it, and its country if named ("وزاره الداخليه",
    "interior ministry", "ministry of the interior", "country's health ministry": "interior";
    "وزاره الصحه اللبنانيه", "lebanon's health ministry": "health lb"), else "" (a ministry
    named by more: a minister's name, another body)."""
    words = key.split()
    ministry = [w for w in words if w in MINISTRY_WORDS]
    portfolios = [PORTFOLIOS[w] for w in words if w in PORTFOLIOS]
    rest = [w for w in words if w not in MINISTRY_WORDS and w not in PORTFOLIOS]
    countries = [country_of(w) for w in rest if w not in OWN_COUNTRY]
    if len(ministry) != 1 or len(portfolios) != 1 or len(countries) > 1 or "" in countries:
        return ""
    return " ".join([portfolios[0], *countries])


def _same_word(x: str, y: str) -> bool:
    """One word of a source's name in two spellings ("الامريكيه" / "الاميركيه"), in its
    two genders ("وزير الصحه اللبناني" / "وزاره الصحه اللبنانيه": the adjective follows its
    noun), or with and without its article or plural ending (without_article, _singular)."""
    if x == y:
        return True
    key_x, key_y = name_key(x), name_key(y)
    if len(key_x) >= SPELLING_MIN_KEY and key_x == key_y:
        return True
    shorter, longer = sorted((x, y), key=len)
    return (
        len(shorter) >= GENDERED_MIN_LETTERS
        and any(longer == shorter + ending for ending in FEMININE_ENDINGS)
    ) or _singular(without_article(x)) == _singular(without_article(y))


def _singular(word: str) -> str:
    """A word of a source without its plural ending ("تحقيقات": "تحقيق"), dropped only where
    DEFINITE_MIN_LETTERS are left."""
    for ending in NAME_PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= DEFINITE_MIN_LETTERS:
            return word[: -len(ending)]
    return word


def attribution_text_of(text: str, attribution: str) -> str:
    """The attribution as text wrote it, for people ("" for none): "صحيفة وول ستريت
    جورنال" where attribution_of gave "صحيفه وول ستريت جورنال"."""
    return surface_of(text, attribution) if attribution else ""


def _source_after(folded: str, pos: int, *, after_quote: bool = False) -> str:
    """The source's words from pos up to a break, a stop word or a number. After a quotation
    ('"...," said ...') the name may run to the sentence's end as to a comma: nothing of the
    statement is left to follow it."""
    stop = CLAUSE_BREAK_RE.search(folded, pos)
    while stop and _abbreviation_dot(folded, stop.start()):
        stop = CLAUSE_BREAK_RE.search(folded, stop.end())  # "u.s. geological survey"
    while stop and stop.group() == '"' and folded.find('"', stop.end()) != -1:
        closing = folded.find('"', stop.end())
        if stop.start() > pos and len(folded[stop.end() : closing].split()) > SOURCE_MAX_WORDS:
            # 'وقال المكتب "ارتفع عدد المصابين ..."': a quotation after a name is what it said.
            break
        # Quotes wrap names ("رويترز", "وول ستريت جورنال"): read through them.
        stop = CLAUSE_BREAK_RE.search(folded, closing + 1)
        if stop and stop.group() != '"':
            break
    segment = folded[pos : stop.start() if stop else len(folded)]
    if segment.startswith('"') and len(segment.split('"')[1].split()) > SOURCE_MAX_WORDS:
        return ""  # 'وأضاف "لقد تمت مراجعة الأمر ..."': a quotation is what was said
    split = segment.replace('"', " ").split()
    if len(split) > 1 and split[0] in SOURCE_WHAT and split[1] not in STOPWORDS:
        split = split[2:]  # "ما أفاد", not "ما لا يقل عن"
    if split and _event_object(split[0]):
        return ""  # "وأعلن مقتل 30 شخصا": the verb's object, its subject unnamed
    words = _name_words(
        split,
        set_apart=(stop is not None and stop.group() == ",")
        or (after_quote and (stop is None or stop.group() == ".")),
    )
    said = [i for i, word in enumerate(words) if word in SAY_AFTER_WORDS]
    if said:
        words = words[: said[0]]
    if words and words[0] in PRONOUNS:
        return ""
    named = [word for word in words if word not in STOPWORDS]
    if named and named[0] in NON_SOURCES:
        # "حسب التقديرات": what the figure rests on; "حسب آخر حصيلة أوردها الصليب الأحمر":
        # the Red Cross.
        given = next((i for i, word in enumerate(split) if word in GIVEN_BY), None)
        words = [] if given is None else _name_words(split[given + 1 :])
    elif words and len(words) == len(split):
        words += _apposed_after(folded, stop)
    return _tidy(words)


def _abbreviation_dot(folded: str, at: int) -> bool:
    """Whether the full stop at ``at`` ends a one-letter initial or an abbreviation ("u.s.",
    "rear adm.": lang ABBREVIATIONS), not a clause."""
    if folded[at] != ".":
        return False
    word = folded[:at].rsplit(None, 1)[-1] if folded[:at].strip() else ""
    word = word.lstrip("\"'(")
    return abbreviated(word) or (len(word) >= 3 and word[-2] == "." and word[-1].isalpha())


def _apposed_after(folded: str, comma: re.Match[str] | None) -> list[str]:
    """The words of a name or a title set apart by commas right after a source's words ("أعلن
    وزير الصحة، حسن حمد، أن", "according to the minister, Hamad Hassan, ..."); none when what
    the commas hold is no part of a name: a time ("الخميس"), a place or a document ("في
    بيان"), whom or through what it spoke ("نقلا عن ..."), a relative clause."""
    if comma is None or comma.group() != ",":
        return []
    closing = CLAUSE_BREAK_RE.search(folded, comma.end())
    if closing is None or closing.group() != ",":
        return []
    split = folded[comma.end() : closing.start()].split()
    if not split or len(split) > SOURCE_MAX_WORDS:
        return []
    first = split[0]
    if first in STOPWORDS or first in PRONOUNS or first in RELATIVE_PRONOUNS or first in DAYPARTS:
        return []
    words = _name_words(split)
    return words if len(words) == len(split) else []


def _tidy(words: list[str]) -> str:
    """A source's words as a name: none that opens with a place or a time ("near the
    epicenter", "for nearly a week") or is a single letter, none ending on a word that
    needs the next ("an official with the", "رئيس بلدية درنة عبد"), and no word joining
    it to the sentence before ("and the ministry")."""
    while words and (words[-1] in STOPWORDS or words[-1] in NAME_PARTICLES):
        words = words[:-1]
    while words and words[0] in SOURCE_LEADING_JOINERS:
        words = words[1:]
    if (
        not words
        or words[0] in SOURCE_PREPOSITIONS
        or SOURCE_NEAR.intersection(words)
        or len("".join(words)) < 2
    ):
        return ""
    return " ".join(words)


def _name_words(split: list[str], *, set_apart: bool = False) -> list[str]:
    """The words of a source's name at the start of split (the words after its verb): up to
    SOURCE_MAX_WORDS, or up to APPOSITION_MAX_WORDS when a word that opens what was said
    ends them ("قال رئيس بلدية طلبرة سامر الخوري إن": a title and a name, all the subject),
    or when a comma does (set_apart: split is all the words before one, "قال الأمين العام
    لحزب الخضر سامر الخوري، في كلمة ...")."""
    opener = next(
        (k for k, word in enumerate(split[: APPOSITION_MAX_WORDS + 1]) if word in _CONTENT_OPENERS),
        None,
    )
    if opener is None and set_apart and len(split) <= APPOSITION_MAX_WORDS:
        opener = len(split)
    longest = SOURCE_MAX_WORDS if opener is None else max(SOURCE_MAX_WORDS, opener)
    words: list[str] = []
    for k, raw in enumerate(split):
        word = raw.strip(_DASHES)  # "الهلال -عبر حسابه"
        if not word or (words and _clause_after_name(word, split[k + 1 : k + 2])):
            break
        named = [w for w in words if w not in STOPWORDS]
        if len(named) == 1 and named[0] in SOURCE_DOCUMENTS and word in SOURCE_DOCUMENT_LINKS:
            words = []  # "a statement from the army": the army
            continue
        named_medium = len(words) == 1 and words[0] in MEDIUM_HEADS
        if (word in SOURCE_STOPS and not named_medium) or word[0].isdigit():
            break
        if len(words) == longest:
            break
        if words and not named_medium and (word in SOURCE_OBJECTS or _event_object(word)):
            break
        if words and _owned_after_definite(words[-1], word):
            break
        if word in SOURCE_ADVERBS or (not words and (word in SAY_VERBS or word in SAID_OF)):
            if words:
                break
            continue  # "وقال أيضا وزير الصحة", "وذكر صرح ...": the source is still ahead
        words.append(word)
    return words


def _clause_after_name(word: str, following: list[str]) -> bool:
    """Whether a word after a source's first word opens a clause about it rather than going
    on with its name: a relative pronoun ("المصدر الذي طلب ...", "a source who asked ..."),
    or a verb of asking or refusing before what it withheld ("مصدر رفض الكشف عن هويته")."""
    return word in RELATIVE_PRONOUNS or (
        word in ANONYMITY_VERBS and bool(following) and following[0] in ANONYMITY_WITHHELD
    )


def _event_object(word: str) -> bool:
    """Whether a word is what a source announced happened ("مقتل", "تعاقده")."""
    return word in EVENT_OBJECTS or any(
        word.endswith(suffix) and word[: -len(suffix)] in EVENT_OBJECTS
        for suffix in OBJECT_SUFFIXES
    )


def _owned_after_definite(before: str, word: str) -> bool:
    """Whether a word that owns by a pronoun suffix follows a definite word (lang
    OWNED_SUFFIXES): the verb's object, not more of the source's name."""
    return (
        without_article(before) != before
        and not word.startswith(OWNED_KEEPING_CLITICS)
        and any(
            word.endswith(suffix) and len(word) - len(suffix) >= DEFINITE_MIN_LETTERS
            for suffix in OWNED_SUFFIXES
        )
    )


def _had_said(folded: str) -> str:
    """The source of "كان X (قد) قال" or of "بينما X قالت إن": X, as a name (_name_words,
    _tidy)."""
    found = _HAD_SAID_RE.search(folded) or _SUBJECT_FIRST_RE.search(folded)
    if not found:
        return ""
    split = [word.strip("\"',;") for word in found["who"].split()]
    words = _name_words(split)
    return _tidy(words) if len(words) == len(split) else ""


def _source_before(folded: str) -> str:
    """The source's words before a verb of saying that follows it, back to a stop word."""
    english = _ATTRIBUTION_BEFORE_RE.search(folded) or _STATED_BEFORE_RE.search(folded)
    if english:
        return _source_of_verb(folded, english)
    found = _apposed_source(folded) or _had_said(folded)
    described = None if found else _DESCRIBED_BEFORE_RE.search(folded)
    return _source_of_verb(folded, described) if described else found


def _source_of_verb(folded: str, english: re.Match[str]) -> str:
    """The source's words in the words before an English verb of saying (its match)."""
    words = [w.strip("\"'’") for w in english["who"].split()]
    _drop_when_said(words)
    if words and words[-1] in PASSIVE_BEFORE_SAY:
        return ""  # "the crash was reported", "it has been reported that"
    if words and words[0] in SOURCE_ADVERBS:
        # "reports earlier that day said": the words of the time filled the match, and the
        # source is before them.
        preceding = folded[: english.start("who")].split()[-SOURCE_MAX_WORDS:]
        words = [w.strip("\"'’,") for w in preceding] + words
    relative = [i for i, word in enumerate(words) if word in RELATIVE_PRONOUNS]
    if relative:
        i = relative[-1]
        if i < len(words) - 1:
            words = words[i + 1 :]  # "which the authorities said": they say
        elif i > 0:
            words = words[:i]  # "officials who said": the officials say
        else:
            # "Captain Lena Ward of the harbour patrol, who told": the noun before says.
            before = folded[: english.start("who")].rstrip(" ,")
            words = [w.strip("\"'’,") for w in before.split()[-SOURCE_MAX_WORDS:]]
    if not words or words[-1] in PRONOUNS or words[-1] in SAYING_CONJUNCTIONS:
        # "... he said"; "the survey read the magnitude on the Richter scale and said": the
        # sayer is further back than the words before the verb, and unknown.
        return ""
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in SOURCE_PLACE_LINKS and i > 0 and words[i - 1] not in STOPWORDS:
            kept = []  # "officials in the town": the place the source is in
            continue
        if (word in SOURCE_STOPS and not _title_of(words, i)) or not word:
            break
        if word in SOURCE_ADVERBS and not kept:
            # "reports earlier that day said": a time, whose words after it a place link
            # ("in") set aside; the source is before it.
            continue
        kept.insert(0, word)
    return _tidy(kept)


def _apposed_source(folded: str) -> str:
    """The source named twice before its verb, apart by commas ("the port's director, Lena
    Ward, said"): both parts, the first back to a stop word. A part that opens with a stop
    word or a place ("the ministry, in a statement, said") is no name: the first alone."""
    found = _APPOSITIVE_BEFORE_RE.search(folded) or _RELATIVE_ASIDE_BEFORE_RE.search(folded)
    if not found:
        return ""
    words = found["head"].split()
    if DAYS.intersection(words) or any(char.isdigit() for char in found["head"]):
        return ""  # "Tuesday, June 20, said": a date, not a name
    head: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if (word in SOURCE_STOPS and not _title_of(words, i)) or word in SAYING_CONJUNCTIONS:
            if head and word in SOURCE_STOPS:
                # "residents of Derna, Libya, said": the place the sayers are of, not them.
                return ""
            break
        head.insert(0, word)
    apposed = found["apposed"].split() if "apposed" in found.groupdict() else []
    if len(apposed) > SOURCE_MAX_WORDS:
        # "Lena Ward, an adviser to the port authority, said": a title too long for a
        # name; the name before it is the source.
        apposed = []
    if apposed and (
        apposed[0] in RELATIVE_PRONOUNS
        or apposed[0] in SOURCE_STOPS
        or apposed[0] in SOURCE_PREPOSITIONS
        or any(char.isdigit() for char in found["apposed"])
    ):
        # "in a statement", an age ("Omar Ward, 72, said"), a date or what the source does
        # ("the ministry, which oversees the port, said")
        apposed = []
    words = head + apposed
    if any(word in PRONOUNS for word in words):
        return ""
    return _tidy(words)


def _title_of(words: Sequence[str], i: int) -> bool:
    """Whether the word at i is an "of" after a title, part of the name ("the governor of
    Beirut")."""
    return words[i] == OF_AFTER_TITLE and i > 0 and words[i - 1] in SOURCE_TITLES


def _drop_when_said(words: list[str]) -> None:
    """Drop the words at the end that say when or how the source spoke, not who it is: "the
    ministry had earlier", "officials on Tuesday"."""
    while words:
        if words[-1] in SOURCE_ADVERBS:
            words.pop()
        elif len(words) > 1 and words[-1] in DAYS and words[-2] == ON_DAY:
            del words[-2:]
        else:
            return
