"""Frozen dataclasses: the contract between the pipeline's stages.

Every stage takes and returns these; nothing here knows about Django. Offsets are
character offsets into the *clean* text of an article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RelationKind = Literal["agreement", "contradiction", "unrelated"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact inside a claim.

    kind: money | count | age | year | date | duration | percent | number | negation |
          direction | place | entity
    value: canonical value as text ("10000000", "2024-10-07", "2008", "25", "up", ...)
    unit: what the value is measured in ("USD", "year", "month", "%", "" ...)
    subject: normalised word(s) next to the value that say *what* is measured
             ("سجن", "عمر", "صفقه" ...), so that 25 years in prison and 12 years served
             are told apart as different quantities.
    text: the surface text in the claim.
    """

    kind: str
    value: str
    unit: str = ""
    subject: str = ""
    text: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


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
    attribution: str = ""  # normalised name of who is quoted ("" when the outlet says it)


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    clean: CleanedArticle
    claims: tuple[ClaimDraft, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """How claim b stands to claim a.

    details is JSON-serialisable: {"matched": [...], "differing": [...], "reason": str,
    "disputed_by_sources": bool, ...}; the UI and the exports show it.
    """

    kind: RelationKind
    score: float
    explanation: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Match:
    """Two claims of two different articles that speak of the same thing."""

    article_a: int
    claim_a: int
    article_b: int
    claim_b: int
    similarity: float


@dataclass(frozen=True, slots=True)
class LinkDraft:
    match: Match
    relation: Relation
