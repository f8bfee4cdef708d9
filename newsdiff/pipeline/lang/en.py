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
# Words right before a month named alone ("in August", "since March"); "may" alone is a verb.
MONTH_CUES = (
    "in",
    "during",
    "since",
    "until",
    "by",
    "early",
    "late",
    "mid",
    "end of",
    "in early",
    "in late",
    "in mid",
)
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
# Weekday names and their Python weekday (Monday 0), resolved against the publication date.
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# --------------------------------------------------------------------------- numbers

# Number words: "one" counts only in a compound ("one of" is no count), and "hundred" only
# after a number or "a" (HUNDRED_WORDS).
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Number words that count only inside a compound ("twenty-one", "one hundred").
COMPOUND_NUMBER_WORDS: dict[str, int] = {"one": 1}
# The ten of the teens after a unit: English teens are one word.
TEEN_WORDS: tuple[str, ...] = ()
# Words that multiply a number below a hundred written before them ("five hundred").
HUNDRED_WORDS: dict[str, int] = {"hundred": 100}
# Duals of the scales: English has none.
SCALE_DUALS: dict[str, int] = {}
# Fractions of a scale -> denominator: "half a million", "two and a half million". "A dozen"
# is read as no number: news writes it as an estimate.
FRACTION_WORDS: dict[str, int] = {"half": 2, "quarter": 4}
# An article that counts one before a hundred, a scale or a fraction ("a million").
NUMBER_ARTICLES = ("a",)
# "and" between the parts of a compound ("one hundred and fifty"), as a word and as a prefix.
NUMBER_CONJUNCTIONS = ("and",)
NUMBER_CONJUNCTION_PREFIXES: tuple[str, ...] = ()
# Ordinals before a number word (see ar.py), and after a hyphen ("the twenty-first century").
ORDINALS_BEFORE: tuple[str, ...] = ()
ORDINALS_AFTER = tuple("first second third fourth fifth sixth seventh eighth ninth".split())
# Words around a written number that make it approximate ("several thousand", "a few
# hundred", "multi-million", "thirty-odd"): no exact value is read from it. "hundreds of",
# "thousands of", "dozens of" hold no number word at all.
APPROXIMATE_BEFORE = ("few", "several", "many", "multi")
APPROXIMATE_AFTER = ("odd", "or so", "something")
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
FILLERS = frozenset(
    """for over more than less about around nearly almost some worth up earlier previously
    initially already had has have""".split()
)
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
# Capitalised words that start runs without being names (the scales of a temperature too).
NON_NAMES = frozenset(
    """the a an this that these those it he she they we i in on at for but and or if when
    while after before as mr mrs ms dr monday tuesday wednesday thursday friday saturday
    sunday celsius fahrenheit centigrade""".split()
    + list(MONTHS)
)
# Words that join the capitalised words of one name ("Bank of England", "Osama bin Laden");
# a trailing space is any whitespace, and a hyphen glues the word to the name (al-Assad).
NAME_JOINERS = ("of ", "the ", "al-", "bin ", "de ")

# --------------------------------------------------------------------------- attribution

# Verbs of saying that come before the source.
SAY_BEFORE_SOURCE: tuple[str, ...] = ()
# ... that come after it ("the Kremlin said", and the denier: "Russia denied") ...
# "كان X قد قال" (see ar.py): English words it with "had", after the source.
HAD_WORDS: tuple[str, ...] = ()
HAD_SAID_EXTRA: tuple[str, ...] = ()
# "قدّر X الخسائر ب" (see ar.py): English puts the estimator first ("the governor estimated").
ESTIMATE_BEFORE_SOURCE: tuple[str, ...] = ()
ESTIMATED_OBJECTS: frozenset[str] = frozenset()
# "بينما X قالت إن" (see ar.py): English puts its sources first anyway.
SUBJECT_FIRST_OPENERS: tuple[str, ...] = ()
SUBJECT_FIRST_THAT: tuple[str, ...] = ()
SAY_AFTER_SOURCE = ("said", "says", "told", "denied", "denies")
# ... and verbs of calling, read only where no verb of saying names a source: "the coach
# described the claim as baseless" quotes the coach.
DESCRIBE_AFTER_SOURCE = ("described", "describes")
# ... and those that are past participles too ("deaths reported at the camp", "the last
# reported position"): after their source only where a statement follows ("reported that",
# ", the agency reported.", "confirmed on radio that").
STATE_AFTER_SOURCE = (
    "stated",
    "announced",
    "confirmed",
    "reported",
    "added",
    "estimated",
    "warned",
)
# Words right before such a verb that make it passive or deny it ("the crash was reported",
# "it has been reported that", "officials have not confirmed"): who spoke is unnamed.
PASSIVE_BEFORE_SAY = frozenset("is are was were be been being not".split())
# Words that open what a verb of saying says (see ar.py): "said that ...".
STATEMENT_CONTENT_OPENERS = ("that",)
# ... and that introduce the source only before a quote ('said "..."').
SAY_BEFORE_QUOTE = ("said",)
# ... and that name it after a quotation they close ('"The port is closed," said Lena Ward',
# '"...," he added'): the source follows the verb.
SAY_AFTER_QUOTE = ("said", "says", "added", "adds", "explained", "continued", "noted", "wrote")
# Phrases followed by the source ("according to Reuters"); a space stands for any whitespace.
ACCORDING_TO = ("according to",)
# Words of a source that only say what kind of place the next word names.
SOURCE_PLACE_NOUNS = frozenset({"city", "town", "village"})
# A head of a body speaks for it (see ar.py): "the health minister" is "the health ministry".
SOURCE_BODY_OF_HEAD = {"minister": "ministry", "minister's": "ministry's"}
# A ministry named by its portfolio alone (see ar.py): "interior ministry", "ministry of the
# interior", "the country's health ministry".
MINISTRY_WORDS = frozenset({"ministry"})
# Words that leave a ministry unplaced: "the country's interior ministry", "ministry of the
# interior" is the story's own country's.
OWN_COUNTRY_WORDS = frozenset({"country's", "of", "the"})
FEMININE_ENDINGS: tuple[str, ...] = ()
# English plurals name other sources ("officials", "an official"): none is dropped.
NAME_PLURAL_ENDINGS: tuple[str, ...] = ()
PORTFOLIOS = {
    "interior": "interior",
    "health": "health",
    "defence": "defence",
    "defense": "defence",
    "foreign": "foreign",
    "justice": "justice",
    "finance": "finance",
    "transport": "transport",
}
# Words that end the name of a source: "according to X on Monday", "But the cabinet said".
SOURCE_STOPS = frozenset(
    """that on in at of to he she it they we on monday tuesday wednesday
    thursday friday saturday sunday after before when while because since until where as
    but yet however""".split()
)
# Words that join a source's sentence to the one before, not part of its name: "And the
# ministry said" (not a stop: "the Ministry of Health and Population said").
SOURCE_LEADING_JOINERS = frozenset({"and", "or", "so"})
# Words that put the source further on (see ar.py).
SOURCE_WHAT: frozenset[str] = frozenset()
# Titles whose "of" belongs to the source's name ("the governor of Beirut said"): the name
# reads on past "of" after one of them.
SOURCE_TITLES = frozenset(
    """governor mayor head chief minister president spokesman spokeswoman spokesperson director
    secretary chairman chairwoman commander leader ambassador""".split()
)
# A pronoun is no source worth naming.
PRONOUNS = frozenset("he she it they we i you".split())
# A source that names none but the one quoted before it (see ar.py; without "the").
SAME_SOURCE = frozenset({"same source", "same sources", "same official", "same officials"})
DEFINITE_PREFIXES: tuple[str, ...] = ()
# "the agency" is the "... agency" named before it.
DEFINITE_WORDS = frozenset({"the"})
# Relative pronouns before a verb of saying: alone, they stand for the noun before them
# ("Captain Lena Ward of the harbour patrol, who told ..."); before a name, the name says
# ("which the authorities said ...").
RELATIVE_PRONOUNS = frozenset({"who", "which"})
# Clauses that keep a source anonymous, between its name and its verb of saying: left out
# when reading the source ("an official who asked not to be named said": an official).
ANONYMITY_CLAUSES = (
    "who asked not to be named",
    "who asked not to be identified",
    "who declined to be named",
    "who declined to be identified",
    "who requested anonymity",
    "who spoke on condition of anonymity",
    "speaking on condition of anonymity",
    "on condition of anonymity",
)
# A source kept anonymous (see ar.py): none needed, the relative pronoun ends the name ("a
# source who asked not to be named").
ANONYMITY_VERBS: frozenset[str] = frozenset()
ANONYMITY_WITHHELD: frozenset[str] = frozenset()
# Words between a source and its verb that say when or how it spoke, not who it is: "the
# ministry later said", "the mayor had earlier said", "officials on Tuesday said".
SOURCE_ADVERBS = frozenset(
    """also later earlier previously initially originally first subsequently separately
    reportedly again further then now already once officially publicly repeatedly had has
    have yesterday today tonight angrily flatly strongly firmly categorically vehemently
    emphatically""".split()
)
# The verb's pronoun complement before its source (see ar.py): English has none there.
SAID_OF: frozenset[str] = frozenset()
# Words that start the object of a verb of saying after a source's first word (the source
# comes before the verb in English, so none are needed).
SOURCE_OBJECTS: frozenset[str] = frozenset()
EVENT_OBJECTS: frozenset[str] = frozenset()
OBJECT_SUFFIXES: tuple[str, ...] = ()
OWNED_SUFFIXES: tuple[str, ...] = ()
OWNED_KEEPING_CLITICS: tuple[str, ...] = ()
MEDIUM_HEADS: frozenset[str] = frozenset()
# What a source said through, whose author follows "from" or "by" ("according to a statement
# by the army": the army).
SOURCE_DOCUMENTS = frozenset("statement report post interview".split())
SOURCE_DOCUMENT_LINKS = frozenset({"from", "by"})
# Words that open a place or a time, not a name ("a town near the epicenter told", "stuck in
# the canal for nearly a week said"): a source read as starting with one is none.
SOURCE_PREPOSITIONS = frozenset("near for from with by during over under across into".split())
# ... and "near" anywhere in one: the name before the place it is near is out of sight ("the
# mayor of a village near the harbour told").
SOURCE_NEAR = frozenset({"near"})
# Words that cannot end a name ("رئيس بلدية درنة عبد" cut at four words; see ar.py).
NAME_PARTICLES: frozenset[str] = frozenset()
# After a source's head, "in" opens the place it is in ("officials in the town said"): the
# source is the words before it. Arabic names its source after the verb, where "في" ends it.
SOURCE_PLACE_LINKS = frozenset({"in"})
# What a figure rests on, not who gives it ("according to estimates"; see ar.py).
NON_SOURCES = frozenset("estimates estimate figures data statistics calculations".split())
# ... unless "by" says who gave it ("according to figures released by the ministry").
GIVEN_BY = frozenset({"by"})
# Verbs that open a sentence continuing the last named speaker's quote (an Arabic word order:
# see ar.py) ...
QUOTE_CONTINUERS: tuple[str, ...] = ()
# ... and verbs that do so after a pronoun ('"...", he added.', "She said the talks ..."):
# with no source of its own, the sentence speaks for the last named speaker.
QUOTE_CONTINUERS_AFTER_PRONOUN = tuple(
    """said says added adds told continued explained noted stressed insisted warned argued
    wrote""".split()
)
# Names of one actor (lower case, without a leading "the") -> one key shared by every
# language (see ar.py): the Houthis are Ansar Allah, but the Kremlin is not Moscow
# (RELATED_ACTORS).
ACTOR_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        (
            "houthis",
            "houthi",
            "houthi rebels",
            "houthi movement",
            "ansar allah",
            "ansarallah",
        ),
        "houthis",
    ),
    **dict.fromkeys(("hezbollah", "hizbollah"), "hezbollah"),
    **dict.fromkeys(("hamas",), "hamas"),
    **dict.fromkeys(("isis", "isil", "islamic state", "daesh"), "islamic-state"),
    **dict.fromkeys(("un", "united nations"), "united-nations"),
    **dict.fromkeys(("wall street journal", "wsj"), "wall-street-journal"),
    # The agencies and bodies whose figures world news quotes most (see ar.py), by the words
    # of their names that a source is read to (SOURCE_MAX_WORDS).
    **dict.fromkeys(
        (
            "us geological survey",
            "u.s. geological survey",
            "united states geological survey",
            "usgs",
        ),
        "us-geological-survey",
    ),
    **dict.fromkeys(
        (
            "european-mediterranean seismological centre",
            "european-mediterranean seismological center",
            "euro-mediterranean seismological centre",
            "euro-mediterranean seismological center",
            "emsc",
        ),
        "emsc",
    ),
    **dict.fromkeys(
        (
            "gfz",
            "germany's gfz",
            "germany's geosciences center gfz",
            "germany's geosciences centre gfz",
            "german research centre",
            "german research center",
        ),
        "gfz",
    ),
    **dict.fromkeys(
        ("world health organization", "world health organisation"), "world-health-organization"
    ),
    **dict.fromkeys(
        ("ocha", "un ocha", "un humanitarian office", "un's humanitarian office"), "un-ocha"
    ),
    **dict.fromkeys(
        (
            "international organization for migration",
            "international organisation for migration",
            "iom",
            "un migration agency",
        ),
        "iom",
    ),
    **dict.fromkeys(("unicef",), "unicef"),
    **dict.fromkeys(("unhcr", "un refugee agency", "un's refugee agency"), "unhcr"),
    **dict.fromkeys(("world food programme", "world food program", "wfp"), "wfp"),
    **dict.fromkeys(("icrc",), "icrc"),
    **dict.fromkeys(("ifrc",), "ifrc"),
    **dict.fromkeys(("afp", "agence france-presse", "agence france presse"), "afp"),
    **dict.fromkeys(("reuters",), "reuters"),
    **dict.fromkeys(("state television", "state tv"), "state-television"),
    **dict.fromkeys(("associated press", "ap"), "associated-press"),
}

# --------------------------------------------------------------------------- segment

# Abbreviations whose full stop ends no sentence (lowercase, without their last dot; raw
# text, not folded).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev adm maj cmdr brig inc
    ltd co corp vs
    etc no nos fig approx dept est u.s u.k u.n e.u a.m p.m i.e e.g jan feb mar apr jun jul
    aug sep sept oct nov dec""".split()
)
# Words that open a clause after a comma (", while ...").
CLAUSE_OPENERS = ("while", "whereas", "but")
# Words that open a clause without a comma before them.
CLAUSE_OPENERS_NO_COMMA: tuple[str, ...] = ()
# Words that open a clause without a comma before them when a relative pronoun
# (CLAUSE_RELATIVES) follows their noun: a second event told beside the first ("... when it
# struck at 2.40 am with a tremor that reached 4.2 ... half an hour later").
CLAUSE_OPENERS_BEFORE_RELATIVE = ("with a", "with an")
CLAUSE_RELATIVES = ("that", "which")
# A second verb of saying that opens a second statement of the same speaker, in a sentence of
# any length ("Ward said divers are searching the wreck but added that the water is cold"):
# two statements, two claims. Whole words, lower case as in a sentence.
SECOND_STATEMENT_OPENERS = ("but added", "and added", "but warned", "and warned")
# A sentence that opens with these and names only its source ("According to Reuters.").
SOURCE_TAIL_OPENERS = ("according to", "citing")

# --------------------------------------------------------------------------- clean
# Matched on folded lines.

# A short line starting with one of these phrases (whole words) is a furniture prompt, even
# one that ends like a sentence ("Follow us on Facebook.").
FURNITURE_PREFIXES = (
    "read more",
    "read also",
    "also read",
    "see also",
    "follow us",
    "sign up",
    "you may also like",
    "short link",
    "shortlink",
    "permalink",
    "share this",
    "share on",
    "share via",
    "skip to",
    "copy link",
    "link copied",
    "click here",
    "download the app",
    "get the app",
    "reporting by",
    "additional reporting",
    "writing by",
    "editing by",
)
# Words that label furniture but also open real sentences ("Search teams found ...",
# "Shares fell ...", "Home Secretary"): a short line starting with one is furniture only when
# it does not read as a sentence.
FURNITURE_WORDS = (
    "logo",
    "home",
    "menu",
    "search",
    "share",
    "shares",
    "print",
    "email",
    "tweet",
    "advertisement",
    "sponsored",
    "listen",
    "subscribe",
    "more on",
    "recommended",
    "trending",
    "related",
    "related news",
    "related articles",
    "related stories",
    "copied",
    "comments",
    "newsletter",
)
# Notices of the site itself (JavaScript, cookies, newsletters, ad blockers), matched anywhere
# in a sentence: no news sentence speaks in the site's voice.
NOTICE_PHRASES = (
    "enable javascript",
    "javascript is disabled",
    "javascript is required",
    "javascript is turned off",
    "javascript enabled",
    "turn on javascript",
    "activate javascript",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "uses cookies to",
    "use of cookies",
    "accept cookies",
    "accept all cookies",
    "our cookie policy",
    "cookie settings",
    "cookie preferences",
    "manage cookies",
    "our privacy policy",
    "update your browser",
    "your browser does not support",
    "ad blocker",
    "adblocker",
    "our newsletter",
    "our newsletters",
    "sign up for our",
    "sign up to our",
    "subscribe to our",
    "in your inbox",
    "skip to content",
    "skip to main content",
    "story continues below",
    "article continues below",
    "continue reading below",
    "scroll to continue",
)
# Counters: a line of numbers and these words only ("1.2K shares", "3 min read").
COUNTER_WORDS = (
    "share",
    "shares",
    "comment",
    "comments",
    "view",
    "views",
    "like",
    "likes",
    "read",
    "reads",
    "reading",
    "min",
    "mins",
    "minute",
    "minutes",
    "time",
)
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
    "read more",
)
# Markers that open a related headline inside a line, colon or not ("...said on Monday.Read
# also: ..."); the headings above do so only with a colon after them ("read more" and
# "related" are also plain prose).
RELATED_MARKERS = ("read also", "also read", "see also")
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
# Credits that close a photo caption, in brackets or after a dash or slash ("... (Reuters)",
# "... / AFP", "... (Photo by Jane Doe / AFP via Getty Images)"). "PA" alone is left out: "(D-PA)"
# closes sentences about American politicians.
CAPTION_CREDITS = (
    "reuters",
    "afp",
    "ap",
    "ap photo",
    "associated press",
    "getty images",
    "getty",
    "epa",
    "epa-efe",
    "efe",
    "anadolu",
    "anadolu agency",
    "xinhua",
    "dpa",
    "pa media",
    "pa wire",
    "pa images",
    "bloomberg",
    "shutterstock",
    "alamy",
    "handout",
    "file photo",
    "file",
    "photo",
    "image",
    "picture",
    "courtesy",
)
# Words that start a byline ("By Jane Doe").
BYLINE_WORDS = ("by", "reporting by", "written by")
# Words that start a dateline ("Published: ...").
DATELINE_WORDS = (
    "published",
    "updated",
    "posted",
    "last updated",
    "first published",
    "modified",
    "date",
)
# Words a time stamp is made of, besides numbers, month and weekday names and the words above
# ("Updated 12 September 2023 10:05 GMT", "Tue 12 Sep 2023 at 10.05 a.m. EDT") ...
TIMESTAMP_WORDS = tuple(
    """mon tue tues wed thu thur thurs fri sat sun on at am pm a p m gmt utc bst cet cest est edt
    et pt pdt pst ast ist aest local time hour hours hr hrs minute minutes min mins second seconds
    day days week weeks just now last first""".split()
)
# ... and the words that make it a time ago ("3 hours ago").
TIMESTAMP_AGO = ("ago",)

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
EXTRA_NEGATIONS = frozenset(
    """cannot without deny denied denies nor neither nothing reject rejects rejected rejecting
    refuse refuses refused refusing""".split()
)
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

# Negations of the one word after them ("non essential").
WORD_NEGATIONS = ("non", "without")
# Polarity (relate/polarity.py): phrases that negate what follows them (see ar.py).
NEGATING_PHRASES = (
    "stop short of",
    "stops short of",
    "stopped short of",
    "stopping short of",
    "fall short of",
    "falls short of",
    "fell short of",
    "fallen short of",
    "falling short of",
    "refrain from",
    "refrains from",
    "refrained from",
    "refraining from",
    "fail to",
    "fails to",
    "failed to",
    "failure to",
    "refuse to",
    "refuses to",
    "refused to",
    "rule out",
    "rules out",
    "ruled out",
    "ruling out",
)
# Negation words that negate nothing in these phrases ("not only ... but").
NOT_NEGATIONS = ("not only", "no doubt")
# Negations that say what a thing is not ("the Nautilus is a bathyscaphe, not a submarine"):
# the word after them is another thing, which the claim does not speak of (see ar.py).
IDENTITY_NEGATIONS = ("not a", "not an")
# Words that deny a report or a claim (see ar.py).
DENIAL_WORDS = frozenset(
    """deny denies denied denying denial denials refute refutes refuted rebut rebutted debunk
    debunks debunked debunking""".split()
)
# Words of conceding before a word of denying (see ar.py): "despite the company's denials",
# "in spite of denials".
CONCESSIVE_WORDS = frozenset("despite spite notwithstanding".split())
# Words that point back before a word of denying (see ar.py): "This denial comes after ...".
POINTING_WORDS = frozenset("this that these those".split())
# Verbs of wishing, seeking and trying (see ar.py): "Riyadh hopes to persuade him", "the
# company is seeking to".
WISH_WORDS = frozenset(
    """hope hopes hoping hoped seek seeks seeking sought trying tries aim aims aiming wish
    wishes wishing""".split()
)
# Verdicts that call a report false, read as a denial after a word of DENIAL_CUES (see ar.py).
DENIAL_VERDICTS = (
    "fake",
    "fabricated",
    "a fabrication",
    "baseless",
    "groundless",
    "unfounded",
    "untrue",
    "not true",
    "false",
    "lies",
    "nonsense",
    "without foundation",
    "without basis",
)
# Verbs that deny when a word of reports follows them closely ("shut down claims", "rubbished
# the reports"): alone they shut down a port or dismiss a coach (see ar.py).
DENIAL_BEFORE_CUES = (
    "shut down",
    "shuts down",
    "shutdown",
    "shot down",
    "rubbish",
    "rubbishes",
    "rubbished",
    "dismiss",
    "dismisses",
    "dismissed",
    "quash",
    "quashes",
    "quashed",
)
# Phrases that tell of an answer to reports when a word of reports follows them closely ("broke
# his silence over reports that the deal is signed", "responded to claims"): the
# claim neither asserts what the reports say nor denies it (see relate.polarity).
ANSWER_BEFORE_CUES = (
    "broke his silence",
    "broke her silence",
    "broke their silence",
    "broken his silence",
    "broken her silence",
    "broken their silence",
    "responded to",
    "responds to",
    "reacted to",
    "reacts to",
    "hit back at",
    "hits back at",
)
# Words of reports and of calling something so: a verdict shortly after one is about a report.
# Verbs of publishing a report (see ar.py): "what the paper published".
PUBLISHING_WORDS = frozenset("published publishes reported reporting".split())
DENIAL_CUES = frozenset(
    """report reports claim claims allegation allegations story stories article news
    accusation accusations rumour rumours rumor rumors called calling described describing
    dismissed dismissing labelled labeled branded""".split()
)
# Words that say who someone is, not what happens (whole words; see ar.py).
ROLE_WORDS = frozenset(
    """president king prince governor mayor ambassador minister director chief head spokesman
    spokeswoman spokesperson secretary chairman chairwoman commander leader star player striker
    forward coach manager captain defender goalkeeper""".split()
)
# Names that may stand for one another in a sentence, never a substitution, yet different
# sources (lower case, without "the"; see ar.py).
RELATED_ACTORS: dict[str, str] = {
    **dict.fromkeys(("kremlin", "moscow", "russia"), "russia"),
    **dict.fromkeys(("white house", "washington", "united states", "us"), "united-states"),
    **dict.fromkeys(("downing street", "london", "britain", "uk"), "united-kingdom"),
    **dict.fromkeys(("elysee", "paris", "france"), "france"),
    **dict.fromkeys(("beijing", "china"), "china"),
    **dict.fromkeys(("tehran", "iran"), "iran"),
    **dict.fromkeys(("kyiv", "kiev", "ukraine"), "ukraine"),
    **dict.fromkeys(("ankara", "turkey"), "turkey"),
    **dict.fromkeys(("riyadh", "saudi arabia"), "saudi-arabia"),
}
# Places and the places that contain them (lower case): a city and its region or country
# are no place mismatch (see ar.py).
PLACE_CONTAINERS: dict[str, tuple[str, ...]] = {
    "derna": ("libya", "eastern libya", "cyrenaica"),
    "benghazi": ("libya", "eastern libya", "cyrenaica"),
    "tripoli": ("libya", "lebanon"),
    "marrakech": ("morocco",),
    "marrakesh": ("morocco",),
    "al haouz": ("morocco", "marrakech", "marrakesh"),
    "haouz": ("morocco", "marrakech", "marrakesh"),
    "agadir": ("morocco",),
    "taroudant": ("morocco",),
    "chichaoua": ("morocco",),
    "ouarzazate": ("morocco",),
    "rabat": ("morocco",),
    "casablanca": ("morocco",),
    "sanaa": ("yemen",),
    "aden": ("yemen",),
    "hodeidah": ("yemen",),
    "gaza": ("palestine", "gaza strip"),
    "rafah": ("palestine", "gaza", "gaza strip"),
    "beirut": ("lebanon",),
    "damascus": ("syria",),
    "aleppo": ("syria",),
    "cairo": ("egypt",),
    "jeddah": ("saudi arabia",),
    "riyadh": ("saudi arabia",),
    "baghdad": ("iraq",),
    "mosul": ("iraq",),
    "moscow": ("russia",),
    "kyiv": ("ukraine",),
    "paris": ("france",),
    "st john s": ("newfoundland", "canada"),
    "newfoundland": ("canada",),
}
# Points of the compass in degrees from north (see ar.py): "72 km south-west of Marrakesh".
COMPASS_POINTS: dict[str, int] = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
    # As adjectives ("northwestern Iran", "north-eastern").
    "northern": 0,
    "northeastern": 45,
    "eastern": 90,
    "southeastern": 135,
    "southern": 180,
    "southwestern": 225,
    "western": 270,
    "northwestern": 315,
}
COMPASS_LINKS = ("of", "the")
# A part of a country (see ar.py): "in the country's north-west", "a hilly southern region
# of the country", "eastern Turkey".
REGION_LINKS = ("of", "the", "region", "part", "area")
REGION_COUNTRY_WORDS = frozenset({"country", "kingdom"})
CAPITAL_CITIES = frozenset(
    """cairo damascus baghdad beirut riyadh doha sanaa khartoum rabat tehran ankara moscow
    kremlin beijing washington london paris berlin rome madrid kyiv kiev tokyo kabul""".split()
)
REGION_ACTOR_WORDS = frozenset(
    "government administration authorities parliament forces army".split()
)
# Words that only say what kind of place a name is ("the city of Derna").
PLACE_KINDS = frozenset("city town village province region state capital country".split())
# Words right before a figure that hedge it: "about", a lower bound ("min") or an upper
# bound ("max") (see ar.py).
QUANTITY_HEDGES: dict[str, str] = {
    **dict.fromkeys(
        (
            "about",
            "around",
            "approximately",
            "roughly",
            "nearly",
            "almost",
            "some",
            "an estimated",
            "estimated",
            "close to",
        ),
        "about",
    ),
    **dict.fromkeys(
        ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than"), "min"
    ),
    **dict.fromkeys(("less than", "fewer than", "under", "up to", "no more than"), "max"),
}
HEDGE_PROCLITICS: tuple[str, ...] = ()
# A figure right after "by" (or "by about", "by more than"), after a word of change, is how
# much a figure changed: "the toll rose by 9 to 191" (see ar.py).
CHANGE_PROCLITICS: tuple[str, ...] = ()
CHANGE_MARKERS = frozenset({"by"})
# ... and a word of addition right after a figure ("58 additional deaths", "12 more bodies",
# not "12 more than"), or after its noun (see ar.py): what was added, not the toll.
ADDITION_RIGHT_AFTER = frozenset({"additional", "more", "further", "extra"})
# A count of one country's nationals (see ar.py): "144 deaths among its citizens".
NATIONALS_AFTER = (
    "among its citizens",
    "of its citizens",
    "among its nationals",
    "of its nationals",
)
ADDITION_AFTER_NOUN: frozenset[str] = frozenset()
ADDITION_STOPS = frozenset({"than", "or"})
# A count of a part of a whole (see ar.py): "including 45", "among them 45", "320 of the
# dead".
PART_BEFORE = ("including", "among them", "of whom", "of them", "among whom")
PART_AFTER = (
    "of the dead",
    "of the victims",
    "of the deaths",
    "of the fatalities",
    "of the casualties",
    "of those",
    "of them",
    "among the dead",
    "among the victims",
    "of the injured",
    "of the wounded",
    "among the injured",
    "among the wounded",
    "of the total",
)
# One of a story's events told apart by a word that qualifies it (relate/quantities.
# event_told): "a new series of explosions", "the second wave", "a similar attack". A count
# of such an event is not the story's count: "3 killed in a second wave" against "37 dead".
EVENT_NOUNS = frozenset(
    """attack attacks explosion explosions blast blasts bombing bombings wave series strike
    strikes raid raids quake tremor aftershock""".split()
)
EVENT_QUALIFIERS: dict[str, str] = {
    **dict.fromkeys("new fresh".split(), "new"),
    "first": "1",
    "second": "2",
    "third": "3",
    **dict.fromkeys("similar previous earlier another".split(), "other"),
}
# A count told of a place below a country (relate/quantities.count_place; see ar.py): a
# noun of such a place after the figure ("5,200 dead in the city of Derna", "in Al Haouz
# province"), its name after "of" or, for the nouns of COUNT_PLACE_NAME_BEFORE, right before
# it. Not "region" or "area" (the whole region as often as one part).
COUNT_PLACE_NOUNS = frozenset(
    "city town village province governorate district municipality county suburb camp".split()
)
COUNT_PLACE_PLURALS = frozenset(
    "cities towns villages provinces governorates districts counties suburbs camps".split()
)
COUNT_PLACE_LINKS = frozenset({"of"})
# A noun of place with neither its name nor this article before it is no place: "Crocus City
# Hall", "a city council".
COUNT_PLACE_ARTICLES = frozenset({"the"})
# Points of the compass that place a count in a part of the country named after them
# ("in southern Lebanon"): the adjectives; a noun needs the article ("in the south of the
# country"), as "South Korea" names a country.
COUNT_PLACE_POINTS = frozenset(point for point in COMPASS_POINTS if point.endswith("ern"))
COUNT_PLACE_NAME_BEFORE = frozenset("province governorate district municipality county".split())
# A count of the rest of a group, "the other" right before the figure or "others" right after
# it ("the other two boats", "the two others"): no measure of the whole group, nor of anything
# not told as the rest ("three helicopters were in the convoy" against "the other two
# helicopters returned"; relate/quantities.counts_rest). Not "N other ships": the ships
# besides the one the sentence is about, as many as "N ships" ("over 300 ships were held
# up", "it kept over 350 other ships from passing").
REST_BEFORE = ("the other",)
REST_AFTER = ("others",)
# ... and right after it, or after the noun it counts ("5,000 people or more").
QUANTITY_HEDGES_AFTER: dict[str, str] = {"or more": "min", "at least": "min", "or so": "about"}
# Words that make an amount a rate over a period (see ar.py): "$400m an hour", "an annual
# salary of $100m".
RATE_PERIODS: dict[str, str] = {
    **dict.fromkeys(("an hour", "per hour", "hourly", "each hour", "every hour"), "hour"),
    **dict.fromkeys(("a day", "per day", "daily", "each day", "every day"), "day"),
    **dict.fromkeys(("a week", "per week", "weekly", "each week", "every week"), "week"),
    **dict.fromkeys(("a month", "per month", "monthly", "each month", "every month"), "month"),
    **dict.fromkeys(
        ("a year", "per year", "yearly", "annual", "annually", "each year", "every year"), "year"
    ),
}
# Forecasts, not counts (see ar.py): "could reach", "is expected to rise to", "is feared to".
PROJECTION_WORDS = frozenset("could might may expected feared likely projected forecast".split())
PROJECTION_PARTICLES: dict[str, str] = {}
PROJECTION_PARTICLE_VERBS: frozenset[str] = frozenset()
# Expecting across a clause (see ar.py): "Rabie predicted in remarks to the local media that
# the compensation Egypt could seek from the owners would exceed $1 billion": a modal verb
# after the verb of expecting stands for the Arabic complement.
EXPECTATION_VERBS = frozenset("expect expects expected predict predicts predicted".split())
EXPECTATION_COMPLEMENT: dict[str, str] = {}
EXPECTATION_MODALS = frozenset("would will".split())
# Counts of other places than the story's (see ar.py).
ELSEWHERE_PHRASES = ("elsewhere", "other parts", "other areas", "other regions", "other cities")
# A seismic magnitude (see ar.py): "a magnitude 7", "magnitude of 6.8", "a 6.8-magnitude
# quake", "4.9 on the Richter scale".
MAGNITUDE_WORDS = ("magnitude",)
MAGNITUDE_STRENGTH: tuple[str, ...] = ()
MAGNITUDE_DEGREES: tuple[str, ...] = ()
MAGNITUDE_SCALES = ("richter", "ritcher")  # and its frequent misspelling
AFTERSHOCK_PHRASES = ("aftershock", "aftershocks", "second tremor", "second quake")
# A temperature (see ar.py): "51.8 degrees Celsius", "47C", "125°F", or "degrees" alone after
# a word of heat ("temperatures of 47 degrees").
TEMPERATURE_DEGREES = ("degree", "degrees", "°")
TEMPERATURE_SCALES: dict[str, str] = {
    **dict.fromkeys(("celsius", "centigrade", "c", "°c"), "C"),
    **dict.fromkeys(("fahrenheit", "f", "°f"), "F"),
}
TEMPERATURE_WORDS = (
    "temperature",
    "temperatures",
    "heat",
    "thermometer",
    "thermometers",
    "mercury",
)
# Times of day: the period after the hour ("7:10 a.m.", "6 pm") and the zones a time may
# name after it ("10 a.m. ET", "22:11 GMT"), each with its code; "local time" is the zone of
# a time that names none.
CLOCK_PERIODS: dict[str, str] = {"a.m.": "am", "am": "am", "p.m.": "pm", "pm": "pm"}
# Parts of the day after a weekday ("Thursday afternoon", "on Sunday morning"), as codes of
# dates.DAYPART_HOURS.
DAYPARTS: dict[str, str] = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
}
DAYPART_LINKS: tuple[str, ...] = ()
# Hours and fractions of an hour written as words (see ar.py); English news writes digits.
CLOCK_HOURS: dict[str, int] = {}
CLOCK_FRACTIONS: dict[str, int] = {}
TIME_ZONES: dict[str, str] = {
    **dict.fromkeys(("et", "e.t.", "edt", "est", "eastern time", "eastern standard time"), "ET"),
    **dict.fromkeys(("gmt", "utc"), "GMT"),
    "bst": "BST",
    "cet": "CET",
    "aest": "AEST",
    "local time": "",
}
# Words before a time that make it approximate ("about 10 a.m.", "shortly after 6 p.m.").
TIME_HEDGES = frozenset(
    "about around approximately roughly nearly almost shortly just before after by".split()
)
# Units of length and depth, with their length in metres (see ar.py).
LENGTH_UNITS: dict[str, str] = {
    **dict.fromkeys("mile miles".split(), "1609.344"),
    **dict.fromkeys("km kilometre kilometres kilometer kilometers".split(), "1000"),
    **dict.fromkeys("metre metres meter meters".split(), "1"),
    **dict.fromkeys("feet foot ft".split(), "0.3048"),
}
# Nouns of things a story counts (see ar.py).
COUNT_NOUNS: dict[str, str] = {
    **dict.fromkeys("ship ships vessel vessels".split(), "ship"),
    **dict.fromkeys("team teams crew crews squad squads".split(), "team"),
    **dict.fromkeys("container containers".split(), "container"),
    **dict.fromkeys("plane planes aircraft jet jets".split(), "plane"),
    **dict.fromkeys("helicopter helicopters".split(), "helicopter"),
    **dict.fromkeys("home homes house houses".split(), "home"),
    **dict.fromkeys("building buildings".split(), "building"),
    **dict.fromkeys("village villages".split(), "village"),
    **dict.fromkeys("child children".split(), "child"),
    **dict.fromkeys("soldier soldiers".split(), "soldier"),
    **dict.fromkeys("missile missiles rocket rockets".split(), "missile"),
    **dict.fromkeys("goal goals".split(), "goal"),
    **dict.fromkeys("match matches".split(), "match"),
    **dict.fromkeys("car cars vehicle vehicles".split(), "vehicle"),
    **dict.fromkeys("pilgrim pilgrims".split(), "pilgrim"),
}
# Nouns that say what an amount of money pays for (see ar.py): "a £522million contract".
MONEY_NOUNS: dict[str, str] = {
    **dict.fromkeys("contract contracts deal".split(), "contract"),
    **dict.fromkeys("compensation damages claim".split(), "compensation"),
    **dict.fromkeys("fine fines penalty".split(), "fine"),
    **dict.fromkeys("salary salaries wage wages".split(), "salary"),
    **dict.fromkeys("loan loans".split(), "loan"),
    "ransom": "ransom",
    "budget": "budget",
    # What a disaster cost (see ar.py); "damages" a court awards are compensation.
    **dict.fromkeys("losses damage".split(), "losses"),
}
# An amount paid each period, and over several years (see ar.py): "paid 90m euros a year",
# "a yearly wage of some $80m", "£300,000 a week", "€170m over two seasons".
PAY_PERIOD_WORDS: dict[str, str] = {
    **dict.fromkeys("annual annually yearly".split(), "year"),
    "monthly": "month",
    "weekly": "week",
}
PAY_PERIOD_AFTER: dict[str, str] = {
    **{
        f"{each} {unit}": "year"
        for each in ("a", "per", "each", "every")
        for unit in ("year", "season")
    },
    **{f"{each} month": "month" for each in ("a", "per", "each", "every")},
    **{f"{each} week": "week" for each in ("a", "per", "each", "every")},
}
PAY_VERBS = frozenset("paid pay pays paying earn earns earning earned".split())
PAY_SPREAD_WORDS = ("over", "across")
PAY_SPREAD_UNITS = ("years", "seasons")
PAY_SPREAD_DUALS: tuple[str, ...] = ()
# The noun before a figure that names what it measures (see ar.py): "weighing 200,000
# tonnes", "a capacity of 224,000 tonnes".
MEASURE_NOUNS: dict[str, str] = {
    **dict.fromkeys("weight weighs weighing weighed".split(), "weight"),
    **dict.fromkeys("capacity tonnage".split(), "capacity"),
    "length": "length",
    "height": "height",
    "depth": "depth",
}
# Words around a length that say which way, not from where (see ar.py).
LENGTH_NEUTRAL = tuple(
    """off away from north south east west northeast northwest southeast southwest coast
    shore""".split()
)
# Words that join two clauses: a count's state is read within its own clause.
CLAUSE_CONJUNCTIONS = ("and", "while", "but")
# Words that join the two ends of a range of figures (see ar.py): "between 90 and 100
# million euros", "18 to 20 thousand".
RANGE_JOINERS = ("and", "to", "or")
# Words that open a range (see ar.py): "between 18,000 and 20,000", "from 3 to 4 billion".
RANGE_OPENERS = ("between", "from")
# Joiners that only a range uses (see ar.py): "18 to 20 thousand".
RANGE_ONLY_JOINERS = ("to",)
# Words right before a figure that put the quantity strictly above or below it (see ar.py).
STRICTLY_ABOVE = ("more than", "over", "exceed", "exceeds", "above", "upwards of")
STRICTLY_BELOW = ("less than", "fewer than", "under", "below")
# Verbs of exceeding before a figure (see ar.py): "the toll exceeded 5,000".
EXCEED_VERBS = frozenset("exceeded surpassed topped".split())
# Words that tally people (see ar.py): "the number of dead in the city could exceed 20,000";
# "the toll" is the death toll, as "الحصيلة" (COUNT_STATES): "the death toll of the collapse
# now stands at 57".
TALLY_WORDS = ("number", "toll")
# Words that say what state the people a count counts are in (see ar.py).
# Nouns of people counted: a number of four digits before one is a count ("2000 people"),
# not a year.
PEOPLE_NOUNS = tuple(
    """people persons residents civilians citizens children women workers migrants refugees
    soldiers troops""".split()
)
# People counted without saying who they are (see ar.py).
GENERIC_PEOPLE_NOUNS = tuple("people persons person individuals".split())
# Words that name a figure without saying what it counts ("the number was at least 5,000";
# see ar.py).
NUMBER_NOUNS = frozenset("number figure".split())
# A noun of two words names its thing by the second ("3 police officers", "5 police cars", "40
# ground teams"): a count's noun is the second word after the number when it is a plural (it
# ends so, and is no word that merely ends so) and the first is no word of state (see ar.py:
# Arabic names the thing first, "5 سيارات شرطة").
PLURAL_ENDINGS = ("s",)
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous")
IRREGULAR_PLURALS = frozenset("people men women children police personnel".split())
COUNT_STATES: dict[str, str] = {
    **dict.fromkeys(
        "dead killed kill kills died die dies death deaths fatalities bodies lives toll".split(),
        "dead",
    ),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("injured wounded hurt injuries injuring".split(), "injured"),
    **dict.fromkeys("displaced homeless evacuated".split(), "displaced"),
    **dict.fromkeys("rescued survivors saved".split(), "rescued"),
    **dict.fromkeys("arrested detained".split(), "arrested"),
    **dict.fromkeys("buried burial burials".split(), "buried"),
}
# People who lost their homes are the displaced, who lost their lives the dead (see ar.py).
LOSS_WORDS = frozenset("lost lose losing without".split())
HOME_NOUNS = frozenset("home homes houses shelter".split())
LIFE_NOUNS = frozenset("life lives".split())

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

# Countries and a few regions: names, capitals and adjectives of nationality (see ar.py).
COUNTRY_NAMES: dict[str, str] = {
    **dict.fromkeys("egypt egyptian cairo".split(), "eg"),
    **dict.fromkeys("syria syrian damascus".split(), "sy"),
    **dict.fromkeys("iraq iraqi baghdad".split(), "iq"),
    **dict.fromkeys("lebanon lebanese beirut".split(), "lb"),
    **dict.fromkeys("jordanian".split(), "jo"),
    **dict.fromkeys("palestine palestinian".split(), "ps"),
    **dict.fromkeys("israel israeli".split(), "il"),
    **dict.fromkeys("saudi riyadh".split(), "sa"),
    **dict.fromkeys("emirates emirati".split(), "ae"),
    **dict.fromkeys("qatar qatari doha".split(), "qa"),
    **dict.fromkeys("kuwait kuwaiti".split(), "kw"),
    **dict.fromkeys("bahrain bahraini".split(), "bh"),
    **dict.fromkeys("yemen yemeni sanaa".split(), "ye"),
    **dict.fromkeys("libya libyan".split(), "ly"),
    **dict.fromkeys("tunisia tunisian".split(), "tn"),
    **dict.fromkeys("algeria algerian".split(), "dz"),
    **dict.fromkeys("morocco moroccan rabat".split(), "ma"),
    **dict.fromkeys("sudan sudanese khartoum".split(), "sd"),
    **dict.fromkeys("somalia somali".split(), "so"),
    **dict.fromkeys("mauritania mauritanian".split(), "mr"),
    **dict.fromkeys("iran iranian tehran".split(), "ir"),
    **dict.fromkeys("turkish ankara".split(), "tr"),
    **dict.fromkeys("russia russian moscow kremlin".split(), "ru"),
    **dict.fromkeys("chinese beijing".split(), "cn"),
    **dict.fromkeys("america american washington".split(), "us"),
    **dict.fromkeys("britain british london".split(), "gb"),
    **dict.fromkeys("france french paris".split(), "fr"),
    **dict.fromkeys("germany german berlin".split(), "de"),
    **dict.fromkeys("italy italian rome".split(), "it"),
    **dict.fromkeys("spain spanish madrid".split(), "es"),
    **dict.fromkeys("greece greek".split(), "gr"),
    **dict.fromkeys("netherlands dutch".split(), "nl"),
    **dict.fromkeys("belgium belgian".split(), "be"),
    **dict.fromkeys("switzerland swiss".split(), "ch"),
    **dict.fromkeys("sweden swedish".split(), "se"),
    **dict.fromkeys("norway norwegian".split(), "no"),
    **dict.fromkeys("denmark danish".split(), "dk"),
    **dict.fromkeys("austria austrian".split(), "at"),
    **dict.fromkeys("poland".split(), "pl"),
    **dict.fromkeys("ukraine ukrainian kyiv kiev".split(), "ua"),
    **dict.fromkeys("cyprus cypriot".split(), "cy"),
    **dict.fromkeys("japan japanese tokyo".split(), "jp"),
    **dict.fromkeys("korea korean".split(), "kr"),
    **dict.fromkeys("india indian".split(), "in"),
    **dict.fromkeys("pakistan pakistani".split(), "pk"),
    **dict.fromkeys("bangladesh bangladeshi".split(), "bd"),
    **dict.fromkeys("indonesia indonesian jakarta".split(), "id"),
    **dict.fromkeys("malaysia malaysian".split(), "my"),
    **dict.fromkeys("senegal senegalese".split(), "sn"),
    **dict.fromkeys("afghanistan afghan kabul".split(), "af"),
    **dict.fromkeys("australia australian".split(), "au"),
    **dict.fromkeys("canada canadian".split(), "ca"),
    **dict.fromkeys("mexico mexican".split(), "mx"),
    **dict.fromkeys("brazil brazilian".split(), "br"),
    **dict.fromkeys("argentina argentine".split(), "ar"),
    **dict.fromkeys("ethiopia ethiopian".split(), "et"),
    **dict.fromkeys("nigeria nigerian".split(), "ng"),
    **dict.fromkeys("kenya kenyan".split(), "ke"),
    **dict.fromkeys("europe european".split(), "europe"),
    **dict.fromkeys("africa african".split(), "africa"),
}
# Plural of an adjective of nationality (Egyptians).
NATIONALITY_SUFFIXES = ("s",)

# Locative prepositions: a name swapped right after one of them is a place.
LOCATIVES = frozenset("in at near from to".split())
LOCATIVE_CLITICS: tuple[str, ...] = ()
# Words that introduce a date and say nothing about which event it dates.
DATE_WORDS = frozenset("year in since on during".split())

# Skeletons are an Arabic matter (English words go to the Snowball stemmer).
SKELETON_PREFIXES: tuple[str, ...] = ()
SKELETON_SUFFIXES: tuple[str, ...] = ()
LONG_VOWELS: tuple[str, ...] = ()

# A figure worded as a rise ("the toll rose to 5,300") reports an update of an earlier figure,
# not a rival one (relate: an update, whatever the two publication dates).
RISE_WORDS = frozenset("rose risen rises climbed jumped increased raised".split())
# A figure told as what was said before ("officials had earlier put the toll at 5,500"; see
# ar.py).
EARLIER_PHRASES = ("earlier", "previously", "initially", "a previous toll")
# A toll told as provisional (see ar.py).
PROVISIONAL_TOLL_PHRASES = (
    "preliminary toll",
    "provisional toll",
    "initial toll",
    "not final",
    "expected to rise",
    "likely to rise",
    "expected to climb",
    "likely to climb",
    "expected to increase",
    "likely to increase",
    "could rise further",
)
# A toll told as the latest of a running count (see ar.py).
LATEST_TOLL_PHRASES = ("latest toll",)
