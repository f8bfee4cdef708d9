"""Text normalisation for matching: Arabic orthography, digits, light stemming, name keys.

The clean text keeps its original spelling; these functions produce the forms that
matching and fact extraction compare. Also here, as the lowest module every stage reads:
the word and clause-break patterns of folded text, and ``alternation``, which turns a word
list of pipeline/lang into a regex.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import Stemmer
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)
from camel_tools.utils.transliterate import Transliterator

from newsdiff.pipeline import lang

TATWEEL = "\u0640"
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# The Persian and Urdu forms of Arabic letters, as Arabic pages that quote or copy Iranian,
# Iraqi or Afghan sources write them ("الرئیس", "کرمان"): folded to the Arabic letter, so
# that "رئیسی" and "رئيسي" are one word and one name (name_key). The teh marbuta goal folds
# as teh marbuta does, to heh.
LETTER_FORMS = str.maketrans(
    {
        "\u06cc": "\u064a",  # ی Farsi yeh: ي
        "\u06d2": "\u064a",  # ے yeh barree: ي
        "\u06a9": "\u0643",  # ک keheh: ك
        "\u06c0": "\u0647",  # ۀ heh with yeh above: ه
        "\u06be": "\u0647",  # ھ heh doachashmee: ه
        "\u06c1": "\u0647",  # ہ heh goal: ه
        "\u06c3": "\u0647",  # ۃ teh marbuta goal: ه
    }
)
# Arabic punctuation and typographic quotes folded to their plain forms.
PUNCTUATION = str.maketrans(
    {
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",
        "٬": ",",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
    }
)
WORD_RE = re.compile(r"[\w%$]+(?:[.,]\d+)*", re.UNICODE)
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")

_english_stemmer = Stemmer.Stemmer("english")
_ar2bw = Transliterator(CharMapper.builtin_mapper("ar2bw"))

# Clitics and affixes peeled by light_stem, longest first (lang/ar.py says how they were chosen).
PREFIXES = lang.merged_tuple("STEM_PREFIXES")
SUFFIXES = lang.merged_tuple("STEM_SUFFIXES")

# Countries by every name and adjective of nationality (lang COUNTRY_NAMES), found behind a
# clitic or the article, a nationality ending, or the English possessive.
COUNTRY_NAMES: dict[str, str] = lang.merged_dict("COUNTRY_NAMES")
NATIONALITY_SUFFIXES = lang.merged_tuple("NATIONALITY_SUFFIXES")
POSSESSIVE = "'s"

# Words that carry no content for matching (normalised forms), and the words of negation.
STOPWORDS = lang.merged_set("STOPWORDS")
NEGATIONS = lang.merged_set("NEGATIONS")

# Words and clause breaks of folded text: a fact's subject and a quoted source are read
# from the words up to the next break.
FOLDED_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
CLAUSE_BREAK_RE = re.compile(r"[.,;:!?\"()\[\]\n]")


@lru_cache(maxsize=65536)
def normalize_token(token: str) -> str:
    return _normalize(token)


def _normalize(text: str) -> str:
    text = normalize_unicode(text).translate(LETTER_FORMS)
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return text.translate(DIGITS).translate(PUNCTUATION).lower()


def normalize_text(text: str) -> str:
    """Orthographic normal form: no diacritics or tatweel, one alef, ya for alef maksura,
    ha for teh marbuta, Arabic letters for their Persian forms, ASCII digits, plain
    punctuation, lower case, single spaces."""
    return " ".join(_normalize(text).split())


@lru_cache(maxsize=4096)
def normalized(text: str) -> str:
    """normalize_text, cached: segmentation, attribution and cleaning all ask for the
    normal form of the same claims and lines, and camel-tools' unicode pass is the
    slowest step of the pipeline."""
    return normalize_text(text)


def alternation(words: Iterable[str], *, any_space: bool = False) -> str:
    """A regex alternation of words (a word list of pipeline/lang), longest first, so that a
    word is never cut short by a shorter alternative ("كانون الثاني" before "الثاني").

    With any_space, a space inside a phrase matches any run of whitespace ("اول امس" also
    matches "اول  امس"); without it, exactly one space, as in folded text.
    """
    escaped = [re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True)]
    if not escaped:
        # An empty alternation would match everywhere: a list emptied by mistake.
        raise ValueError("alternation of no words")
    if any_space:
        escaped = [w.replace(r"\ ", r"\s+") for w in escaped]
    return "|".join(escaped)


def tokens(text: str) -> list[str]:
    """Word tokens of already normalised text (numbers keep their decimal point)."""
    return WORD_RE.findall(text)


# wordfreq lists Arabic words as they are written, with hamza on the alef, teh marbuta and
# alef maksura; a normalised token has none of them. Looked up as they are, "اعلن" (أعلن,
# announced: Zipf 5.1) read 3.9 and "لمده" (لمدة, for a period: 5.4) was not listed at all,
# so the commonest words of a report weighed as rare names. Every spelling that folds to a
# token counts for it: any alef may carry a hamza or a madda, a final ha may be a teh
# marbuta and a final ya an alef maksura.
_ALEF_SPELLINGS = "اأإآ"
_FINAL_SPELLINGS = {"ه": "هة", "ي": "يى"}
# A token with more alefs than this is looked up with the first ones only respelled.
_MAX_ALEFS_RESPELLED = 4


def _arabic_spellings(token: str) -> Iterator[str]:
    options: list[str] = []
    alefs = 0
    for char in token:
        if char == "ا" and alefs < _MAX_ALEFS_RESPELLED:
            options.append(_ALEF_SPELLINGS)
            alefs += 1
        else:
            options.append(char)
    if options:
        options[-1] = _FINAL_SPELLINGS.get(token[-1], options[-1])
    return ("".join(spelling) for spelling in itertools.product(*options))


# Words whose full stop ends no sentence and no name (lowercase, without their last dot).
ABBREVIATIONS = lang.merged_set("ABBREVIATIONS")


# The fewest letters a word keeps once a clitic is peeled off it for a lookup (listed_entry).
LISTED_MIN_LETTERS = 3


def listed_entry(word: str, vocabulary: Collection[str]) -> str:
    """The entry of vocabulary the word is, bare or without a clitic or the article it
    starts with (PREFIXES: "وأصيب" -> "اصيب", "والتقرير" -> "تقرير"), keeping at least
    LISTED_MIN_LETTERS letters; "" if none."""
    if word in vocabulary:
        return word
    return next(
        (
            word[len(prefix) :]
            for prefix in PREFIXES
            if word.startswith(prefix)
            and len(word) - len(prefix) >= LISTED_MIN_LETTERS
            and word[len(prefix) :] in vocabulary
        ),
        "",
    )


def abbreviated(word: str) -> bool:
    """Whether a lowercase word before a full stop is a one-letter initial or an
    abbreviation (ABBREVIATIONS: "dr", "u.s", "adm"), whose full stop ends nothing."""
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


@lru_cache(maxsize=200_000)
def word_zipf(token: str) -> float:
    """How common a normalised word is in its language, on wordfreq's Zipf scale (log10 of
    occurrences per billion words; 0 for a word the lists do not know)."""
    from wordfreq import get_frequency_dict, zipf_frequency  # lists read on first use

    if not ARABIC_RE.search(token):
        return float(zipf_frequency(token, "en"))
    listed = get_frequency_dict("ar")
    frequency = sum(listed.get(spelling, 0.0) for spelling in _arabic_spellings(token))
    return round(math.log10(frequency * 1e9), 2) if frequency else 0.0


@lru_cache(maxsize=65536)
def light_stem(token: str) -> str:
    """Strip Arabic clitics and common affixes (or stem English) from a normalised token."""
    if not ARABIC_RE.search(token):
        return _english_stemmer.stemWord(token) if token.isalpha() else token
    stem = token
    for prefix in PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= (4 if len(prefix) == 1 else 3):
            stem = stem[len(prefix) :]
            break
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            break
    return stem


# Name keys: Arabic and Latin spellings of one name reduce to the same consonant skeleton,
# e.g. كورنيت -> "krnt" and Kornet -> "krnt".
_LATIN_DIGRAPHS = (("ng", "n"), ("gh", "g"), ("kh", "k"), ("dh", "d"))
_LATIN_FOLD = str.maketrans({"c": "k", "q": "k", "z": "s", "v": "f", "p": "b", "g": "j", "x": "ks"})
_BW_FOLD = str.maketrans(
    {
        "q": "k",
        "g": "j",
        "H": "h",
        "x": "k",
        "*": "d",
        "S": "s",
        "D": "d",
        "T": "t",
        "Z": "d",
        "v": "t",
        "$": "sh",
        "E": "",
        "'": "",
        ">": "",
        "<": "",
        "|": "",
        "&": "",
        "}": "",
        "A": "",
        "w": "",
        "y": "",
        "Y": "",
        "p": "",
        "h": "h",
    }
)
_VOWELS_RE = re.compile(r"[aeiouwy]")


@lru_cache(maxsize=65536)
def name_key(token: str) -> str:
    """A coarse phonetic key shared by Arabic and Latin spellings of a name."""
    if ARABIC_RE.search(token):
        latin = _ar2bw.transliterate(token).translate(_BW_FOLD).lower()
    else:
        latin = unicodedata.normalize("NFKD", token.lower())
        # "ng" is one sound Arabic writes with ن alone (Washington, واشنطن); "gh", "kh" and
        # "dh" each write one Arabic letter (Ighil إغيل, Khaled خالد, Abu Dhabi أبو ظبي).
        latin = "".join(c for c in latin if c.isalpha())
        for digraph, letter in _LATIN_DIGRAPHS:
            latin = latin.replace(digraph, letter)
        latin = latin.translate(_LATIN_FOLD)
        latin = latin.replace("sh", "$").replace("th", "t").replace("ph", "f").replace("$", "sh")
        latin = _VOWELS_RE.sub("", latin)
    return re.sub(r"(.)\1+", r"\1", latin)


def word_forms(token: str) -> list[str]:
    """A normalised token, then the token without each clitic or article it starts with
    (PREFIXES, longest first): "والمصريين", "مصريين", ..."""
    if not token.startswith(PREFIXES):
        return [token]
    return [token, *(token[len(p) :] for p in PREFIXES if token.startswith(p))]


@lru_cache(maxsize=50_000)
def country_of(token: str) -> str:
    """The country a normalised token names ("والمصريين", "بواشنطن", "lebanon's"), as the
    key every language shares (lang COUNTRY_NAMES), or ""."""
    token = token.removesuffix(POSSESSIVE)
    forms = word_forms(token)
    for form in forms:
        if form in COUNTRY_NAMES:
            return COUNTRY_NAMES[form]
    for form in forms:
        for suffix in NATIONALITY_SUFFIXES:
            if form.endswith(suffix) and form[: -len(suffix)] in COUNTRY_NAMES:
                return COUNTRY_NAMES[form[: -len(suffix)]]
    return ""


# Letters (no digits, no underscore), and those of the Arabic block (ARABIC_RE).
_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_LETTER_RE = re.compile(rf"(?={ARABIC_RE.pattern})[^\W\d_]")


def is_arabic(text: str) -> bool:
    """Whether most of the text's letters are Arabic (a claim's view holds the answer for
    its normalised text: relate.words.ClaimView.arabic)."""
    letters = len(_LETTER_RE.findall(text))
    return bool(letters) and len(_ARABIC_LETTER_RE.findall(text)) / letters > 0.5


_SURFACE_WORD_RE = re.compile(r"\S+")
# Quotation marks, not an apostrophe inside a word ("Messi's").
_QUOTES_RE = re.compile("[\"“”«»„]|(?<!\\w)'|'(?!\\w)")
# One-letter clitics an Arabic word may carry in front of a name ("لتقارير سعودية", "بحسب
# وزارة"): the name is the word without it.
_NAME_CLITICS = ("ل", "ب", "و", "ف")


def _after_clitic(text: str, start: int, end: int, clitic: str) -> int:
    """Where the name starts in the word text[start:end] that writes it with a clitic in
    front: after the letter that folds to the clitic (a presentation form such as "ﻟ"
    included) and that letter's own vowel mark ("لِتقارير"); -1 if the word has none."""
    for at in range(start, end):
        if normalize_text(text[at]) == clitic:
            at += 1
            while at < end and not normalize_text(text[at]):
                at += 1
            return at
    return -1


def surface_of(text: str, normalized_phrase: str) -> str:
    """The words of text whose normal form is normalized_phrase, as written there.

    The pipeline compares names in normal form ("صحيفه وول ستريت جورنال"); readers should
    see the outlet's own spelling ("صحيفة "وول ستريت جورنال""). Falls back to the phrase.
    """
    wanted = tokens(normalized_phrase)
    if not wanted:
        return normalized_phrase
    # normalize_token is normalize_text of one word (cached) but for spaces, which tokens()
    # drops anyway.
    words = [
        (m.start(), m.end(), tokens(normalize_token(m.group())))
        for m in _SURFACE_WORD_RE.finditer(text)
    ]
    # The name as written, else (a second pass) written with a clitic in front.
    for with_clitic in (False, True):
        for i in range(len(words)):
            if not words[i][2]:
                continue
            start, first = words[i][0], words[i][2][0]
            if with_clitic:
                clitic = first[:1]
                if clitic not in _NAME_CLITICS or first[1:] != wanted[0]:
                    continue
                start = _after_clitic(text, start, words[i][1], clitic)
                if start < 0:
                    continue
            elif first != wanted[0]:
                continue
            found: list[str] = [wanted[0], *words[i][2][1:]]
            j = i + 1
            while j < len(words) and len(found) < len(wanted):
                found.extend(words[j][2])
                j += 1
            if found[: len(wanted)] == wanted:
                # Quotation marks around a name are the article's typography, not the name.
                return _QUOTES_RE.sub("", text[start : words[j - 1][1]]).strip(" ،,.:;")
    return normalized_phrase
