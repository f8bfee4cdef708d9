"""English word lists (folded forms, that is lower case: see the package docstring).

Grouped by the stage that reads them; ar.py defines the same names.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- normalize

# Affixes peeled by light_stem: English words go to the Snowball stemmer instead.
STEM_PREFIXES: tuple[str, ...] = ()
STEM_SUFFIXES: tuple[str, ...] = ()

# Words that carry no content for matching.
STOPWORDS = frozenset(
    """the a an of to in on for and or is are was were be been by with at from that this as
    it its""".split()
)
NEGATIONS = frozenset("not no never denied denies".split())

# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Endings of ordinal day numbers ("7th October").
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# "of" between a number or a day and its noun ("7 of October", "two of the").
OF_WORDS = ("of",)
# Words for "year" written before a year's digits.
YEAR_LABELS: tuple[str, ...] = ()
# Words right before a bare number that make it a year ("since 2008", "in 2008").
YEAR_CUES = ("year", "in", "since")
# Words after a month or a year that place it against the publication date.
RELATIVE_AFTER: dict[str, int] = {}
# Words before a month or a year that do the same, with the direction they count in ("last
# August": the last August before publication).
RELATIVE_BEFORE: dict[str, int] = {"last": -1, "next": 1, "this": 0}
# The current year, said after or before the word for year ("this" is in RELATIVE_BEFORE).
THIS_YEAR_AFTER: tuple[str, ...] = ()
THIS_YEAR_BEFORE: tuple[str, ...] = ()
# The words for year in those phrases.
YEAR_NOUNS = ("year",)
# Days named relative to the publication date, and their offset in days.
RELATIVE_DAYS: dict[str, int] = {"yesterday": -1, "today": 0, "tomorrow": 1}
# Words after a relative day that make it some other day.
RELATIVE_DAY_BLOCKERS: tuple[str, ...] = ()

# --------------------------------------------------------------------------- numbers

NUMBER_WORDS: dict[str, int] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
SCALES: dict[str, int] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "trillion": 10**12,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    "k": 1_000,
}
# Scales written as abbreviations, read only glued to an amount after a currency sign
# ("$10m", "€2.5bn", but not "100m sprint").
ABBREVIATED_SCALES = frozenset({"m", "k", "bn"})
# Scale words that also stand alone as a quantity ("a million dollars").
STANDALONE_SCALES = ("thousand", "million", "billion")

# Currency word -> (default code, {qualifier: code}).
CURRENCIES: dict[str, tuple[str, dict[str, str]]] = {
    "dollar": ("USD", {}),
    "euro": ("EUR", {}),
    "pound": ("GBP", {}),
    "rouble": ("RUB", {}),
    "ruble": ("RUB", {}),
    "yuan": ("CNY", {}),
    "usd": ("USD", {}),
    "eur": ("EUR", {}),
    "gbp": ("GBP", {}),
}
# Inflected forms of the currency words above -> base form.
CURRENCY_FORMS: dict[str, str] = {
    "dollars": "dollar",
    "euros": "euro",
    "pounds": "pound",
    "roubles": "rouble",
    "rubles": "ruble",
}
# Currency signs and codes written before the amount -> code. The signs serve Arabic text as
# well; they sit here because they are written the English way round ("$10", "USD 10").
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
# Words for "percent" after a number; a space stands for any whitespace.
PERCENT_WORDS = ("per cent", "percent", "pct")

TIME_UNITS: dict[str, str] = {
    "year": "year",
    "years": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "decade": "decade",
    "decades": "decade",
}
# Duals of time units: the word alone means "two <unit>".
TIME_DUALS: dict[str, str] = {}
# Words that look like duals without being duals.
NOT_DUALS: frozenset[str] = frozenset()

# What a duration measures, when one of these words sits just before it: a prison term
# and time served must never be compared as one quantity.
DURATION_SUBJECTS: dict[str, str] = {
    "prison": "prison",
    "jail": "prison",
    "sentence": "prison",
    "sentenced": "prison",
    "jailed": "prison",
    "imprisoned": "prison",
    "served": "served",
    "spent": "served",
    "serving": "served",
}
# Words between a quantity and what it measures that say nothing about it.
FILLERS = frozenset("""for over more than less about around nearly almost some worth up""".split())
# Proclitics peeled off a word before looking it up in a word list.
PROCLITICS: tuple[str, ...] = ()

# Ages: words before the number ("aged 64"; a space stands for any whitespace) ...
AGE_BEFORE = ("aged", "age", "age of")
# ... "of age", which may follow them ...
AGE_OF: tuple[str, ...] = ()
# ... hedges between those words and the number ("aged about 64") ...
AGE_HEDGES = ("about",)
# ... words after the number ("64 years old", "a 64-year-old") ...
AGE_AFTER = ("old",)
# ... and the words that say age without naming the unit ("aged 57").
AGE_WITHOUT_UNIT = ("aged", "age of")
# "Ago": words before the time, hedges after them, and words after the time ("3 years ago").
AGO_BEFORE: tuple[str, ...] = ()
AGO_HEDGES: tuple[str, ...] = ()
AGO_AFTER = ("ago",)

# --------------------------------------------------------------------------- facts

# Canonical negation value for inflected denials ("denies" -> "denied").
NEGATION_FORMS: dict[str, str] = {
    **{word: word for word in NEGATIONS},
    "never": "never",
    "not": "not",
    "no": "no",
    "deny": "denied",
    "denies": "denied",
    "denied": "denied",
}
# Words after a negation that make it none.
NEGATION_BLOCKERS: tuple[str, ...] = ()
# Negations glued to the end of a word ("didn't"), and their canonical value.
NEGATION_SUFFIXES: dict[str, str] = {"n't": "not"}
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(
        """rise rises rose risen rising increase increased increases increasing
        higher grew grow grows growth surge surged""".split(),
        "up",
    ),
    **dict.fromkeys(
        """fall falls fell fallen falling decrease decreased decreases decline
        declined declines lower drop dropped drops""".split(),
        "down",
    ),
}
# Words after which a token is cheaply known to be a name.
NAME_INTRODUCERS: frozenset[str] = frozenset()
# Capitalised words that start runs without being names.
NON_NAMES = frozenset(
    """the a an this that these those it he she they we i in on at for but and or if when
    while after before as mr mrs ms dr monday tuesday wednesday thursday friday saturday
    sunday""".split()
    + list(MONTHS)
)
# Words that join the capitalised words of one name ("Bank of England", "Osama bin Laden");
# a trailing space is any whitespace, and a hyphen glues the word to the name (al-Assad).
NAME_JOINERS = ("of ", "the ", "al-", "bin ", "de ")

# --------------------------------------------------------------------------- attribution

# Verbs of saying that come before the source.
SAY_BEFORE_SOURCE: tuple[str, ...] = ()
# ... that come after it ("the Kremlin said") ...
SAY_AFTER_SOURCE = ("said", "says", "told")
# ... and that introduce the source only before a quote ('said "..."').
SAY_BEFORE_QUOTE = ("said",)
# Phrases followed by the source ("according to Reuters"); a space stands for any whitespace.
ACCORDING_TO = ("according to",)
# Words that end the name of a source: "according to X on Monday".
SOURCE_STOPS = frozenset(
    """that on in at of to he she it they we on monday tuesday wednesday
    thursday friday saturday sunday""".split()
)
# A pronoun is no source worth naming.
PRONOUNS = frozenset("he she it they we i you".split())

# --------------------------------------------------------------------------- segment

# Abbreviations whose full stop ends no sentence (lowercase, without their last dot; raw
# text, not folded).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev inc ltd co corp vs
    etc no nos fig approx dept est u.s u.k u.n e.u a.m p.m i.e e.g jan feb mar apr jun jul
    aug sep sept oct nov dec""".split()
)
# Words that open a clause after a comma (", while ...").
CLAUSE_OPENERS = ("while", "whereas", "but")
# Words that open a clause without a comma before them.
CLAUSE_OPENERS_NO_COMMA: tuple[str, ...] = ()

# --------------------------------------------------------------------------- clean
# Matched on folded lines.

# A short line starting with one of these is a furniture prompt (logo, share, follow ...).
FURNITURE_PREFIXES = (
    "logo",
    "home",
    "menu",
    "search",
    "share",
    "share this",
    "shares",
    "print",
    "email",
    "tweet",
    "advertisement",
    "sponsored",
    "read more",
    "read also",
    "see also",
    "listen",
    "subscribe",
    "sign up",
    "follow us",
    "more on",
    "you may also like",
    "recommended",
    "trending",
    "short link",
    "shortlink",
    "permalink",
)
# ... and one starting with one of these words (not a longer word: "relatedly") too.
FURNITURE_WORDS = ("related", "related news", "related articles", "related stories")
# Headings (the whole line, an optional colon after) that open a block of related headlines.
RELATED_HEADINGS = (
    "related",
    "related news",
    "related articles",
    "related stories",
    "related content",
    "read also",
    "see also",
    "more on this",
    "you may also like",
    "recommended",
)
# Copyright notices: phrases anywhere in a line, and words that start one.
RIGHTS_RESERVED = ("all rights reserved",)
COPYRIGHT_WORDS = ("copyright",)
# Words removed from a copyright line before reading the company's name from it (matched in
# any case).
COMPANY_NOISE = ("all rights reserved", "copyright", "powered by")
# Photo captions: labels followed by a colon, anywhere in the line ...
CAPTION_LABELS: tuple[str, ...] = ()
# ... words followed by a colon as whole words, optionally plural or with "credit" after
# ("Photo:", "Photos:", "Photo credit:") ...
CAPTION_CREDIT_WORDS = ("photo", "image", "picture", "credit", "photograph", "file photo")
# ... and phrases anywhere in the line.
CAPTION_PHRASES = ("getty images",)
# Words that start a byline ("By Jane Doe").
BYLINE_WORDS = ("by", "reporting by", "written by")
# Words that start a dateline ("Published: ...").
DATELINE_WORDS = ("published", "updated", "posted", "last updated")

# --------------------------------------------------------------------------- align

# Words that never make two claims match: words of saying and sourcing say who speaks, not
# what happened (the relate stage compares attribution), and modals and pronouns of news
# prose carry no fact.
MATCH_STOPWORDS = frozenset(
    """said says told reported reports according report newspaper sources source could would
    may might also which who that this these those there their has have had will""".split()
)

# --------------------------------------------------------------------------- relate

# Negations beyond NEGATIONS that the relate stage counts.
EXTRA_NEGATIONS = frozenset("cannot without deny denied denies nor".split())
NEGATION_CLITICS: tuple[str, ...] = ()
# Negations the tokenizer splits in two, as "word word": didn't -> "didn t". Only the pair
# negates: "won" and "can" alone are words of their own ("the team won").
NEGATION_CONTRACTIONS = frozenset(
    {
        "didn t",
        "doesn t",
        "don t",
        "isn t",
        "wasn t",
        "weren t",
        "aren t",
        "won t",
        "can t",
        "couldn t",
        "wouldn t",
        "shouldn t",
        "hasn t",
        "haven t",
        "hadn t",
    }
)

# Direction roots, matched inside a word; "^" ties a root to the start of the word, "$" to
# its end ("^rise" is not "sunrise", "^up$" not "update"). Written by hand from news
# vocabulary.
UP_ROOTS = tuple(
    """^rise ^rose ^risen ^rising ^up$ increas gain higher highest jump surg climb soar
    confirm""".split()
)
DOWN_ROOTS = tuple(
    """^fall ^fell drop declin lower lowest ^down$ decreas plung slump tumbl ^sink ^sank
    ^deni ^deny""".split()
)
# Confirming and denying: a direction of their own (see ar.py).
STANCE_ROOTS = ("confirm", "^deni", "^deny")

# Opposite roots for the learned model's hand_antonym feature (see ar.py).
ANTONYM_ROOTS: dict[str, str] = {
    "open": "clos",
    "win": "los",
    "accept": "reject",
    "allow": "ban",
    "profit": "loss",
    "succe": "fail",
}

# Locative prepositions: a name swapped right after one of them is a place.
LOCATIVES = frozenset("in at near from to".split())
LOCATIVE_CLITICS: tuple[str, ...] = ()
# Words that introduce a date and say nothing about which event it dates.
DATE_WORDS = frozenset("year in since on during".split())

# Skeletons are an Arabic matter (English words go to the Snowball stemmer).
SKELETON_PREFIXES: tuple[str, ...] = ()
SKELETON_SUFFIXES: tuple[str, ...] = ()
LONG_VOWELS: tuple[str, ...] = ()
