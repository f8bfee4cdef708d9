"""Writes: the only code that creates articles, claims and links.

Every public service runs in one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.text import slugify

from newsdiff.comparison import (
    STORY_COUNT_FIELDS,
    ArticleNode,
    LinkEdge,
    StoryCounts,
    story_verdicts,
)
from newsdiff.models import (
    Article,
    ArticleKey,
    BatchStatus,
    Claim,
    ClaimLink,
    IngestBatch,
    IngestItem,
    ItemStatus,
    Language,
    LinkReview,
    Outlet,
    ReviewDecision,
    Story,
)
from newsdiff.pipeline import ENGINE_VERSION, analyse_article, compare_articles
from newsdiff.pipeline.align import copied_articles
from newsdiff.pipeline.encode import Encoder, Vectors, encoder_get, stack_from_bytes, to_bytes
from newsdiff.pipeline.grouping import (
    ArticleSignature,
    article_signature,
    lead_vector,
    story_evidence,
)
from newsdiff.pipeline.normalize import is_arabic, normalize_text
from newsdiff.pipeline.types import AnalysedArticle, ClaimDraft, Fact, LinkDraft
from newsdiff.readers import Document

# Story grouping's candidates for a new article (stories_same_as): the stored articles filed
# under most of its rarest words, and those whose lead vector is nearest (at least
# GROUPING_MIN_LEAD: far below what the same-story test asks of any pair).
GROUPING_CANDIDATES_BY_WORDS = 300
GROUPING_CANDIDATES_BY_LEAD = 100
GROUPING_MIN_LEAD = 0.3
SLUG_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: Article
    created: bool  # False when the same outlet's same text was already stored


@dataclass(frozen=True, slots=True)
class RealignResult:
    links: int
    # The story's counts as stored (the ones every screen shows).
    counts: StoryCounts


def content_hash(clean_text: str) -> str:
    return hashlib.sha256(normalize_text(clean_text).encode()).hexdigest()


def _as_datetime(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(dt.datetime.combine(value, dt.time()))


def outlet_resolve(*, name: str = "", domain: str = "") -> Outlet | None:
    """The stored outlet a name or domain refers to (by name, native name, alias or domain)."""
    domain = domain.lower().removeprefix("www.")
    if domain:
        outlet = Outlet.objects.filter(domain__iexact=domain).first()
        if outlet:
            return outlet
    name = name.strip()
    if not name:
        return None
    outlet = Outlet.objects.filter(Q(name__iexact=name) | Q(native_name=name)).first()
    if outlet:
        return outlet
    wanted = name.casefold()
    for candidate in Outlet.objects.exclude(aliases=""):
        if wanted in {a.strip().casefold() for a in candidate.aliases.split(",")}:
            return candidate
    return None


def outlet_get_or_create(*, name: str = "", domain: str = "", language: str = "") -> Outlet:
    outlet = outlet_resolve(name=name, domain=domain)
    if outlet:
        return outlet
    domain = domain.lower().removeprefix("www.")
    if not name and domain:
        name = domain.split(".")[0].replace("-", " ").title()
    if not name:
        raise ValidationError(
            "No outlet was given and the text does not show one "
            "(no copyright line or link with the outlet's domain); pass the outlet's name."
        )
    outlet = Outlet(name=name[:200], domain=domain, language=language or Language.ARABIC)
    outlet.full_clean()
    outlet.save()
    return outlet


# The stored fields a ClaimDraft is rebuilt from, in its constructor's order.
CLAIM_DRAFT_FIELDS = (
    "position",
    "text",
    "normalized",
    "start",
    "end",
    "facts",
    "attribution",
    "attribution_text",
)


def _claim_draft(
    position: int,
    text: str,
    normalized: str,
    start: int,
    end: int,
    facts: list[dict[str, Any]],
    attribution: str,
    attribution_text: str,
) -> ClaimDraft:
    """A stored claim (a values_list row of CLAIM_DRAFT_FIELDS) as the pipeline sees it."""
    return ClaimDraft(
        position=position,
        text=text,
        normalized=normalized,
        start=start,
        end=end,
        facts=tuple(Fact.from_dict(f) for f in facts),
        attribution=attribution,
        attribution_text=attribution_text,
    )


def claim_row(article: Article, claim: ClaimDraft, vector: Vectors) -> Claim:
    """The unsaved Claim row of a pipeline claim and its sentence vector."""
    return Claim(
        article=article,
        position=claim.position,
        text=claim.text,
        normalized=claim.normalized,
        start=claim.start,
        end=claim.end,
        facts=[f.as_dict() for f in claim.facts],
        attribution=claim.attribution[:200],
        attribution_text=claim.attribution_text[:200],
        vector=to_bytes(vector),
    )


def _stored_vectors(blobs: Sequence[bytes | memoryview | None], dim: int) -> Vectors:
    return stack_from_bytes([bytes(b) for b in blobs if b is not None], dim)


def stories_same_as(
    *, signature: ArticleSignature, claim_vectors: Vectors, encoder: Encoder
) -> list[int]:
    """The ids of the stories holding an article that tells the same story as the new one
    (pipeline.grouping's test, pair by pair), most articles first.

    Candidates come from the index over every stored article, whatever its story or age: the
    articles filed under one of the new article's rarest words, and the ones whose lead
    vector is nearest. Only articles whose vectors the same encoder made can be compared.
    """
    keys = signature.index_keys()
    by_words = list(
        ArticleKey.objects.filter(key__in=keys, article__encoder=encoder.name)
        .values("article_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "article_id")
        .values_list("article_id", flat=True)[:GROUPING_CANDIDATES_BY_WORDS]
    )
    leads = list(
        Article.objects.filter(encoder=encoder.name, lead_vector__isnull=False).values_list(
            "id", "lead_vector"
        )
    )
    by_lead: list[int] = []
    if leads:
        cosines = _stored_vectors([blob for _, blob in leads], encoder.dim) @ signature.lead
        order = np.argsort(-cosines)[:GROUPING_CANDIDATES_BY_LEAD]
        by_lead = [leads[i][0] for i in order.tolist() if cosines[i] >= GROUPING_MIN_LEAD]
    candidates = set(by_words) | set(by_lead)
    if not candidates:
        return []
    vectors: dict[int, list[bytes]] = {pk: [] for pk in candidates}
    for article_id, blob in (
        Claim.objects.filter(article_id__in=candidates, vector__isnull=False)
        .order_by("article_id", "position")
        .values_list("article_id", "vector")
    ):
        if blob is not None:
            vectors[article_id].append(bytes(blob))
    linked: Counter[int] = Counter()
    for pk, story_id, stored, lead_blob in Article.objects.filter(pk__in=candidates).values_list(
        "id", "story_id", "signature", "lead_vector"
    ):
        other = ArticleSignature.from_json(stored, _stored_vectors([lead_blob], encoder.dim)[0])
        other_claims = _stored_vectors(vectors[pk], encoder.dim)
        if story_evidence(signature, claim_vectors, other, other_claims).same_story:
            linked[story_id] += 1
    return [story_id for story_id, _ in sorted(linked.items(), key=lambda kv: (-kv[1], kv[0]))]


def stories_merge(*, into: Story, others: Sequence[Story]) -> Story:
    """Move the articles (and editors' reviews) of other stories into one and delete them;
    the caller realigns the merged story."""
    others = [s for s in others if s.pk != into.pk]
    if not others:
        return into
    Article.objects.filter(story__in=others).update(story=into)
    LinkReview.objects.filter(story__in=others).update(story=into)
    ClaimLink.objects.filter(story__in=others).delete()
    Story.objects.filter(pk__in=[s.pk for s in others]).delete()
    return into


def story_create(*, title: str, slug: str = "") -> Story:
    base = slugify(slug or title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-") or "story"
    candidate, n = base, 2
    while Story.objects.filter(slug=candidate).exists():
        candidate, n = f"{base[: SLUG_MAX_LENGTH - 6]}-{n}", n + 1
    story = Story(title=title[:500] or candidate, slug=candidate)
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def article_ingest(
    *,
    raw_text: str,
    outlet_name: str = "",
    story_slug: str = "",
    published: dt.date | dt.datetime | None = None,
    url: str = "",
    title: str = "",
) -> IngestResult:
    """Store an article with its claims and realign its story, all in one transaction.

    Re-ingesting the same text from the same outlet changes nothing; from another outlet it
    is a reprint, stored and marked as a wire copy. Without story_slug the article joins the
    existing story it best matches, or starts a new one; with a slug that does not exist
    yet, a story with that slug is created. Outlet and publication date are read from the
    text when not given.
    """
    if not raw_text.strip():
        raise ValidationError("The text is empty.")
    published_date = published.date() if isinstance(published, dt.datetime) else published
    analysed: AnalysedArticle = analyse_article(raw_text, published=published_date)
    clean, meta = analysed.clean, analysed.clean.meta
    if not analysed.claims:
        raise ValidationError(
            "No claims could be read from this text: it holds no sentence of three words or more."
        )
    digest = content_hash(clean.text)
    language = Language.ARABIC if is_arabic(clean.text) else Language.ENGLISH
    name = outlet_name or meta.outlet_name
    domain = "" if outlet_name else meta.outlet_domain
    known = outlet_resolve(name=name, domain=domain)
    stored = _same_text_stored(digest=digest, outlet=known, named=bool(name or domain))
    if stored is not None:
        return IngestResult(article=stored, created=False)
    # The same text from another outlet is a reprint: stored, and marked as a wire copy.
    outlet = known or outlet_get_or_create(name=name, domain=domain, language=language)
    title = title or meta.title
    encoder = encoder_get()
    claim_vectors, signature = _encoded(
        title=title, claims=analysed.claims, language=language, encoder=encoder
    )
    title = title or analysed.claims[0].text[:200]
    merged: list[Story] = []
    if story_slug:
        story = Story.objects.filter(slug=story_slug).first() or story_create(
            title=title, slug=story_slug
        )
    else:
        same = stories_same_as(signature=signature, claim_vectors=claim_vectors, encoder=encoder)
        if same:
            # An article that tells the story of several stored stories joins them all.
            stories = Story.objects.in_bulk(same)
            story = stories[same[0]]
            merged = [stories[pk] for pk in same[1:]]
            stories_merge(into=story, others=merged)
        else:
            story = story_create(title=title)

    article = Article(
        outlet=outlet,
        story=story,
        title=title[:500],
        url=url,
        published_at=_as_datetime(published or meta.published),
        language=language,
        raw_text=raw_text,
        clean_text=clean.text,
        content_hash=digest,
        encoder=encoder.name,
        lead_vector=to_bytes(signature.lead),
        signature=signature.to_json(),
    )
    article.full_clean()
    article.save()
    _article_keys_store(article, signature)
    Claim.objects.bulk_create(
        claim_row(article, c, v) for c, v in zip(analysed.claims, claim_vectors, strict=True)
    )
    if merged:
        # A merge changes which articles meet: the merged story is realigned whole.
        story_realign(story=story)
    else:
        article_align(article=article)
    return IngestResult(article=article, created=True)


def _same_text_stored(*, digest: str, outlet: Outlet | None, named: bool) -> Article | None:
    """The stored article a new text duplicates: the same text from the same outlet.

    outlet: the stored outlet the new text comes from (None when it is not stored yet, or
    when nothing names one: named is False). When nothing names an outlet, any stored copy of
    the text is the duplicate (nothing tells the two apart). From another outlet the same
    text is a reprint, not a duplicate.
    """
    same_text = Article.objects.filter(content_hash=digest).order_by("id")
    if outlet is not None:
        return same_text.filter(outlet=outlet).first()
    return None if named else same_text.first()


@dataclass(slots=True)
class _StoryClaims:
    """A story's articles in id order and their stored claims as the pipeline sees them,
    with the claims' vectors (one matrix per article, rows in claim order)."""

    articles: list[Article]
    drafts: list[list[ClaimDraft]]
    claim_ids: list[list[int]]
    vectors: list[Vectors]

    @property
    def published(self) -> list[dt.date | None]:
        return [a.published_at.date() if a.published_at else None for a in self.articles]

    @property
    def languages(self) -> list[str]:
        return [a.language for a in self.articles]


def _story_claims(story: Story) -> _StoryClaims:
    articles = list(
        Article.objects.filter(story=story)
        .order_by("id")
        .only(
            "id",
            "title",
            "outlet_id",
            "story_id",
            "published_at",
            "language",
            "copy_of_id",
            "encoder",
        )
    )
    index_of = {article.pk: i for i, article in enumerate(articles)}
    drafts: list[list[ClaimDraft]] = [[] for _ in articles]
    claim_ids: list[list[int]] = [[] for _ in articles]
    blobs: list[list[bytes | None]] = [[] for _ in articles]
    rows = (
        Claim.objects.filter(article__story=story)
        .order_by("article_id", "position")
        .values_list("article_id", "id", "vector", *CLAIM_DRAFT_FIELDS)
    )
    for article_id, claim_id, blob, *fields in rows:
        i = index_of[article_id]
        drafts[i].append(_claim_draft(*fields))
        claim_ids[i].append(claim_id)
        blobs[i].append(bytes(blob) if blob is not None else None)
    encoder = encoder_get()
    vectors = []
    for article, claims, ids, stored in zip(articles, drafts, claim_ids, blobs, strict=True):
        if article.encoder == encoder.name and all(b is not None for b in stored):
            vectors.append(_stored_vectors(stored, encoder.dim))
        else:
            vectors.append(_article_encode(article, claims, ids, encoder))
    return _StoryClaims(articles=articles, drafts=drafts, claim_ids=claim_ids, vectors=vectors)


def _article_encode(
    article: Article, claims: Sequence[ClaimDraft], claim_ids: Sequence[int], encoder: Encoder
) -> Vectors:
    """Encode and store the vectors of an article stored before vectors were (or by another
    encoder), with its grouping signature and index keys: once, after which realignments
    read them and new articles meet it through the index."""
    claim_vectors, signature = _encoded(
        title=article.title, claims=claims, language=article.language, encoder=encoder
    )
    Claim.objects.bulk_update(
        [Claim(pk=pk, vector=to_bytes(v)) for pk, v in zip(claim_ids, claim_vectors, strict=True)],
        ["vector"],
        batch_size=VERDICT_UPDATE_BATCH,
    )
    Article.objects.filter(pk=article.pk).update(
        encoder=encoder.name, lead_vector=to_bytes(signature.lead), signature=signature.to_json()
    )
    ArticleKey.objects.filter(article=article).delete()
    _article_keys_store(article, signature)
    article.encoder = encoder.name
    return claim_vectors


def _encoded(
    *, title: str, claims: Sequence[ClaimDraft], language: str, encoder: Encoder
) -> tuple[Vectors, ArticleSignature]:
    """An article's claim vectors and its grouping signature, encoded in one batch: every
    claim and the title (the title's vector is the lead's, never stored)."""
    texts = [c.text for c in claims]
    vectors = encoder.encode([*texts, title] if title else texts)
    claim_vectors = vectors[: len(texts)]
    lead = lead_vector(vectors[len(texts)] if title else None, claim_vectors)
    signature = article_signature(title=title, claims=claims, language=language, lead=lead)
    return claim_vectors, signature


def _article_keys_store(article: Article, signature: ArticleSignature) -> None:
    """File the article in the grouping index under its signature's keys."""
    ArticleKey.objects.bulk_create(
        ArticleKey(article=article, key=key[:100]) for key in signature.index_keys()
    )


def _links_create(story: Story, found: _StoryClaims, link_drafts: Sequence[LinkDraft]) -> int:
    """Store the engine's links, each with the editor's newest decision on its claim pair
    while the engine still draws the same relation (otherwise the review stays in the audit
    trail only). Returns how many were stored."""
    reviews = _newest_reviews(story)
    links = []
    for draft in link_drafts:
        m, relation = draft.match, draft.relation
        pair = (found.claim_ids[m.article_a][m.claim_a], found.claim_ids[m.article_b][m.claim_b])
        review = reviews.get(pair)
        links.append(
            ClaimLink(
                story=story,
                article_a=found.articles[m.article_a],
                article_b=found.articles[m.article_b],
                claim_a_id=pair[0],
                claim_b_id=pair[1],
                relation=relation.kind,
                similarity=m.similarity,
                score=round(relation.score, 4),
                reason=relation.reason.value,
                details=relation.details.to_json(),
                engine_version=ENGINE_VERSION,
                review=review.decision if review and review.relation == relation.kind else "",
            )
        )
    _links_insert(links)
    return len(links)


def _links_insert(links: Sequence[ClaimLink]) -> None:
    """Insert new links: with COPY on PostgreSQL (a realignment writes tens of thousands of
    rows: 63,000 for a 500 x 40 story, 14 s through bulk_create's UNNEST arrays, about 3 s
    through COPY), with bulk_create elsewhere."""
    if connection.vendor != "postgresql" or not links:
        ClaimLink.objects.bulk_create(links)
        return
    fields = [f for f in ClaimLink._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(ClaimLink._meta.db_table)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for link in links:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(link, True), connection) for f in fields]
                )


def _copies_store(found: _StoryClaims, copies: dict[int, int], *, only: int | None = None) -> None:
    """Mark the wire copies (article index -> index of the article it reprints)."""
    for index, article in enumerate(found.articles):
        if only is not None and index != only:
            continue
        copy_of = found.articles[copies[index]] if index in copies else None
        if article.copy_of_id != (copy_of.pk if copy_of else None):
            Article.objects.filter(pk=article.pk).update(copy_of=copy_of)


@transaction.atomic
def story_realign(*, story: Story) -> RealignResult:
    """Recompute every link of a story from its articles' stored claims (after an engine
    upgrade, a merge, or when an admin asks); editors' decisions are kept."""
    found = _story_claims(story)
    link_drafts = compare_articles(
        found.drafts, found.published, vectors=found.vectors, languages=found.languages
    )
    ClaimLink.objects.filter(story=story).delete()
    created = _links_create(story, found, link_drafts)
    _copies_store(found, copied_articles(found.drafts, [d.match for d in link_drafts]))
    counts = story_verdicts_store(story=story)
    Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
    return RealignResult(links=created, counts=counts)


@transaction.atomic
def article_align(*, article: Article) -> int:
    """Link a newly stored article with the rest of its story, leaving the story's other
    links as they are (their ids, and so open panels and permalinks, survive), then decide
    the story's verdicts again. Returns how many links were stored.

    Only the new article's pairs are compared (pipeline.align_claims(only=...)): the 101st
    article of a story costs one pass over the story's claims, not a realignment.
    """
    story = article.story
    found = _story_claims(story)
    index_of = {a.pk: i for i, a in enumerate(found.articles)}
    index = index_of[article.pk]
    link_drafts = compare_articles(
        found.drafts,
        found.published,
        only=index,
        vectors=found.vectors,
        languages=found.languages,
    )
    created = _links_create(story, found, link_drafts)
    known = {
        i: index_of[a.copy_of_id] for i, a in enumerate(found.articles) if a.copy_of_id in index_of
    }
    copies = copied_articles(found.drafts, [d.match for d in link_drafts], known=known)
    _copies_store(found, copies, only=index)
    story_verdicts_store(story=story)
    Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
    return created


# Claims are written back this many at a time when their verdicts change.
VERDICT_UPDATE_BATCH = 1000
CLAIM_VERDICT_FIELDS = (
    "status",
    "agreed_outlets",
    "contradicted_outlets",
    "disputed_outlets",
    "updated_outlets",
)


@transaction.atomic
def story_verdicts_store(*, story: Story) -> StoryCounts:
    """Decide every claim's status and the story's counts (comparison.story_verdicts, the one
    rule) from the stored articles, claims, links and reviews, and store them.

    Three reads and as many writes as there are changed claims (in batches), plus one.
    """
    articles = [
        ArticleNode(id=pk, outlet_id=outlet_id, copy_of_id=copy_of_id)
        for pk, outlet_id, copy_of_id in Article.objects.filter(story=story)
        .order_by("id")
        .values_list("id", "outlet_id", "copy_of_id")
    ]
    claims = {
        row[0]: row
        for row in Claim.objects.filter(article__story=story).values_list(
            "id", "article_id", *CLAIM_VERDICT_FIELDS
        )
    }
    links = [
        LinkEdge(id=pk, claim_a_id=a, claim_b_id=b, relation=relation, review=review)
        for pk, a, b, relation, review in ClaimLink.objects.filter(story=story)
        .order_by("id")
        .values_list("id", "claim_a_id", "claim_b_id", "relation", "review")
    ]
    verdicts = story_verdicts(
        articles=articles,
        claim_article={claim_id: row[1] for claim_id, row in claims.items()},
        links=links,
    )
    # Claims that take the same verdict are written together: one UPDATE per verdict (a few
    # hundred in a story of thousands of claims), not a CASE per claim (bulk_update).
    changed: dict[tuple[Any, ...], list[int]] = {}
    for claim_id, verdict in verdicts.claims.items():
        stored = claims[claim_id][2:]
        wanted = tuple(getattr(verdict, name) for name in CLAIM_VERDICT_FIELDS)
        if stored != wanted:
            changed.setdefault(wanted, []).append(claim_id)
    for wanted, ids in changed.items():
        values = dict(zip(CLAIM_VERDICT_FIELDS, wanted, strict=True))
        for start in range(0, len(ids), VERDICT_UPDATE_BATCH):
            Claim.objects.filter(pk__in=ids[start : start + VERDICT_UPDATE_BATCH]).update(**values)
    counts = verdicts.counts
    Story.objects.filter(pk=story.pk).update(
        **{name: getattr(counts, name) for name in STORY_COUNT_FIELDS}
    )
    for name in STORY_COUNT_FIELDS:
        setattr(story, name, getattr(counts, name))
    return counts


def _newest_reviews(story: Story) -> dict[tuple[int, int], LinkReview]:
    newest: dict[tuple[int, int], LinkReview] = {}
    for review in LinkReview.objects.filter(story=story).order_by("created_at", "id"):
        newest[(review.claim_a_id, review.claim_b_id)] = review
    return newest


@transaction.atomic
def link_review(
    *, link: ClaimLink, decision: str, note: str = "", reviewer: Any = None
) -> LinkReview:
    """Record an editor's confirmation or dismissal of a link (kept as an audit trail)."""
    if decision not in ReviewDecision.values:
        raise ValidationError(f"Unknown decision {decision!r}.")
    review = LinkReview(
        story_id=link.story_id,
        claim_a_id=link.claim_a_id,
        claim_b_id=link.claim_b_id,
        relation=link.relation,
        decision=decision,
        note=note.strip(),
        reviewer=reviewer if getattr(reviewer, "is_authenticated", False) else None,
    )
    review.full_clean()
    review.save()
    ClaimLink.objects.filter(pk=link.pk).update(review=decision)
    link.review = decision
    # A dismissal or confirmation changes statuses, groups and counts: decide them again.
    story_verdicts_store(story=link.story)
    return review


@transaction.atomic
def ingest_batch_create(
    *,
    documents: Sequence[Document],
    created_by: Any = None,
    outlet_name: str = "",
    story_slug: str = "",
    published: dt.date | None = None,
) -> IngestBatch:
    """Record an upload and its documents; unreadable ones are rejected at once."""
    if not documents:
        raise ValidationError("Nothing to ingest: choose files, paste text or give a URL.")
    batch = IngestBatch.objects.create(
        created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
        outlet_name=outlet_name.strip(),
        story_slug=story_slug.strip(),
        published=published,
        total=len(documents),
    )
    items = []
    for position, doc in enumerate(documents):
        if doc.error:
            items.append(
                IngestItem(
                    batch=batch,
                    position=position,
                    source=doc.source[:500],
                    status=ItemStatus.REJECTED,
                    message=doc.error,
                )
            )
            continue
        payload = {
            "text": doc.text,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "published": doc.published.isoformat() if doc.published else "",
        }
        items.append(
            IngestItem(batch=batch, position=position, source=doc.source[:500], payload=payload)
        )
    IngestItem.objects.bulk_create(items)
    rejected = sum(1 for item in items if item.status == ItemStatus.REJECTED)
    IngestBatch.objects.filter(pk=batch.pk).update(processed=rejected)
    batch.processed = rejected
    return batch


def ingest_item_process(*, item: IngestItem) -> IngestItem:
    """Ingest one pending document. Its failure is recorded on the item, never raised:
    article_ingest's own transaction guarantees nothing of a failed document stays."""
    batch = item.batch
    payload = item.payload
    published = payload.get("published") or None
    try:
        result = article_ingest(
            raw_text=payload.get("text", ""),
            outlet_name=batch.outlet_name or payload.get("outlet", ""),
            story_slug=batch.story_slug,
            published=batch.published or (dt.date.fromisoformat(published) if published else None),
            url=payload.get("url", "")[:1000],
            title=payload.get("title", ""),
        )
    except ValidationError as exc:
        item.status, item.message = ItemStatus.REJECTED, " ".join(exc.messages)
    else:
        item.article = result.article
        item.claim_count = result.article.claims.count()
        if result.created:
            item.status = ItemStatus.INGESTED
            item.message = f"story {result.article.story.slug}"
        else:
            item.status = ItemStatus.DUPLICATE
            item.message = f"same text from the same outlet as article {result.article.pk}"
    item.payload = {}
    item.save(update_fields=["status", "message", "article", "claim_count", "payload"])
    return item


def ingest_batch_process(*, batch_id: int) -> IngestBatch:
    """Ingest the pending documents of a batch one by one, counting progress as it goes.

    Safe to run from several workers: each item is claimed with a row lock, so a document
    is ingested once.
    """
    IngestBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).update(
        status=BatchStatus.RUNNING
    )
    while True:
        with transaction.atomic():
            item = (
                IngestItem.objects.select_for_update(skip_locked=True)
                .select_related("batch")
                .filter(batch_id=batch_id, status=ItemStatus.PENDING)
                .order_by("position")
                .first()
            )
            if item is None:
                break
            ingest_item_process(item=item)
            IngestBatch.objects.filter(pk=batch_id).update(processed=F("processed") + 1)
    with transaction.atomic():
        batch = IngestBatch.objects.select_for_update().get(pk=batch_id)
        if (
            batch.status != BatchStatus.FINISHED
            and not batch.items.filter(status=ItemStatus.PENDING).exists()
        ):
            batch.status = BatchStatus.FINISHED
            batch.finished_at = timezone.now()
            batch.processed = batch.total
            batch.save(update_fields=["status", "finished_at", "processed"])
    return batch
