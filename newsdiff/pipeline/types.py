"""Frozen dataclasses: the contract between the pipeline's stages, and with the rest of newsdiff.

Every stage takes and returns these; nothing here knows about Django. Offsets are character
offsets into the *clean* text of an article.

A link's details (``RelationDetails``) are stored with the link and published in the JSON
export, so they are converted to and from JSON here and nowhere else: ``to_json`` and
``from_json``. What they carry is public: values as the article wrote them, canonical values
(numbers, ISO dates, currency codes) and reason codes; never a stem or a normalised key. The
sentences people read are rendered from them outside the pipeline (newsdiff/explanations.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any, Literal

# What the relate stage says of two aligned claims. "unrelated" pairs are dropped, never stored.
RelationKind = Literal["agreement", "contradiction", "disputed", "updated", "unrelated"]
# The kinds a stored link may have, in the order screens list them.
LINK_KINDS: tuple[RelationKind, ...] = ("agreement", "contradiction", "disputed", "updated")


class Reason(StrEnum):
    """Why the relate stage decided what it did: one code per rule, rendered for people by
    newsdiff/explanations.py.

    A dispute ("disputed": the two claims quote different sources who disagree) carries the
    reason of the disagreement (value_mismatch, negation ...); an update carries
    FIGURE_UPDATED.
    """

    SAME_FACTS = "same_facts"  # agreement: the facts both claims give are equal
    PARAPHRASE = "paraphrase"  # agreement: the same thing in other words
    DISTINCT_QUANTITIES = "distinct_quantities"  # agreement: numbers of different things
    VALUE_MISMATCH = "value_mismatch"  # one quantity, two values
    DATE_MISMATCH = "date_mismatch"  # one event, two dates
    TIME_MISMATCH = "time_mismatch"  # one event, two times of day
    PLACE_MISMATCH = "place_mismatch"  # one event, two places
    NEGATION = "negation"  # one claim negates the other
    OPPOSITE_DIRECTION = "opposite_direction"  # rose vs fell, confirmed vs denied
    ENTITY_SUBSTITUTION = "entity_substitution"  # another name in the same role
    LEARNED = "learned"  # the learned model, where the rules run out
    FIGURE_UPDATED = "figure_updated"  # a figure that changed between two publication times
    FIGURE_UPDATED_DAYS = "figure_updated_days"  # ... between two days the claims tell of
    FIGURE_REVISED = "figure_revised"  # one source's count, given twice, two values
    LOW_OVERLAP = "low_overlap"  # unrelated: the claims only look alike


# Fact kinds whose value is a quantity, a date, or words (names and places).
QUANTITY_KINDS = frozenset(
    {"money", "count", "age", "duration", "percent", "number", "temperature"}
)
# Quantities read at one place and hour (a temperature): two equal readings agree; two that
# differ are two readings, which no rule sets against each other.
READING_KINDS = frozenset({"temperature"})
DATE_KINDS = frozenset({"date", "year"})
NAME_KINDS = frozenset({"entity", "place"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact inside a claim, as the engine compares it (stored with the claim).

    kind: money | count | age | year | date | time | daypart | duration | percent | number |
          temperature | negation | direction | bearing | region | place | entity
    value: canonical value ("10000000", "2024-10-07", "2008", "25", "up", ...); for names
           a spelling-independent key, which is internal (see ``FactValue.of``)
    unit: what the value is measured in ("USD", "year", "month", "%", "" ...)
    subject: normalised word(s) next to the value that say *what* is measured ("سجن",
             "عمر" ...), so that 25 years in prison and 12 years served are told apart as
             different quantities. Internal: never shown or exported.
    text: the surface text in the claim.
    """

    kind: str
    value: str
    unit: str = ""
    subject: str = ""
    text: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fact:
        return cls(
            kind=str(data.get("kind", "")),
            value=str(data.get("value", "")),
            unit=str(data.get("unit", "")),
            subject=str(data.get("subject", "")),
            text=str(data.get("text", "")),
        )


@dataclass(frozen=True, slots=True)
class FactValue:
    """A fact as people and researchers see it: the words as written, and its canonical form.

    value: a decimal number ("10000000", "2.5"), an ISO 8601 date ("2024", "2024-08",
           "2024-10-07"), a time of day ("22:11"), a part of the day (dawn | morning | noon |
           afternoon | evening | night), a direction code (up | down | confirm |
           deny), a bearing or a part of a country in degrees from north ("225":
           south-west), or, for names and places, the words as written.
    unit: an ISO 4217 currency code, a unit of time (year, month, week, day, hour, decade),
          "%", or "".
    text: the words of the claim that carry the fact, exactly as the article wrote them.
    """

    kind: str
    value: str
    unit: str = ""
    text: str = ""

    @classmethod
    def of(cls, fact: Fact) -> FactValue:
        """The public form of a stored fact: a name's internal key becomes its words."""
        value = fact.text if fact.kind in NAME_KINDS and fact.text else fact.value
        return cls(kind=fact.kind, value=value, unit=fact.unit, text=fact.text or value)

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "value": self.value, "unit": self.unit, "text": self.text}

    @classmethod
    def from_json(cls, data: Any) -> FactValue:
        if not isinstance(data, Mapping):
            return cls(kind="", value="")
        return cls(
            kind=str(data.get("kind", "")),
            value=str(data.get("value", "")),
            unit=str(data.get("unit", "")),
            text=str(data.get("text", "")),
        )


@dataclass(frozen=True, slots=True)
class FactDifference:
    """One fact the two claims give differently: claim a's value and claim b's."""

    kind: str
    a: FactValue
    b: FactValue

    def swapped(self) -> FactDifference:
        return FactDifference(kind=self.kind, a=self.b, b=self.a)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": self.a.to_json(), "b": self.b.to_json()}

    @classmethod
    def from_json(cls, data: Any) -> FactDifference:
        if not isinstance(data, Mapping):
            return cls(kind="", a=FactValue("", ""), b=FactValue("", ""))
        return cls(
            kind=str(data.get("kind", "")),
            a=FactValue.from_json(data.get("a")),
            b=FactValue.from_json(data.get("b")),
        )


def _date_or_none(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _reason(value: Any) -> Reason:
    try:
        return Reason(str(value))
    except ValueError:
        return Reason.PARAPHRASE


@dataclass(frozen=True, slots=True)
class RelationDetails:
    """Everything a relation was decided from, oriented from claim a to claim b.

    matched: the facts both claims give (as claim a wrote them).
    differing: the facts that conflict (for an update: that changed between the two times).
    distinct: numbers of one kind that measure different things (a 25-year sentence and 12
              years served): the reason an agreement is not a contradiction.
    source_a, source_b: who each claim quotes, as the article wrote it ("" when the outlet
              says it itself); a dispute is a disagreement between these two.
    published_a, published_b: the two articles' publication dates, for an update.
    first: for an update its dates do not order (one day, or a date unknown), the claim
              ("a" or "b") whose figure the wording tells as the earlier one ("had earlier
              said 40", "a provisional toll" against a higher figure, "rose to 60" against
              a lower one); "" when nothing tells the order.
    similarity: content overlap of the two claims (0-1); model_probability: the learned
              model's contradiction probability (0-1; 0 when it was not consulted).
    """

    reason: Reason
    matched: tuple[FactValue, ...] = ()
    differing: tuple[FactDifference, ...] = ()
    distinct: tuple[FactDifference, ...] = ()
    source_a: str = ""
    source_b: str = ""
    published_a: dt.date | None = None
    published_b: dt.date | None = None
    similarity: float = 0.0
    model_probability: float = 0.0
    first: str = ""

    def swapped(self) -> RelationDetails:
        """The same details read from claim b's side."""
        return replace(
            self,
            differing=tuple(d.swapped() for d in self.differing),
            distinct=tuple(d.swapped() for d in self.distinct),
            source_a=self.source_b,
            source_b=self.source_a,
            published_a=self.published_b,
            published_b=self.published_a,
            first={"a": "b", "b": "a"}.get(self.first, ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason.value,
            "matched": [m.to_json() for m in self.matched],
            "differing": [d.to_json() for d in self.differing],
            "distinct": [d.to_json() for d in self.distinct],
            "source_a": self.source_a,
            "source_b": self.source_b,
            "published_a": self.published_a.isoformat() if self.published_a else None,
            "published_b": self.published_b.isoformat() if self.published_b else None,
            "similarity": round(self.similarity, 4),
            "model_probability": round(self.model_probability, 4),
            "first": self.first,
        }

    @classmethod
    def from_json(cls, data: Any) -> RelationDetails:
        """Details read back from storage; missing or malformed fields take their defaults."""
        if not isinstance(data, Mapping):
            return cls(reason=Reason.PARAPHRASE)

        def items(key: str) -> list[Any]:
            value = data.get(key)
            return value if isinstance(value, list) else []

        def number(key: str) -> float:
            value = data.get(key)
            return float(value) if isinstance(value, int | float) else 0.0

        return cls(
            reason=_reason(data.get("reason")),
            matched=tuple(FactValue.from_json(m) for m in items("matched")),
            differing=tuple(FactDifference.from_json(d) for d in items("differing")),
            distinct=tuple(FactDifference.from_json(d) for d in items("distinct")),
            source_a=str(data.get("source_a") or ""),
            source_b=str(data.get("source_b") or ""),
            published_a=_date_or_none(data.get("published_a")),
            published_b=_date_or_none(data.get("published_b")),
            similarity=number("similarity"),
            model_probability=number("model_probability"),
            first=str(data.get("first")) if data.get("first") in ("a", "b") else "",
        )


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the raw text itself shows about the article."""

    title: str = ""
    outlet_name: str = ""
    outlet_domain: str = ""
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CleanedArticle:
    text: str
    removed: tuple[str, ...] = ()
    meta: ArticleMeta = field(default_factory=ArticleMeta)


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim as the pipeline sees it: a sentence or clause of the clean text."""

    position: int
    text: str
    normalized: str
    start: int
    end: int
    facts: tuple[Fact, ...] = ()
    # Who the claim quotes: normalised, for comparing ("" when the outlet says it) ...
    attribution: str = ""
    # ... and as the article wrote it, for people.
    attribution_text: str = ""


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    clean: CleanedArticle
    claims: tuple[ClaimDraft, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """How claim b stands to claim a: a kind, a confidence in [0, 1], and why."""

    kind: RelationKind
    score: float
    details: RelationDetails

    @property
    def reason(self) -> Reason:
        return self.details.reason


@dataclass(frozen=True, slots=True)
class Match:
    """Two claims that speak of the same thing: of two articles, or of one article that
    quotes two sources disputing it (inner_disputes)."""

    article_a: int
    claim_a: int
    article_b: int
    claim_b: int
    similarity: float
    # The cosine of the two claims' sentence vectors when their meaning, not their words,
    # paired them (a translation, a paraphrase): 0.0 for a pair found by its words.
    meaning: float = 0.0
    # The cosine of the two claims' sentence vectors, however they were paired (None when
    # the aligner had no vectors).
    cosine: float | None = None


@dataclass(frozen=True, slots=True)
class LinkDraft:
    match: Match
    relation: Relation
