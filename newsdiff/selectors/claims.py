"""Reads for one claim and one article: the claim panel (every link from the claim, typed
and oriented from it) and an article's text with its claims in place.

Statuses are those services stored (comparison.story_verdicts); the panel's sentences come
from newsdiff/explanations.py, which renders a link's reason and details in the reader's
language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce

from newsdiff.comparison import WEAK_LINK_SCORE, ArticleColumn, ClaimRow
from newsdiff.explanations import link_sentence
from newsdiff.models import Article, Claim, ClaimLink, LinkReview, ReviewDecision
from newsdiff.pipeline.types import Fact, FactDifference, FactValue, RelationDetails
from newsdiff.selectors.story import CLAIM_ROW_FIELDS, article_columns, claim_row

# --- Claim detail -----------------------------------------------------------------------

# The order the claim panel lists links in (pipeline.types.LINK_KINDS, conflicts first):
# what an editor has to check leads, what only confirms the claim follows.
PANEL_ORDER = ("contradiction", "disputed", "updated", "agreement")


@dataclass(frozen=True, slots=True)
class TextSegment:
    text: str
    highlighted: bool


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link seen from the claim the panel stands on: "here" is that claim, "there" the
    counterpart; details are swapped when the claim is the link's claim b."""

    link: ClaimLink
    counterpart: Claim
    relation: str
    reason: str
    details: RelationDetails
    # The link's explanation in the reader's language (explanations.link_sentence).
    explanation: str
    claim_segments: list[TextSegment]
    counterpart_segments: list[TextSegment]
    # The audit trail of this claim pair, newest first (it outlives realignment).
    reviews: list[LinkReview]

    @property
    def differing(self) -> tuple[FactDifference, ...]:
        """The facts that differ: a = here, b = there."""
        return self.details.differing

    @property
    def matched(self) -> tuple[FactValue, ...]:
        return self.details.matched

    @property
    def review(self) -> str:
        return self.link.review

    @property
    def counts(self) -> bool:
        return self.link.review != ReviewDecision.DISMISSED

    @property
    def weak(self) -> bool:
        """An agreement the engine is unsure of (comparison.WEAK_LINK_SCORE): the panel
        folds it away with its scores rather than lead with it."""
        return self.relation == "agreement" and self.link.score < WEAK_LINK_SCORE

    @property
    def wire_copy(self) -> bool:
        """The two claims are one wire text printed twice: a copy, not a confirmation."""
        article_a, article_b = self.link.claim_a.article, self.link.claim_b.article
        return (
            article_b.copy_of_id == article_a.id
            or article_a.copy_of_id == article_b.id
            or (article_a.copy_of_id is not None and article_a.copy_of_id == article_b.copy_of_id)
        )


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: Claim
    # Every link, in the panel's order: conflicts (PANEL_ORDER), then agreements by
    # confidence, then the weak matches.
    links: list[LinkView]
    segments: list[TextSegment]
    # The claim's facts for reading (never the engine's internal subject or key).
    facts: list[FactValue]

    @property
    def attribution(self) -> str:
        """Who the claim quotes, as the article wrote it ("" when the outlet says it)."""
        return self.claim.attribution_text

    @property
    def strong_links(self) -> list[LinkView]:
        """The links the panel lists open: conflicts first, then agreements."""
        return [view for view in self.links if not view.weak]

    @property
    def weak_links(self) -> list[LinkView]:
        """Agreements scored below WEAK_LINK_SCORE, folded away at the end of the panel."""
        return [view for view in self.links if view.weak]

    @property
    def linked_ids_text(self) -> str:
        """The counterparts of links that count, for the panel's data-linked attribute (a
        weak match is no counterpart to point at)."""
        return " ".join(
            str(view.counterpart.id) for view in self.links if view.counts and not view.weak
        )


def _segments(text: str, needles: Iterable[str]) -> list[TextSegment]:
    """text cut into plain and highlighted runs, highlighting every needle it contains."""
    found = sorted({n for n in needles if n and n in text}, key=len, reverse=True)
    if not found:
        return [TextSegment(text, False)]
    pattern = re.compile("|".join(re.escape(n) for n in found))
    segments: list[TextSegment] = []
    cursor = 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            segments.append(TextSegment(text[cursor : match.start()], False))
        segments.append(TextSegment(match.group(), True))
        cursor = match.end()
    if cursor < len(text):
        segments.append(TextSegment(text[cursor:], False))
    return segments


def _written(values: Iterable[FactValue]) -> set[str]:
    """The words that carry these facts in their claim (the canonical value when a fact
    kept no words: numbers are often written the way they are stored)."""
    return {value.text or value.value for value in values}


def _claim_facts(claim: Claim) -> list[FactValue]:
    facts = claim.facts if isinstance(claim.facts, list) else []
    return [FactValue.of(Fact.from_dict(f)) for f in facts if isinstance(f, dict)]


def claim_detail_get(*, claim_id: int) -> ClaimDetail:
    """A claim with its stored status, its article and outlet, and every link from it: the
    counterpart claim, the typed details oriented from this claim (here / there), the
    explanation in the reader's language, the differing values highlighted in both texts as
    the articles wrote them, and the editors' reviews of each pair, newest first.
    Links come conflicts first (PANEL_ORDER), then agreements by confidence, the weak
    matches last; the most confident first within each. Three queries.

    Raises Claim.DoesNotExist for an unknown id.
    """
    claim = Claim.objects.select_related("article__outlet", "article__story").get(pk=claim_id)
    links = (
        ClaimLink.objects.filter(Q(claim_a_id=claim_id) | Q(claim_b_id=claim_id))
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .order_by("-similarity", "id")
    )
    reviews: dict[tuple[int, int], list[LinkReview]] = defaultdict(list)
    for review in (
        LinkReview.objects.filter(Q(claim_a_id=claim_id) | Q(claim_b_id=claim_id))
        .select_related("reviewer")
        .order_by("-created_at", "-id")
    ):
        reviews[(review.claim_a_id, review.claim_b_id)].append(review)
    views: list[LinkView] = []
    own_highlights: set[str] = set()
    for link in links:
        is_a = link.claim_a_id == claim_id
        counterpart = link.claim_b if is_a else link.claim_a
        stored = RelationDetails.from_json(link.details)
        details = stored if is_a else stored.swapped()
        here = _written(d.a for d in details.differing)
        there = _written(d.b for d in details.differing)
        if link.review != ReviewDecision.DISMISSED:
            own_highlights |= here
        views.append(
            LinkView(
                link=link,
                counterpart=counterpart,
                relation=link.relation,
                reason=link.reason,
                details=details,
                explanation=link_sentence(link.relation, stored, flipped=not is_a, isolate=True),
                claim_segments=_segments(claim.text, here),
                counterpart_segments=_segments(counterpart.text, there),
                reviews=reviews.get((link.claim_a_id, link.claim_b_id), []),
            )
        )
    views.sort(key=_panel_place)
    return ClaimDetail(
        claim=claim,
        links=views,
        segments=_segments(claim.text, own_highlights),
        facts=_claim_facts(claim),
    )


def _panel_place(view: LinkView) -> tuple[bool, int, float, float, int]:
    """Where a link stands in the panel: weak matches last, then by kind (conflicts first,
    most serious first), then by the engine's confidence, then by similarity."""
    link = view.link
    return (view.weak, PANEL_ORDER.index(view.relation), -link.score, -link.similarity, link.id)


# --- Article text -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRun:
    """A run of an article's clean text: plain (claim is None) or one claim, in place."""

    text: str
    claim: ClaimRow | None


@dataclass(frozen=True, slots=True)
class ArticleText:
    article: Article
    column: ArticleColumn
    runs: list[ArticleRun]


def article_text_get(*, article_id: int) -> ArticleText:
    """An article's clean text cut at its claims' start/end offsets, each claim with its
    stored status and the claims of other articles it is linked to. Three queries (the
    article, its claims, their links).

    Claims whose offsets fall outside the text or overlap an earlier claim are left as
    plain text rather than guessed at. Raises Article.DoesNotExist for an unknown id.
    """
    article = (
        Article.objects.select_related("outlet", "story")
        # The independent source: a wire copy's is the outlet of the article it reprints.
        .annotate(source_id=Coalesce("copy_of__outlet_id", "outlet_id"))
        .get(pk=article_id)
    )
    column = article_columns([article])[article.id]
    source_id: int = article.source_id
    rows: dict[int, ClaimRow] = {}
    spans: list[tuple[ClaimRow, int, int]] = []
    for values in (
        Claim.objects.filter(article=article)
        .order_by("start", "position")
        .values_list("start", "end", *CLAIM_ROW_FIELDS)
    ):
        row = claim_row(values[2:], column, source_id)
        rows[row.id] = row
        spans.append((row, values[0], values[1]))
    _note_links(article, rows)
    column.claims.extend(sorted(rows.values(), key=lambda row: row.position))

    text = article.clean_text
    runs: list[ArticleRun] = []
    cursor = 0
    for row, start, end in spans:
        if start < cursor or end > len(text) or end <= start:
            continue
        if start > cursor:
            runs.append(ArticleRun(text[cursor:start], None))
        runs.append(ArticleRun(text[start:end], row))
        cursor = end
    if cursor < len(text):
        runs.append(ArticleRun(text[cursor:], None))
    return ArticleText(article=article, column=column, runs=runs)


def _note_links(article: Article, rows: dict[int, ClaimRow]) -> None:
    """Each claim's links and counterparts (links an editor dismissed counted apart)."""
    links = (
        ClaimLink.objects.filter(Q(article_a=article) | Q(article_b=article))
        .order_by("id")
        .values_list("id", "claim_a_id", "claim_b_id", "review")
    )
    for link_id, claim_a, claim_b, review in links:
        for mine, other in ((claim_a, claim_b), (claim_b, claim_a)):
            row = rows.get(mine)
            if row is None:
                continue
            row.link_ids.append(link_id)
            if review == ReviewDecision.DISMISSED:
                row.dismissed_links += 1
            else:
                row.linked_claim_ids.append(other)
                if review == ReviewDecision.CONFIRMED:
                    row.confirmed_links += 1
