"""Fact extraction: the checkable quantities, dates, names and polarity inside one claim.

A claim such as "وحكم عليه بالسجن لمدة 25 عامًا" yields Fact(kind="duration", value="25",
unit="year", subject="سجن"), which the relate stage compares with the other outlet's facts.

The patterns run on a *folded* copy of the claim (normalize.py's orthographic normal form,
character by character) so that alef variants, diacritics, teh marbuta and Arabic-Indic
digits need no special cases; a map from folded to source offsets recovers the surface
text of every fact. All regexes are compiled once at import: the whole
clean+segment+facts path must keep up with 100 articles a second.

Also here: date parsing shared with clean.py (``find_dates``) and ``attribution_of``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Protocol

from newsdiff.pipeline.normalize import (
    NEGATIONS,
    STOPWORDS,
    light_stem,
    name_key,
    normalize_text,
    normalize_token,
)
from newsdiff.pipeline.types import Fact

# --------------------------------------------------------------------------- folding


class _Adder(Protocol):
    def __call__(
        self, start: int, end: int, kind: str, value: str, unit: str = "", subject: str = ""
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class _Folded:
    """Normalised text plus, for every folded character, its offset in the source."""

    source: str
    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(source)

    def surface(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        return self.source[self.origin[start] : self.origin[end - 1] + 1].strip()


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


# --------------------------------------------------------------------------- constants

# Four-digit numbers in this range are read as years when nothing says otherwise.
YEAR_MIN = 1900
YEAR_MAX = 2100

# Subjects of facts whose value is computed rather than written.
APPROXIMATE = "approx"
AGO = "ago"

# How many words back a duration looks for what it measures ("قضى بوت 12 عامًا",
# "حكم عليه بالسجن لمدة 25 عامًا" both fit in five).
DURATION_SUBJECT_WINDOW = 5

# A relative word and the explicit date it glosses sit this close ("أمس 7 أكتوبر",
# "اليوم الاثنين 7 أكتوبر"): room for a weekday name and a comma.
RELATIVE_TO_DATE_MAX_GAP = 16

# --------------------------------------------------------------------------- lexicons
# Every word list holds *folded* forms (normalize_text output).

MONTHS: dict[str, int] = {
    # Levantine and Iraqi names first: "كانون الثاني" must win over a bare "الثاني".
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
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

# Number words with their values; "واحد" is left out on purpose: "واحدة من" (one of)
# is a figure of speech far more often than a count.
NUMBER_WORDS: dict[str, int] = {
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
    "مئه": 100,
    "مائه": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
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
    "الف": 1_000,
    "الاف": 1_000,
    "الفا": 1_000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
    "مليونا": 1_000_000,
    "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000,
    "مليارا": 1_000_000_000,
    "بليون": 1_000_000_000,
    "ترليون": 10**12,
    "تريليون": 10**12,
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
ABBREVIATED_SCALES = frozenset({"m", "k", "bn"})
# Scale words that also stand alone as a quantity ("مليون دولار", "ألف شخص").
STANDALONE_SCALES = ("الف", "مليون", "مليار", "thousand", "million", "billion")

# Currency word -> (default code, {qualifier: code}).
CURRENCIES: dict[str, tuple[str, dict[str, str]]] = {
    "دولار": ("USD", {"كندي": "CAD", "استرالي": "AUD"}),
    "يورو": ("EUR", {}),
    "جنيه": ("EGP", {"استرليني": "GBP", "سوداني": "SDG"}),
    "ريال": ("SAR", {"قطري": "QAR", "عماني": "OMR", "يمني": "YER", "ايراني": "IRR"}),
    "درهم": ("AED", {"مغربي": "MAD"}),
    "دينار": (
        "DINAR",
        {
            "كويتي": "KWD",
            "اردني": "JOD",
            "بحريني": "BHD",
            "عراقي": "IQD",
            "ليبي": "LYD",
            "تونسي": "TND",
            "جزائري": "DZD",
        },
    ),
    "ليره": ("LIRA", {"تركيه": "TRY", "لبنانيه": "LBP", "سوريه": "SYP"}),
    "روبل": ("RUB", {}),
    "يوان": ("CNY", {}),
    "شيكل": ("ILS", {}),
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
    "دولارا": "دولار",
    "دولارات": "دولار",
    "جنيها": "جنيه",
    "جنيهات": "جنيه",
    "ريالا": "ريال",
    "ريالات": "ريال",
    "دراهم": "درهم",
    "دينارا": "دينار",
    "دنانير": "دينار",
    "ليرات": "ليره",
    "روبلات": "روبل",
    "dollars": "dollar",
    "euros": "euro",
    "pounds": "pound",
    "roubles": "rouble",
    "rubles": "ruble",
}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}

TIME_UNITS: dict[str, str] = {
    "عام": "year",
    "عاما": "year",
    "اعوام": "year",
    "سنه": "year",
    "سنوات": "year",
    "سنين": "year",
    "سنا": "year",
    "year": "year",
    "years": "year",
    "شهر": "month",
    "شهرا": "month",
    "اشهر": "month",
    "شهور": "month",
    "month": "month",
    "months": "month",
    "اسبوع": "week",
    "اسبوعا": "week",
    "اسابيع": "week",
    "week": "week",
    "weeks": "week",
    "يوم": "day",
    "يوما": "day",
    "ايام": "day",
    "day": "day",
    "days": "day",
    "ساعه": "hour",
    "ساعات": "hour",
    "hour": "hour",
    "hours": "hour",
    "عقد": "decade",
    "عقود": "decade",
    "decade": "decade",
    "decades": "decade",
}
# Duals of time units: the word alone means "two <unit>".
TIME_DUALS: dict[str, str] = {
    "عامين": "year",
    "عامان": "year",
    "سنتين": "year",
    "سنتان": "year",
    "شهرين": "month",
    "شهران": "month",
    "اسبوعين": "week",
    "اسبوعان": "week",
    "يومين": "day",
    "يومان": "day",
    "ساعتين": "hour",
    "ساعتان": "hour",
    "عقدين": "decade",
    "عقدان": "decade",
}

# What a duration measures, when one of these words sits just before it: a prison term
# and time served must never be compared as one quantity.
DURATION_SUBJECTS: dict[str, str] = {
    "سجن": "سجن",
    "السجن": "سجن",
    "بالسجن": "سجن",
    "حبس": "سجن",
    "بالحبس": "سجن",
    "الحبس": "سجن",
    "قضي": "قضي",
    "يقضي": "قضي",
    "قضاها": "قضي",
    "امضي": "قضي",
    "يمضي": "قضي",
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
    """لمده مده اكثر اقل نحو حوالي قرابه زهاء منذ طوال خلال بقيمه قيمه مبلغ بمبلغ بنسبه نسبه
    يقارب يناهز تقريبا عدد بعدد عليه عليها له لها اي
    for over more than less about around nearly almost some worth up""".split()
)

# Canonical negation value for inflected denials ("نفاه" -> "نفي").
NEGATION_FORMS: dict[str, str] = {
    **{word: word for word in NEGATIONS},
    "ليست": "ليس",
    "نفي": "نفي",
    "نفاه": "نفي",
    "نفته": "نفي",
    "نفوا": "نفي",
    "ينفي": "نفي",
    "تنفي": "نفي",
    "نفت": "نفي",
    "never": "never",
    "not": "not",
    "no": "no",
    "deny": "denied",
    "denies": "denied",
    "denied": "denied",
}
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(
        """ارتفاع ارتفع ارتفعت يرتفع ترتفع زياده زاد زادت يزيد تزيد صعود صعد صعدت يصعد
        اعلي تضاعف rise rises rose risen rising increase increased increases increasing
        higher grew grow grows growth surge surged""".split(),
        "up",
    ),
    **dict.fromkeys(
        """انخفاض انخفض انخفضت ينخفض تنخفض تراجع تراجعت يتراجع هبوط هبط هبطت يهبط ادني
        تقلص تقلصت fall falls fell fallen falling decrease decreased decreases decline
        declined declines lower drop dropped drops""".split(),
        "down",
    ),
}
# Words after which an Arabic-script token is cheaply known to be a name.
NAME_INTRODUCERS = frozenset(
    """صواريخ صاروخ بنادق بندقيه طراز منظومه منظومات صحيفه وكاله شركه قناه مدينه الرئيس
    الوزير السيد الجنرال المدعو""".split()
)
# Capitalised English words that start runs without being names.
ENGLISH_NON_NAMES = frozenset(
    """the a an this that these those it he she they we i in on at for but and or if when
    while after before as mr mrs ms dr monday tuesday wednesday thursday friday saturday
    sunday""".split()
    + [m for m in MONTHS if m.isascii()]
)

# --------------------------------------------------------------------------- regexes

_NUM = r"\d+(?:[.,]\d+)*"
_PREFIX = r"(?:[وفبل]|وب|ول)?"


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that a word is never cut short by a shorter alternative.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_ALT = _alternation(MONTHS)
# "أغسطس/آب" names one month twice; the second name is read and ignored.
_MONTH = rf"(?P<month>{_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?"

_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_TIME_OF_DAY_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_MODEL_RE = re.compile(
    r"(?<![\w-])(?:[a-z]{1,5}-?\d{1,4}[a-z]?|[\u0621-\u064a]{1,4}-\d{1,4})(?![\w-])"
)
_ISO_DATE_RE = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4})(?![\d/])"
)
_DMY_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:من\s+|of\s+)?{_MONTH}\s*,?\s*"
    rf"(?:عام\s+|سنه\s+)?(?P<year>\d{{4}})(?!\d)"
)
_MDY_RE = re.compile(
    rf"(?<!\w){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>\d{{4}})(?!\d)"
)
_MONTH_YEAR_RE = re.compile(
    rf"(?<!\w)[وفبل]?{_MONTH}\s*,?\s*(?:من\s+|of\s+)?(?:عام\s+|سنه\s+)?(?P<year>\d{{4}})(?!\d)"
)
_MONTH_RELATIVE_RE = re.compile(
    rf"(?<!\w)[وفبل]?{_MONTH}\s+(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم)(?!\w)"
    rf"|(?<!\w)(?P<rel_en>last|next|this)\s+{_MONTH.replace('month>', 'month_en>')}(?!\w)"
)
_DAY_MONTH_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})\s+{_MONTH}(?!\w)|(?<!\w){_MONTH.replace('month>', 'month_b>')}"
    rf"\s+(?P<day_b>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
)
_RELATIVE_DAY_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?P<word>اول\s+امس|امس|البارحه|اليوم|غدا|yesterday|today|tomorrow))(?!\w)"
    r"(?!\s+(?:التالي|نفسه|ذاته|الذي|التي|الدولي|العالمي))"
)
_RELATIVE_YEAR_RE = re.compile(
    r"(?<!\w)(?P<word>[وف]?(?:ل|في\s+)?(?:العام|السنه)\s+(?:الماضي|المنصرم|الفائت|المقبل|القادم|الحالي|الجاري)"
    r"|(?:هذا|هذه)\s+(?:العام|السنه)|(?:last|next|this)\s+year)(?!\w)"
)
_RELATIVE_DAY_OFFSETS = {
    "اول امس": -2,
    "امس": -1,
    "البارحه": -1,
    "yesterday": -1,
    "اليوم": 0,
    "today": 0,
    "غدا": 1,
    "tomorrow": 1,
}

_QUANTITY_RE = re.compile(rf"(?<![\d.,a-z])(?P<num>{_NUM})(?![\d])")
_SCALE_AFTER_RE = re.compile(rf"\s*(?P<scale>{_alternation(SCALES)})(?!\w)")
_NUMBER_WORD_RE = re.compile(
    rf"(?<!\w){_PREFIX}(?P<word>{_alternation([*NUMBER_WORDS, *STANDALONE_SCALES])})(?!\w)"
)
_TIME_DUAL_RE = re.compile(
    rf"(?<!\w)(?:{_PREFIX}|ال|بال|وال)(?P<word>{_alternation(TIME_DUALS)})(?!\w)"
)
# Feminine duals ("شحنتان", "الدولتين"): a stem of 3+ letters plus تان/تين. Stems ending
# in س are country names (-ستان), not duals.
_FEMININE_DUAL_RE = re.compile(
    r"(?<!\w)(?:وال|بال|ال|[وفبل])?(?P<stem>[\u0621-\u064a]{2,}[\u0621-\u0632\u0634-\u064a])(?:تان|تين)(?!\w)"
)
# Words that end in تين/تان without being duals (names, pronouns, borrowings).
NOT_DUALS = frozenset(
    "بوتين روتين بروتين ارجنتين الارجنتين اللتين اللتان لاتين كريستين قسطنطين".split()
)
_CURRENCY_AFTER_RE = re.compile(
    rf"\s*(?P<cur>{_alternation([*CURRENCIES, *CURRENCY_FORMS])})(?!\w)(?:\s+(?P<qual>\w+))?"
)
_CURRENCY_BEFORE_RE = re.compile(r"(?P<sym>us\$|\$|€|£|usd|eur|gbp)\s*$")
_PERCENT_AFTER_RE = re.compile(
    r"\s*(?:%|(?:في\s+|بال)(?:المئه|المائه|مئه|مائه)(?!\w)|per\s*cent(?!\w)|pct(?!\w))"
)
_TIME_UNIT_AFTER_RE = re.compile(rf"\s*-?\s*(?P<unit>{_alternation(TIME_UNITS)})(?!\w)")
_AGE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:البالغ|البالغه|يبلغ|تبلغ|بلغ|عمره|عمرها|عن\s+عمر|سن|aged|age|age\s+of)"
    r"(?:\s+من\s+العمر)?(?:\s+(?:نحو|حوالي|about))?\s*$"
)
# "aged 57", "البالغ من العمر 57" say age without naming the unit.
_AGE_WITHOUT_UNIT_RE = re.compile(r"(?:aged|age\s+of|من\s+العمر|عمره|عمرها)\s*$")
_AGE_AFTER_RE = re.compile(r"\s*(?:-\s*|\s)(?:من\s+العمر|old)(?!\w)")
_AGO_BEFORE_RE = re.compile(
    r"(?<!\w)[وف]?قبل(?:\s+(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|ما\s+يقارب))?\s*$"
)
_AGO_AFTER_RE = re.compile(r"\s+ago(?!\w)")
_YEAR_BEFORE_RE = re.compile(r"(?:عام|سنه|العام|year|in|since|منذ|في)\s*$")
_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_BREAK_RE = re.compile(r"[.,;:!?\"()\[\]\n]")
_LATIN_RUN_RE = re.compile(r"[A-Za-z][A-Za-z'’&.-]*(?:\s+[A-Za-z][A-Za-z'’&.-]*)*")
# Single capitals ("U" of "U.S.") start no name.
_CAPITALISED_RUN_RE = re.compile(
    r"(?<![\w'’])[A-Z][\w'’-]+(?:\s+(?:of\s+|the\s+|al-|bin\s+|de\s+)?[A-Z][\w'’-]+)*"
)
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
_QUOTED_RE = re.compile(r"\s*\"(?P<q>[^\"]{1,60})\"")
_NEGATION_RE = re.compile(
    rf"(?<!\w)[وف]?(?P<word>{_alternation(NEGATION_FORMS)})(?!\w)(?!\s+(?:سيما|ان)(?!\w))"
    r"|n't(?!\w)"
)
_DIRECTION_RE = re.compile(
    rf"(?<!\w)(?:وب|وال|بال|ال|[وفب])?(?P<word>{_alternation(DIRECTIONS)})(?!\w)"
)

# --------------------------------------------------------------------------- helpers


def _to_decimal(number: str) -> Decimal | None:
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


def _format(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _strip_prefix(word: str) -> str:
    for prefix in ("وال", "بال", "ال", "و", "ف", "ب"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _content_words_after(text: str, pos: int) -> Iterator[str]:
    stop = _BREAK_RE.search(text, pos)
    for match in _WORD_RE.finditer(text, pos, stop.start() if stop else len(text)):
        word = match.group()
        if word not in STOPWORDS and word not in FILLERS and not word[0].isdigit():
            yield word


def _words_before(text: str, pos: int, limit: int = 6) -> list[str]:
    """Up to ``limit`` words before pos, nearest first, not crossing a clause break."""
    window = text[max(0, pos - 80) : pos]
    breaks = list(_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return [m.group() for m in _WORD_RE.finditer(window)][::-1][:limit]


def _subject_after(text: str, pos: int) -> str:
    for word in _content_words_after(text, pos):
        return light_stem(word)
    return ""


def _subject_before(text: str, pos: int) -> str:
    for word in _words_before(text, pos):
        # A verb of change ("rose 3.5%") says how, not what.
        if (
            word not in STOPWORDS
            and word not in FILLERS
            and not word[0].isdigit()
            and _strip_prefix(word) not in DIRECTIONS
            and word not in DIRECTIONS
        ):
            return light_stem(word)
    return ""


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month_of(match: re.Match[str], *groups: str) -> int:
    for group in groups:
        name = match.groupdict().get(group)
        if name:
            return MONTHS[" ".join(name.split())]
    raise KeyError(groups)


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in folded text: value is "YYYY-MM-DD" or "YYYY-MM"."""

    start: int
    end: int
    value: str


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(folded: str, *, published: dt.date | None = None) -> list[FoundDate]:
    """Full and partial calendar dates in folded text, longest forms first, no overlaps.

    Relative month names ("أغسطس الماضي", "last August") and day-month without a year
    need ``published`` and are skipped without it.
    """
    found: list[FoundDate] = []
    taken = bytearray(len(folded) + 1)

    def add(start: int, end: int, value: str | None) -> None:
        if value and not any(taken[start:end]):
            found.append(FoundDate(start, end, value))
            taken[start:end] = b"\x01" * (end - start)

    for match in _ISO_DATE_RE.finditer(folded):
        add(
            match.start(),
            match.end(),
            _safe_date(int(match["year"]), int(match["mon"]), int(match["day"])),
        )
    for match in _NUMERIC_DATE_RE.finditer(folded):
        add(
            match.start(),
            match.end(),
            _safe_date(int(match["year"]), int(match["mon"]), int(match["day"])),
        )
    for regex in (_DMY_RE, _MDY_RE):
        for match in regex.finditer(folded):
            add(
                match.start(),
                match.end(),
                _safe_date(int(match["year"]), _month_of(match, "month"), int(match["day"])),
            )
    for match in _MONTH_YEAR_RE.finditer(folded):
        year = int(match["year"])
        if YEAR_MIN <= year <= YEAR_MAX:
            add(match.start(), match.end(), f"{year:04d}-{_month_of(match, 'month'):02d}")
    if published is None:
        return sorted(found, key=lambda d: d.start)
    for match in _MONTH_RELATIVE_RE.finditer(folded):
        month = _month_of(match, "month", "month_en")
        relation = match["rel"] or match["rel_en"]
        year = published.year
        if relation in ("الماضي", "المنصرم", "الفائت", "last"):
            # The latest such month before publication: "last August" read in October
            # is this year's August, read in March it is last year's.
            year -= 1 if month >= published.month else 0
        elif relation in ("المقبل", "القادم", "next"):
            year += 1 if month <= published.month else 0
        add(match.start(), match.end(), f"{year:04d}-{month:02d}")
    for match in _DAY_MONTH_RE.finditer(folded):
        month = _month_of(match, "month", "month_b")
        day = int(match["day"] or match["day_b"])
        value = _safe_date(published.year, month, day)
        # A day-month more than a month after publication belongs to the previous year.
        if value and dt.date.fromisoformat(value) > published + dt.timedelta(days=31):
            value = _safe_date(published.year - 1, month, day)
        add(match.start(), match.end(), value)
    return sorted(found, key=lambda d: d.start)


@lru_cache(maxsize=4096)
def normalized(text: str) -> str:
    """normalize_text, cached: segmentation, attribution and cleaning all ask for the
    normal form of the same claims and lines, and camel-tools' unicode pass is the
    slowest step of the pipeline."""
    return normalize_text(text)


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date written in text (any supported form), or None."""
    for found in find_dates(normalized(text)):
        if len(found.value) == 10:
            return dt.date.fromisoformat(found.value)
    return None


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
                offset = _RELATIVE_DAY_OFFSETS[" ".join(match["word"].split())]
                return dt.date.fromisoformat(found.value) - dt.timedelta(days=offset)
    return None


# --------------------------------------------------------------------------- facts


def extract_facts(text: str, *, published: dt.date | None = None) -> tuple[Fact, ...]:
    """Every checkable fact of one claim, in order of appearance.

    ``published`` resolves relative dates (أمس, "last August", "two years ago");
    without it those are skipped rather than guessed.
    """
    folded = _fold(text)
    f = folded.text
    taken = bytearray(len(f) + 1)
    facts: list[tuple[int, Fact]] = []

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    def add(start: int, end: int, kind: str, value: str, unit: str = "", subject: str = "") -> None:
        take(start, end)
        facts.append((start, Fact(kind, value, unit, subject, folded.surface(start, end))))

    # Spans that look numeric but hold no quantity.
    for regex in (_URL_RE, _TIME_OF_DAY_RE):
        for match in regex.finditer(f):
            take(match.start(), match.end())
    # Model names (AK-74, F-16, إس-400) are names, and their digits no quantity.
    for match in _MODEL_RE.finditer(f):
        if free(match.start(), match.end()) and any(c.isdigit() for c in match.group()):
            add(match.start(), match.end(), "entity", match.group())

    for found in find_dates(f, published=published):
        if free(found.start, found.end):
            add(found.start, found.end, "date", found.value)

    last_dual_end = -2
    for match in _FEMININE_DUAL_RE.finditer(f):
        word = match.group()
        # "الدولتين الجارتين": an adjective agrees in the dual; the noun already counted.
        agreeing = f[last_dual_end : match.start()].isspace()
        if free(match.start(), match.end()) and not (
            agreeing or word in NOT_DUALS or word[1:] in NOT_DUALS
        ):
            add(match.start(), match.end(), "count", "2", "", light_stem(match["stem"] + "ه"))
        last_dual_end = match.end()

    for start, end, value, unit in _quantities(f, taken):
        _classify_quantity(f, start, end, value, unit, published, add)

    if published is not None:
        _relative_facts(f, published, free, add)

    for match in _NEGATION_RE.finditer(f):
        word = match["word"] or "not"
        facts.append(
            (
                match.start(),
                Fact(
                    "negation",
                    NEGATION_FORMS.get(word, word),
                    "",
                    "",
                    folded.surface(match.start(), match.end()),
                ),
            )
        )
    for match in _DIRECTION_RE.finditer(f):
        facts.append(
            (
                match.start(),
                Fact(
                    "direction",
                    DIRECTIONS[match["word"]],
                    "",
                    "",
                    folded.surface(match.start(), match.end()),
                ),
            )
        )
    for start, end, name in _entities(folded, taken):
        facts.append((start, Fact("entity", name, "", "", folded.surface(start, end))))

    facts.sort(key=lambda item: item[0])
    return tuple(fact for _, fact in facts)


def _quantities(f: str, taken: bytearray) -> list[tuple[int, int, Decimal, str]]:
    """(start, end, value, built-in unit) of every free number, number word and dual."""
    found: list[tuple[int, int, Decimal, str]] = []

    def with_scale(start: int, end: int, value: Decimal) -> None:
        scale = _SCALE_AFTER_RE.match(f, end)
        if scale and scale["scale"] in ABBREVIATED_SCALES:
            # "$10m", "€2.5bn" but not "100m sprint": glued, and after a currency sign.
            glued = scale.start("scale") == end
            if not (glued and _CURRENCY_BEFORE_RE.search(f[max(0, start - 6) : start])):
                scale = None
        if scale:
            value *= SCALES[scale["scale"]]
            end = scale.end()
        found.append((start, end, value, ""))
        taken[start:end] = b"\x01" * (end - start)

    for match in _QUANTITY_RE.finditer(f):
        if not any(taken[match.start() : match.end()]):
            value = _to_decimal(match["num"])
            if value is not None:
                with_scale(match.start(), match.end(), value)
    for match in _NUMBER_WORD_RE.finditer(f):
        if any(taken[match.start() : match.end()]):
            continue
        word = match["word"]
        # "واحدة من" aside, "اثنين من ممثلي" is a count; the scale words alone are 1x.
        value = Decimal(NUMBER_WORDS.get(word, 1))
        if word in STANDALONE_SCALES:
            found.append((match.start(), match.end(), Decimal(SCALES[word]), ""))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        else:
            with_scale(match.start(), match.end(), value)
    for match in _TIME_DUAL_RE.finditer(f):
        if not any(taken[match.start() : match.end()]):
            found.append((match.start(), match.end(), Decimal(2), TIME_DUALS[match["word"]]))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    found.sort(key=lambda q: q[0])
    return found


def _classify_quantity(
    f: str,
    start: int,
    end: int,
    value: Decimal,
    unit: str,
    published: dt.date | None,
    add: _Adder,
) -> None:
    """Decide what one quantity measures from the words around it, and add its fact."""
    before = f[max(0, start - 40) : start]
    text_value = _format(value)

    if not unit:
        currency = _CURRENCY_AFTER_RE.match(f, end)
        if currency:
            base = CURRENCY_FORMS.get(currency["cur"], currency["cur"])
            code, qualified = CURRENCIES[base]
            qualifier = currency["qual"] or ""
            if qualifier in qualified:
                add(
                    start,
                    currency.end(),
                    "money",
                    text_value,
                    qualified[qualifier],
                    _subject_before(f, start),
                )
            else:
                add(
                    start, currency.end("cur"), "money", text_value, code, _subject_before(f, start)
                )
            return
        symbol = _CURRENCY_BEFORE_RE.search(before)
        if symbol:
            add(
                start - (len(before) - symbol.start()),
                end,
                "money",
                text_value,
                CURRENCY_SYMBOLS.get(symbol["sym"], symbol["sym"].upper()),
                _subject_before(f, start - (len(before) - symbol.start())),
            )
            return
        percent = _PERCENT_AFTER_RE.match(f, end)
        if percent:
            add(
                start,
                percent.end(),
                "percent",
                text_value,
                "%",
                _subject_before(f, start) or _subject_after(f, percent.end()),
            )
            return
        time_unit = _TIME_UNIT_AFTER_RE.match(f, end)
        if time_unit:
            unit = TIME_UNITS[time_unit["unit"]]
            end = time_unit.end()
        elif _AGE_WITHOUT_UNIT_RE.search(before):
            add(start, end, "age", text_value, "year", "عمر")
            return

    if unit:
        _classify_time(f, start, end, value, unit, published, add)
        return

    if (
        value == value.to_integral_value()
        and YEAR_MIN <= value <= YEAR_MAX
        and len(f[start:end].strip()) == 4
    ):
        add(start, end, "year", text_value)
        return
    if (
        _YEAR_BEFORE_RE.search(before)
        and value == value.to_integral_value()
        and (YEAR_MIN <= value <= YEAR_MAX)
    ):
        add(start, end, "year", text_value)
        return

    subject = _count_subject(f, end)
    if subject:
        add(start, end, "count", text_value, "", subject)
    else:
        add(start, end, "number", text_value, "", _subject_before(f, start))


def _count_subject(f: str, end: int) -> str:
    """Stem of the noun counted right after a number ("ثلاثة قتلى", "اثنين من ممثلي")."""
    words = [m.group() for m in _WORD_RE.finditer(f, end, min(len(f), end + 40))][:2]
    stop = _BREAK_RE.match(f, end) or _BREAK_RE.match(f, end + 1)
    if not words or stop:
        return ""
    first = words[0]
    if first in ("من", "of") and len(words) > 1:
        first = words[1]
    if first in STOPWORDS or first in FILLERS or first[0].isdigit():
        return ""
    return light_stem(first)


def _classify_time(
    f: str,
    start: int,
    end: int,
    value: Decimal,
    unit: str,
    published: dt.date | None,
    add: _Adder,
) -> None:
    before = f[max(0, start - 40) : start]
    text_value = _format(value)
    age_after = _AGE_AFTER_RE.match(f, end)
    if unit == "year" and (_AGE_BEFORE_RE.search(before) or age_after):
        add(start, age_after.end() if age_after else end, "age", text_value, "year", "عمر")
        return
    ago_before = _AGO_BEFORE_RE.search(before)
    ago_after = _AGO_AFTER_RE.match(f, end)
    if ago_before or ago_after:
        span_start = start - (len(before) - ago_before.start()) if ago_before else start
        span_end = ago_after.end() if ago_after else end
        whole = value == value.to_integral_value()
        if published is not None and whole and unit in ("year", "month", "day"):
            n = int(value)
            if unit == "year":
                add(span_start, span_end, "year", str(published.year - n), "", APPROXIMATE)
            elif unit == "month":
                year, month = _add_months(published, -n)
                add(span_start, span_end, "date", f"{year:04d}-{month:02d}", "", APPROXIMATE)
            else:
                add(
                    span_start,
                    span_end,
                    "date",
                    (published - dt.timedelta(days=n)).isoformat(),
                    "",
                    APPROXIMATE,
                )
        else:
            add(span_start, span_end, "duration", text_value, unit, AGO)
        return
    add(start, end, "duration", text_value, unit, _duration_subject(f, start, end))


def _duration_subject(f: str, start: int, end: int) -> str:
    """What lasted: a known term word nearby (prison vs time served), else the nearest
    content word before, else after."""
    words = _words_before(f, start, limit=DURATION_SUBJECT_WINDOW)
    for word in words:
        subject = DURATION_SUBJECTS.get(word) or DURATION_SUBJECTS.get(_strip_prefix(word))
        if subject:
            return subject
    for word in words:
        if word not in STOPWORDS and word not in FILLERS and not word[0].isdigit():
            return light_stem(word)
    for word in _content_words_after(f, end):
        subject = DURATION_SUBJECTS.get(word) or DURATION_SUBJECTS.get(_strip_prefix(word))
        return subject or light_stem(word)
    return ""


def _relative_facts(
    f: str, published: dt.date, free: Callable[[int, int], bool], add: _Adder
) -> None:
    for match in _RELATIVE_DAY_RE.finditer(f):
        if not free(match.start(), match.end()):
            continue
        # "أمس 7 أكتوبر 2024": the explicit date that follows already says it.
        following = f[match.end() : match.end() + RELATIVE_TO_DATE_MAX_GAP + 4]
        if _DMY_RE.search(following) or _MDY_RE.search(following):
            continue
        offset = _RELATIVE_DAY_OFFSETS[" ".join(match["word"].split())]
        add(match.start(), match.end(), "date", (published + dt.timedelta(days=offset)).isoformat())
    for match in _RELATIVE_YEAR_RE.finditer(f):
        if not free(match.start(), match.end()):
            continue
        word = match["word"]
        offset = (
            -1
            if re.search(r"الماضي|المنصرم|الفائت|last", word)
            else (1 if re.search(r"المقبل|القادم|next", word) else 0)
        )
        add(match.start(), match.end(), "year", str(published.year + offset))


def _entities(folded: _Folded, taken: bytearray) -> list[tuple[int, int, str]]:
    """Names: Latin-script runs inside Arabic text, capitalised runs in English text, and
    Arabic words right after a word that introduces a name (صواريخ كورنيت)."""
    f, source = folded.text, folded.source
    found: list[tuple[int, int, str]] = []
    arabic_text = len(_ARABIC_LETTER_RE.findall(f)) > len(f) // 4
    if arabic_text:
        for match in _LATIN_RUN_RE.finditer(f):
            if not any(taken[match.start() : match.end()]):
                _add_name(found, match.start(), match.end(), match.group())
        for match in _WORD_RE.finditer(f):
            word = match.group()
            # Only the construct form introduces a name: "صحيفة X", not "الصحيفة".
            if word not in NAME_INTRODUCERS and not (
                word[0] in "وفب" and word[1:] in NAME_INTRODUCERS
            ):
                continue
            quoted_name = _QUOTED_RE.match(f, match.end())
            if quoted_name:
                _add_name(found, quoted_name.start("q"), quoted_name.end("q"), quoted_name["q"])
                continue
            names: list[re.Match[str]] = []
            for word_match in _WORD_RE.finditer(f, match.end(), min(len(f), match.end() + 60)):
                gap = f[(names[-1].end() if names else match.end()) : word_match.start()]
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
                    or len(names) == 2
                ):
                    break
                names.append(word_match)
            if names:
                _add_name(
                    found, names[0].start(), names[-1].end(), " ".join(n.group() for n in names)
                )
    else:
        # Capitals only show in the source; its offsets map 1:1 for Latin text.
        for match in _CAPITALISED_RUN_RE.finditer(source):
            words = match.group().split()
            while words and words[0].lower() in ENGLISH_NON_NAMES:
                words = words[1:]
            if not words:
                continue
            at_sentence_start = (
                not source[: match.start()].strip()
                or source[: match.start()].rstrip()[-1] in '.!?"“'
            )
            if len(words) == 1 and at_sentence_start and words == match.group().split():
                continue
            _add_name(found, match.start(), match.end(), " ".join(words))
    return found


def _add_name(found: list[tuple[int, int, str]], start: int, end: int, name: str) -> None:
    keys = [name_key(w) for w in _WORD_RE.findall(name) if w.lower() not in STOPWORDS]
    value = " ".join(k for k in keys if k)
    if value:
        found.append((start, end, value))


# --------------------------------------------------------------------------- attribution

_SAY_AR = (
    r"قال|قالت|يقول|تقول|افاد|افادت|اكد|اكدت|ذكر|ذكرت|اعلن|اعلنت|اضاف|اضافت|اوضح|اوضحت"
    r"|صرح|صرحت|كشف|كشفت"
)
_ATTRIBUTION_AFTER_RE = re.compile(
    r"(?<!\w)(?:"
    rf"[وف]?(?:{_SAY_AR})\s+"
    r"|[وف]?نقل(?:ت)?\s+(?:[^.,;]{1,40}?\s)?عن\s+"
    r"|نقلا\s+عن\s+|[وف]?(?:ب|ل)?حسب\s+|[وف]?وفق(?:ا)?(?:\s+ل|\s+)"
    r"|according\s+to\s+|said\s+(?=[A-Z\"]))"
)
_ATTRIBUTION_BEFORE_RE = re.compile(r"(?P<who>(?:[\w\"'’-]+\s+){1,4}?)(?:said|says|told)(?!\w)")
# Words that end the name of a source: "قال الكرملين إن ...", "according to X on Monday".
_SOURCE_STOPS = frozenset(
    """ان انه انها ان عن علي في الي من امس اليوم يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه
    السبت الاحد قوله لدي ل that on in at of to he she it they we on monday tuesday wednesday
    thursday friday saturday sunday""".split()
)
_PRONOUNS = frozenset("he she it they we i you هو هي هم".split())
# "Keep it short": a source is a name or a role, rarely longer than this.
SOURCE_MAX_WORDS = 4


def attribution_of(text: str) -> str:
    """Normalised name of who the claim quotes ("" when the outlet speaks for itself)."""
    folded = normalized(text)
    for match in _ATTRIBUTION_AFTER_RE.finditer(folded):
        # The English said-X form needs the source's capitals, hence the original text.
        source = _source_words(folded, match.end())
        if source:
            return source
    english = _ATTRIBUTION_BEFORE_RE.search(folded)
    if english:
        words = [w.strip("\"'’") for w in english["who"].split()]
        if words and words[-1] not in _PRONOUNS:
            kept: list[str] = []
            for word in reversed(words):
                if word in _SOURCE_STOPS or not word:
                    break
                kept.insert(0, word)
            return " ".join(kept)
    return ""


def _source_words(folded: str, pos: int) -> str:
    stop = _BREAK_RE.search(folded, pos)
    while stop and stop.group() == '"' and folded.find('"', stop.end()) != -1:
        # Quotes wrap names ("رويترز", "وول ستريت جورنال"): read through them.
        closing = folded.find('"', stop.end())
        stop = _BREAK_RE.search(folded, closing + 1)
        if stop and stop.group() != '"':
            break
    segment = folded[pos : stop.start() if stop else len(folded)].replace('"', " ")
    words: list[str] = []
    for word in segment.split():
        if word in _SOURCE_STOPS or word[0].isdigit() or len(words) == SOURCE_MAX_WORDS:
            break
        words.append(word)
    if words and words[0] in _PRONOUNS:
        return ""
    return " ".join(words)
