"""Writes: the only code that creates articles, claims and links.

Every public service runs in one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import enum
import gc
import hashlib
import json
import logging
import threading
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Any, Generic, TypeVar

import numpy as np
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Count, DateTimeField, F, Field, JSONField, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

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
    StoryEdit,
    StoryEditAction,
    WorkerBeat,
    conflict_details_text,
)
from newsdiff.pipeline import (
    ENGINE_VERSION,
    READING_VERSION,
    analyse_article,
    compare_articles,
    reread_claims,
)
from newsdiff.pipeline.align import copied_articles
from newsdiff.pipeline.encode import Encoder, Vectors, encoder_get, stack_from_bytes, to_bytes
from newsdiff.pipeline.grouping import (
    WORDS_VERSION,
    ArticleSignature,
    article_signature,
    lead_vector,
    near_in_time,
    story_evidence,
)
from newsdiff.pipeline.normalize import is_arabic, normalize_text
from newsdiff.pipeline.outlets import EVIDENCE_FILE_NAME, EVIDENCE_URL, outlet_read
from newsdiff.pipeline.types import AnalysedArticle, ClaimDraft, Fact, LinkDraft, RelationDetails
from newsdiff.readers import Document

# Story grouping's candidates for a new article (stories_same_as): the stored articles filed
# under most of its rarest words, and those whose lead vector is nearest (at least
# GROUPING_MIN_LEAD: far below what the same-story test asks of any pair).
GROUPING_CANDIDATES_BY_WORDS = 300
GROUPING_CANDIDATES_BY_LEAD = 100
GROUPING_MIN_LEAD = 0.3
SLUG_MAX_LENGTH = 80

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: Article
    created: bool  # False when the same outlet's same text was already stored


@dataclass(frozen=True, slots=True)
class RealignResult:
    links: int
    # The story's counts as stored (the ones every screen shows).
    counts: StoryCounts


# PostgreSQL advisory locks (held until the transaction ends). Grouping decides, from every
# stored story, which one a new article joins: two processes deciding at once would each
# start a new story for one event, so ingestion decides one article at a time. A story's
# links and verdicts are written under that story's lock, so a realignment, an editor's
# review and an ingestion into the story never interleave. SQLite needs neither: its
# transactions begin IMMEDIATE (settings.py) and so run one at a time.
GROUPING_LOCK_KEY = 0x6E6473  # "nds"
STORY_LOCK_CLASS = 0x6E6474  # with the story's id as the second key


def _grouping_lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [GROUPING_LOCK_KEY])


def _stories_lock(story_ids: Sequence[int]) -> None:
    """Take the locks of several stories, in id order (so two callers never deadlock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for story_id in sorted(set(story_ids)):
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [STORY_LOCK_CLASS, story_id])


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


def outlet_get_or_create(
    *,
    name: str = "",
    domain: str = "",
    language: str = "",
    provisional: bool = False,
    native_name: str = "",
    aliases: Sequence[str] = (),
    country: str = "",
    name_tried: bool = False,
) -> Outlet:
    """The stored outlet the name, domain or native name refers to, else a new one.
    name_tried: the caller found none by name and domain (outlet_resolve) under the lock it
    still holds, so only the native name is looked up."""
    by_name = None if name_tried else outlet_resolve(name=name, domain=domain)
    outlet = by_name or (outlet_resolve(name=native_name) if native_name else None)
    if outlet:
        return outlet
    domain = domain.lower().removeprefix("www.")
    if not name and domain:
        name = domain.split(".")[0].replace("-", " ").title()
    if not name:
        raise ValidationError("An outlet needs a name or a domain.")
    outlet = Outlet(
        name=name[:200],
        native_name=native_name[:200],
        domain=domain,
        aliases=", ".join(aliases)[:500],
        country=country[:2],
        language=language or Language.ARABIC,
        provisional=provisional,
    )
    outlet.full_clean()
    outlet.save()
    return outlet


@transaction.atomic
def outlets_confirm(*, outlets: Sequence[Outlet]) -> int:
    """An admin confirms outlets ingestion named provisionally. Returns how many changed."""
    return Outlet.objects.filter(pk__in=[o.pk for o in outlets], provisional=True).update(
        provisional=False
    )


@transaction.atomic
def outlets_merge(*, into: Outlet, others: Sequence[Outlet]) -> Outlet:
    """Fold outlets into one: their articles move to it, their names and domains become its
    aliases (so that ingestion recognises them next time), and the stories they appear in
    decide their verdicts again (agreement counts outlets)."""
    others = [o for o in others if o.pk != into.pk]
    if not others:
        return into
    _grouping_lock()
    story_ids = sorted(
        set(Article.objects.filter(outlet__in=others).values_list("story_id", flat=True).distinct())
    )
    _stories_lock(story_ids)
    names = [a.strip() for a in into.aliases.split(",") if a.strip()]
    for other in others:
        names += [other.name, other.native_name, other.domain]
        names += [a.strip() for a in other.aliases.split(",")]
    known = {into.name.casefold(), into.native_name.casefold(), into.domain.casefold(), ""}
    aliases: list[str] = []
    for name in names:
        if name.casefold() not in known:
            known.add(name.casefold())
            aliases.append(name)
    Article.objects.filter(outlet__in=others).update(outlet=into)
    Outlet.objects.filter(pk__in=[o.pk for o in others]).delete()
    into.aliases = ", ".join(aliases)[:500]
    into.save(update_fields=["aliases"])
    for story in Story.objects.filter(pk__in=story_ids):
        story_verdicts_store(story=story)
    return into


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
        start=claim.start,
        end=claim.end,
        vector=to_bytes(vector),
        **_claim_reading(claim),
    )


# What reading a claim gives its stored row (pipeline.READING_VERSION).
CLAIM_READING_FIELDS = ("normalized", "facts", "attribution", "attribution_text")


def _claim_reading(claim: ClaimDraft) -> dict[str, Any]:
    """The stored fields of a claim that the reading of its facts and source gives (its
    normalised text among them)."""
    return {
        "normalized": claim.normalized,
        "facts": [f.as_dict() for f in claim.facts],
        "attribution": claim.attribution[:200],
        "attribution_text": claim.attribution_text[:200],
    }


def _stored_vectors(blobs: Sequence[bytes | memoryview | None], dim: int) -> Vectors:
    return stack_from_bytes([bytes(b) for b in blobs if b is not None], dim)


def _stored_signature(
    stored: dict[str, Any], lead_blob: bytes | memoryview | None, dim: int
) -> ArticleSignature:
    """An article's grouping signature as stored, with its lead vector."""
    return ArticleSignature.from_json(stored, _stored_vectors([lead_blob], dim)[0])


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
    passed: set[int] = set()
    for pk, story_id, stored, lead_blob in Article.objects.filter(pk__in=candidates).values_list(
        "id", "story_id", "signature", "lead_vector"
    ):
        other = _stored_signature(stored, lead_blob, encoder.dim)
        other_claims = _stored_vectors(vectors[pk], encoder.dim)
        if story_evidence(signature, claim_vectors, other, other_claims).same_story:
            linked[story_id] += 1
            passed.add(pk)
    ranked = [story_id for story_id, _ in sorted(linked.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _one_event_time(ranked, signature.published, passed)


def _one_event_time(story_ids: list[int], published: dt.date | None, passed: set[int]) -> list[int]:
    """Of the stories a new article passed the same-story test with (most links first), the
    ones of its event's time. A story's dated articles tell when its event was: an article
    dated far from every one of them tells of another event, although it resembles an undated
    article of the story, unless it passed the test with one of them (the shared figures that
    join articles published far apart). And the stories it joins are of one time: one whose
    dates all lie far from those of the stories ranked before it stays apart, although an
    undated article resembles both (a ship grounded in one canal two years apart)."""
    if published is None and len(story_ids) < 2:
        return story_ids  # no date to part it from one story, no second story to part
    dates: dict[int, list[tuple[int, dt.date]]] = {pk: [] for pk in story_ids}
    for story_id, pk, when in Article.objects.filter(
        story_id__in=story_ids, published_at__isnull=False
    ).values_list("story_id", "id", "published_at"):
        if when is not None:
            dates[story_id].append((pk, when.date()))
    kept: list[int] = []
    kept_dates: list[dt.date] = []
    for story_id in story_ids:
        own = [when for _, when in dates[story_id]]
        if (
            published is not None
            and not near_in_time([published], own)
            and not any(pk in passed for pk, _ in dates[story_id])
        ):
            continue
        if kept and not near_in_time(kept_dates, own):
            continue
        kept.append(story_id)
        kept_dates += own
    return kept


def stories_regroup() -> list[tuple[Story, list[str]]]:
    """Join the stored stories that the same-story test now joins (after an upgrade of
    pipeline.grouping): every stored article meets the others again through the index, as a
    new one would, and the stories it passes the test with are merged into its own and
    realigned. Stories are never split (editors' reviews stay with their links). Call it once
    every story's signatures are current (after realigning them all).

    Returns each story that took others in, with the slugs of those it took.
    """
    encoder = encoder_get()
    joined: dict[int, list[str]] = {}
    pks = list(
        Article.objects.filter(encoder=encoder.name).order_by("id").values_list("id", flat=True)
    )
    for pk in pks:
        with transaction.atomic():
            _grouping_lock()
            row = (
                Article.objects.filter(pk=pk, lead_vector__isnull=False)
                .values_list("story_id", "signature", "lead_vector")
                .first()
            )
            if row is None:
                continue
            story_id, stored, lead_blob = row
            signature = _stored_signature(stored, lead_blob, encoder.dim)
            blobs = Claim.objects.filter(article_id=pk).order_by("position")
            vectors = _stored_vectors(list(blobs.values_list("vector", flat=True)), encoder.dim)
            same = stories_same_as(signature=signature, claim_vectors=vectors, encoder=encoder)
            if story_id not in same:
                # The stories it resembles are of another time than its own.
                continue
            others = [
                s for s in Story.objects.filter(pk__in=same).order_by("id") if s.pk != story_id
            ]
            if not others:
                continue
            story = Story.objects.get(pk=story_id)
            stories_merge(into=story, others=others)
            taken = joined.pop(story.pk, [])
            for other in others:
                taken += [other.slug, *joined.pop(other.pk, [])]
            joined[story.pk] = taken
    result = []
    for story in Story.objects.filter(pk__in=joined).order_by("id"):
        story_realign(story=story)
        result.append((story, joined[story.pk]))
    return result


def stories_merge(*, into: Story, others: Sequence[Story]) -> Story:
    """Move the articles (and editors' reviews) of other stories into one and delete them;
    the caller realigns the merged story."""
    others = [s for s in others if s.pk != into.pk]
    if not others:
        return into
    _stories_lock([into.pk, *(s.pk for s in others)])
    Article.objects.filter(story__in=others).update(story=into)
    LinkReview.objects.filter(story__in=others).update(story=into)
    # Their links move too: the realignment keeps those it draws again (and their ids).
    ClaimLink.objects.filter(story__in=others).update(story=into)
    Story.objects.filter(pk__in=[s.pk for s in others]).delete()
    return into


def stories_revise(*, story_ids: Iterable[int]) -> int:
    """Retire the laid-out pages of stories edited outside the services (the admin's edits of
    outlets, articles, claims and links): their next request reads them again."""
    return Story.objects.filter(pk__in=list(story_ids)).update(revision=uuid.uuid4())


def story_create(*, title: str, slug: str = "") -> Story:
    base = slugify(slug or title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-") or "story"
    candidate, n = base, 2
    while Story.objects.filter(slug=candidate).exists():
        candidate, n = f"{base[: SLUG_MAX_LENGTH - 6]}-{n}", n + 1
    story = Story(title=title[:500] or candidate, slug=candidate)
    story.full_clean()
    story.save()
    return story


def article_ingest(
    *,
    raw_text: str,
    outlet_name: str = "",
    story_slug: str = "",
    published: dt.date | dt.datetime | None = None,
    url: str = "",
    title: str = "",
    source: str = "",
) -> IngestResult:
    """Store an article with its claims and link it into its story, all in one transaction.

    Re-ingesting the same text from the same outlet changes nothing; from another outlet it
    is a reprint, stored and marked as a wire copy. Without story_slug the article joins the
    existing story it best matches, or starts a new one; with a slug that does not exist
    yet, a story with that slug is created. Outlet and publication date are read from the
    page when not given; a page that shows no outlet is stored under a provisional one named
    after what it shows or after source (its file name), for an admin to confirm.

    The text is analysed and encoded first, outside any lock; only the decisions that
    depend on what is stored (duplicate, outlet, story) and the writes run under the
    grouping lock, so concurrent ingestions give the result of one process.
    """
    if not raw_text.strip():
        raise ValidationError("The text is empty.")
    published_date = published.date() if isinstance(published, dt.datetime) else published
    analysed: AnalysedArticle = analyse_article(raw_text, published=published_date)
    if not analysed.claims:
        raise ValidationError(
            "No claims could be read from this text: it holds no sentence of three words or more."
        )
    language = Language.ARABIC if is_arabic(analysed.clean.text) else Language.ENGLISH
    title = title or analysed.clean.meta.title
    encoder = encoder_get()
    claim_vectors, signature = _encoded(
        title=title,
        claims=analysed.claims,
        language=language,
        encoder=encoder,
        published=published_date or analysed.clean.meta.published,
    )
    return _article_store(
        _ArticleDraft(
            raw_text=raw_text,
            analysed=analysed,
            language=language,
            title=title or analysed.claims[0].text[:200],
            url=url,
            published=published or analysed.clean.meta.published,
            outlet=_page_outlet(
                analysed=analysed,
                raw_text=raw_text,
                outlet_name=outlet_name,
                url=url,
                source=source,
                language=language,
            ),
            story_slug=story_slug,
            encoder=encoder,
            claim_vectors=claim_vectors,
            signature=signature,
        )
    )


@dataclass(frozen=True, slots=True)
class _PageOutlet:
    """The outlet a page comes from, as given or as read from the page."""

    name: str
    domain: str
    language: str
    # Given by the caller or recognised in the registry; otherwise named from what the page
    # shows (a dateline, its address, its file name), for an admin to confirm.
    provisional: bool
    # The caller or the page named it (not made up from a file name).
    shown: bool = True
    native_name: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""


def _page_outlet(
    *,
    analysed: AnalysedArticle,
    raw_text: str,
    outlet_name: str,
    url: str,
    source: str,
    language: str,
) -> _PageOutlet:
    if outlet_name:
        return _PageOutlet(name=outlet_name, domain="", language=language, provisional=False)
    reading = outlet_read(raw_text, url=url, source=source)
    from_file = reading.evidence in {EVIDENCE_FILE_NAME, ""}
    meta = analysed.clean.meta
    stored = (
        outlet_resolve(name=meta.outlet_name, domain=meta.outlet_domain)
        if reading.evidence != EVIDENCE_URL and (meta.outlet_name or meta.outlet_domain)
        else None
    )
    if stored is not None:
        # The page's furniture names an outlet stored here (by a name, alias or domain an
        # admin gave it): that beats the registry's guess from a dateline or credit.
        return _PageOutlet(
            name=stored.name, domain=stored.domain, language=language, provisional=False
        )
    if from_file and (meta.outlet_name or meta.outlet_domain):
        # The cleaner's reading of the page's furniture (a link with the site's domain, a
        # company in a copyright line) beats a name made from the file's.
        return _PageOutlet(
            name=meta.outlet_name,
            domain=meta.outlet_domain,
            language=language,
            provisional=not meta.outlet_domain,
        )
    if not reading.name:
        return _PageOutlet(
            name=_source_name(source), domain="", language=language, provisional=True, shown=False
        )
    return _PageOutlet(
        name=reading.name,
        domain=reading.domain,
        language=reading.language or language,
        provisional=reading.provisional or not reading.known,
        shown=not from_file,
        native_name=reading.native_name,
        aliases=reading.aliases,
        country=reading.country,
    )


def _source_name(source: str) -> str:
    """An outlet name made from a document's file name ("sky_news-2023.txt" -> "sky news
    2023"), or a placeholder when it came with none."""
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return stem[:200] or "Unnamed outlet"


@dataclass(frozen=True, slots=True)
class _ArticleDraft:
    """An analysed and encoded article, ready to be stored."""

    raw_text: str
    analysed: AnalysedArticle
    language: str
    title: str
    url: str
    published: dt.date | dt.datetime | None
    outlet: _PageOutlet
    story_slug: str
    encoder: Encoder
    claim_vectors: Vectors
    signature: ArticleSignature


@transaction.atomic
def _article_store(draft: _ArticleDraft) -> IngestResult:
    _grouping_lock()
    clean = draft.analysed.clean
    digest = content_hash(clean.text)
    page = draft.outlet
    known = outlet_resolve(name=page.name, domain=page.domain)
    stored = _same_text_stored(digest=digest, outlet=known, named=page.shown)
    if stored is not None:
        return IngestResult(article=stored, created=False)
    # The same text from another outlet is a reprint: stored, and marked as a wire copy.
    outlet = known or outlet_get_or_create(
        name=page.name,
        domain=page.domain,
        language=page.language,
        provisional=page.provisional,
        native_name=page.native_name,
        aliases=page.aliases,
        country=page.country,
        name_tried=True,
    )
    merged: list[Story] = []
    if draft.story_slug:
        story = Story.objects.filter(slug=draft.story_slug).first() or story_create(
            title=draft.title, slug=draft.story_slug
        )
    else:
        same = stories_same_as(
            signature=draft.signature, claim_vectors=draft.claim_vectors, encoder=draft.encoder
        )
        if same:
            # An article that tells the story of several stored stories joins them all.
            stories = Story.objects.in_bulk(same)
            story = stories[same[0]]
            merged = [stories[pk] for pk in same[1:]]
            stories_merge(into=story, others=merged)
        else:
            story = story_create(title=draft.title)
    _stories_lock([story.pk])

    article = Article(
        outlet=outlet,
        story=story,
        title=draft.title[:500],
        url=draft.url,
        published_at=_as_datetime(draft.published),
        language=draft.language,
        raw_text=draft.raw_text,
        clean_text=clean.text,
        content_hash=digest,
        encoder=draft.encoder.name,
        lead_vector=to_bytes(draft.signature.lead),
        signature=draft.signature.to_json(),
        reading_version=READING_VERSION,
    )
    article.full_clean()
    article.save()
    _article_keys_store(article, draft.signature)
    Claim.objects.bulk_create(
        claim_row(article, c, v)
        for c, v in zip(draft.analysed.claims, draft.claim_vectors, strict=True)
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
        return [_published_on(a) for a in self.articles]

    @property
    def languages(self) -> list[str]:
        return [a.language for a in self.articles]


# Each process keeps in memory the stored claims of the articles it aligned last, so that the
# next article of a story reads only its own claims (and any changed since) from the database:
# reading and decoding a 100-article story's 2,800 claims took 120 ms of the 101st article's
# 560 (bench/ingest_bench.py). Bounded by claims (3.2 KB each with its vector: 20,000 take
# about 65 MB, a 500 x 40 story); the articles aligned least recently leave first.
CLAIMS_KEPT_LIMIT = 20_000
# What kept claims were read under: the article's text digest, claims revision, reading
# version and the encoder's name (_kept_key).
_KeptKey = tuple[str, int, int, str]


@dataclass(frozen=True, slots=True)
class _KeptClaims:
    """An article's stored claims as _story_claims reads them, with what they were read under."""

    key: _KeptKey
    claim_ids: tuple[int, ...]
    drafts: tuple[ClaimDraft, ...]
    vectors: Vectors


_Entry = TypeVar("_Entry")


class _KeptInMemory(Generic[_Entry]):
    """What a process keeps in memory by id, the most recently used last; an entry is taken
    only under the stamp it was kept under (stamp_of). At most limit in all, as size_of
    measures the entries; the least recently used leave first. Safe across threads."""

    def __init__(
        self,
        limit: int,
        stamp_of: Callable[[_Entry], object],
        size_of: Callable[[_Entry], int],
    ) -> None:
        self.limit = limit
        self._stamp_of = stamp_of
        self._size_of = size_of
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, entry_id: int, stamp: object) -> _Entry | None:
        with self._lock:
            kept = self._entries.get(entry_id)
            if kept is None or self._stamp_of(kept) != stamp:
                return None
            self._entries.move_to_end(entry_id)
            return kept

    def put(self, entries: dict[int, _Entry]) -> None:
        with self._lock:
            for entry_id, kept in entries.items():
                old = self._entries.pop(entry_id, None)
                self._size -= self._size_of(old) if old else 0
                self._entries[entry_id] = kept
                self._size += self._size_of(kept)
            while self._size > self.limit and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= self._size_of(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0


class _ClaimsKept(_KeptInMemory[_KeptClaims]):
    """The claims a process keeps (CLAIMS_KEPT_LIMIT claims), by article id, each under its
    _kept_key.

    Only what a transaction committed is kept (put runs on commit): an article rolled back
    never leaves claims behind for a later article that takes its id.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(limit, attrgetter("key"), lambda kept: len(kept.drafts))


claims_kept = _ClaimsKept(CLAIMS_KEPT_LIMIT)


def _kept_key(article: Article, encoder: Encoder) -> _KeptKey:
    return (article.content_hash, article.claims_revision, article.reading_version, encoder.name)


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
            "reading_version",
            "content_hash",
            "claims_revision",
        )
    )
    encoder = encoder_get()
    kept = {a.pk: hit for a in articles if (hit := claims_kept.get(a.pk, _kept_key(a, encoder)))}
    index_of = {article.pk: i for i, article in enumerate(articles)}
    drafts: list[list[ClaimDraft]] = [
        list(kept[a.pk].drafts) if a.pk in kept else [] for a in articles
    ]
    claim_ids: list[list[int]] = [
        list(kept[a.pk].claim_ids) if a.pk in kept else [] for a in articles
    ]
    blobs: list[list[bytes | None]] = [[] for _ in articles]
    missing = [a.pk for a in articles if a.pk not in kept]
    if missing:
        stored_claims = (
            Claim.objects.filter(article__story=story)
            if len(missing) == len(articles)
            else Claim.objects.filter(article_id__in=missing)
        )
        rows = stored_claims.order_by("article_id", "position").values_list(
            "article_id", "id", "vector", *CLAIM_DRAFT_FIELDS
        )
        for article_id, claim_id, blob, *fields in rows:
            i = index_of[article_id]
            drafts[i].append(_claim_draft(*fields))
            claim_ids[i].append(claim_id)
            blobs[i].append(bytes(blob) if blob is not None else None)
    reread = _claims_reread(articles, drafts, claim_ids)
    vectors = []
    encoded = []
    to_keep = {}
    for article, claims, ids, stored in zip(articles, drafts, claim_ids, blobs, strict=True):
        if article.pk in kept:
            vectors.append(kept[article.pk].vectors)
            encoded.append(article)
            continue
        if article.encoder == encoder.name and all(b is not None for b in stored):
            matrix = _stored_vectors(stored, encoder.dim)
            encoded.append(article)
        else:
            matrix = _article_encode(article, claims, ids, encoder)
        matrix.setflags(write=False)
        vectors.append(matrix)
        to_keep[article.pk] = _KeptClaims(
            key=_kept_key(article, encoder),
            claim_ids=tuple(ids),
            drafts=tuple(claims),
            vectors=matrix,
        )
    _signatures_reweigh(
        encoded, {a.pk: c for a, c in zip(articles, drafts, strict=True)}, encoder, reread
    )
    transaction.on_commit(partial(claims_kept.put, to_keep))
    return _StoryClaims(articles=articles, drafts=drafts, claim_ids=claim_ids, vectors=vectors)


def article_claims_changed(*, article_ids: Iterable[int]) -> None:
    """Record that the claims of these articles changed other than through the engine (their
    text, facts or vectors written, or a claim deleted), so that no process keeps the old."""
    Article.objects.filter(pk__in=set(article_ids)).update(claims_revision=F("claims_revision") + 1)


def _claims_reread(
    articles: Sequence[Article], drafts: list[list[ClaimDraft]], claim_ids: list[list[int]]
) -> set[int]:
    """Read again the facts and sources of the claims of articles stored under an older
    pipeline.READING_VERSION (in drafts, and stored); the ids of those articles."""
    stale = {a.pk for a in articles if a.reading_version != READING_VERSION}
    if not stale:
        return stale
    texts = dict(Article.objects.filter(pk__in=stale).values_list("id", "clean_text"))
    for i, article in enumerate(articles):
        if article.pk not in stale:
            continue
        drafts[i] = list(
            reread_claims(texts[article.pk], drafts[i], published=_published_on(article))
        )
        Claim.objects.bulk_update(
            [
                Claim(pk=pk, **_claim_reading(c))
                for pk, c in zip(claim_ids[i], drafts[i], strict=True)
            ],
            CLAIM_READING_FIELDS,
            batch_size=VERDICT_UPDATE_BATCH,
        )
        article.reading_version = READING_VERSION
    Article.objects.filter(pk__in=stale).update(reading_version=READING_VERSION)
    return stale


def _signatures_reweigh(
    articles: Sequence[Article],
    drafts: dict[int, list[ClaimDraft]],
    encoder: Encoder,
    reread: set[int],
) -> None:
    """Weigh again the signatures stored under an older grouping.WORDS_VERSION, or of
    articles whose claims were read again (their precise figures), and file their articles
    again in the index; their vectors stay as they are."""
    by_id = {a.pk: a for a in articles}
    stale = [
        pk
        for pk, version in Article.objects.filter(pk__in=by_id).values_list(
            "id", "signature__words_version"
        )
        if version != WORDS_VERSION or pk in reread
    ]
    if not stale:
        return
    leads = Article.objects.filter(pk__in=stale, lead_vector__isnull=False)
    for pk, lead_blob in leads.values_list("id", "lead_vector"):
        article = by_id[pk]
        signature = article_signature(
            title=article.title,
            claims=drafts[pk],
            language=article.language,
            lead=_stored_vectors([lead_blob], encoder.dim)[0],
            published=_published_on(article),
        )
        _signature_store(article, signature)


def _published_on(article: Article) -> dt.date | None:
    """The day an article was published, as the pipeline reads it (None if unknown)."""
    return article.published_at.date() if article.published_at else None


def _article_encode(
    article: Article, claims: Sequence[ClaimDraft], claim_ids: Sequence[int], encoder: Encoder
) -> Vectors:
    """Encode and store the vectors of an article stored before vectors were (or by another
    encoder), with its grouping signature and index keys: once, after which realignments
    read them and new articles meet it through the index."""
    claim_vectors, signature = _encoded(
        title=article.title,
        claims=claims,
        language=article.language,
        encoder=encoder,
        published=_published_on(article),
    )
    Claim.objects.bulk_update(
        [Claim(pk=pk, vector=to_bytes(v)) for pk, v in zip(claim_ids, claim_vectors, strict=True)],
        ["vector"],
        batch_size=VERDICT_UPDATE_BATCH,
    )
    _signature_store(article, signature, encoder=encoder.name, lead_vector=to_bytes(signature.lead))
    article.encoder = encoder.name
    return claim_vectors


def _encoded(
    *,
    title: str,
    claims: Sequence[ClaimDraft],
    language: str,
    encoder: Encoder,
    published: dt.date | None,
) -> tuple[Vectors, ArticleSignature]:
    """An article's claim vectors and its grouping signature, encoded in one batch: every
    claim and the title (the title's vector is the lead's, never stored)."""
    texts = [c.text for c in claims]
    vectors = encoder.encode([*texts, title] if title else texts)
    claim_vectors = vectors[: len(texts)]
    lead = lead_vector(vectors[len(texts)] if title else None, claim_vectors)
    signature = article_signature(
        title=title, claims=claims, language=language, lead=lead, published=published
    )
    return claim_vectors, signature


def _signature_store(article: Article, signature: ArticleSignature, **fields: Any) -> None:
    """Store an article's new grouping signature (with any other fields given) and file it
    again in the index under the signature's keys."""
    Article.objects.filter(pk=article.pk).update(signature=signature.to_json(), **fields)
    ArticleKey.objects.filter(article=article).delete()
    _article_keys_store(article, signature)


def _article_keys_store(article: Article, signature: ArticleSignature) -> None:
    """File the article in the grouping index under its signature's keys."""
    ArticleKey.objects.bulk_create(
        ArticleKey(article=article, key=key[:100]) for key in signature.index_keys()
    )


@dataclass(slots=True)
class _LinkRow:
    """An unsaved ClaimLink row, its columns under the model's attribute names: a model
    instance per link cost a realignment of 63,000 links 2 s in Model.__init__ alone."""

    story_id: int
    article_a_id: int
    article_b_id: int
    claim_a_id: int
    claim_b_id: int
    relation: str
    similarity: float
    score: float
    reason: str
    details: dict[str, Any]
    engine_version: str
    review: str
    id: int | None = None


def _link_rows(
    story: Story, found: _StoryClaims, link_drafts: Sequence[LinkDraft]
) -> list[_LinkRow]:
    """The unsaved rows of the engine's links, each with the editor's newest decision on
    its claim pair while the engine still draws the same relation (otherwise the review
    stays in the audit trail only)."""
    reviews = _newest_reviews(story)
    links = []
    for draft in link_drafts:
        m, relation = draft.match, draft.relation
        pair = (found.claim_ids[m.article_a][m.claim_a], found.claim_ids[m.article_b][m.claim_b])
        review = reviews.get(pair)
        links.append(
            _LinkRow(
                story_id=story.pk,
                article_a_id=found.articles[m.article_a].pk,
                article_b_id=found.articles[m.article_b].pk,
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
    return links


def _links_create(story: Story, found: _StoryClaims, link_drafts: Sequence[LinkDraft]) -> int:
    """Store the engine's links of new claim pairs. Returns how many were stored."""
    links = _link_rows(story, found, link_drafts)
    _links_insert(links)
    return len(links)


# What a realignment compares to decide whether a stored link still says the same.
LINK_DRAWN_FIELDS = (
    "story_id",
    "article_a_id",
    "article_b_id",
    "relation",
    "similarity",
    "score",
    "reason",
    "details",
    "engine_version",
    "review",
)
# Links are deleted this many ids at a time.
LINK_DELETE_BATCH = 5000


def _links_replace(story: Story, found: _StoryClaims, link_drafts: Sequence[LinkDraft]) -> int:
    """Make the story's stored links the engine's, keeping the id of every claim pair drawn
    again: unchanged links stay untouched, changed ones are written again under their id,
    vanished ones go. Returns how many links the story holds."""
    links = _link_rows(story, found, link_drafts)
    stored = {
        (row[1], row[2]): row
        for row in ClaimLink.objects.filter(story=story).values_list(
            "id", "claim_a_id", "claim_b_id", *LINK_DRAWN_FIELDS
        )
    }
    kept: set[int] = set()
    stale: list[int] = []  # the ids of rows written again, then of rows gone
    rewritten: list[_LinkRow] = []
    new: list[_LinkRow] = []
    for link in links:
        row = stored.get((link.claim_a_id, link.claim_b_id))
        if row is None:
            new.append(link)
            continue
        kept.add(row[0])
        drawn = tuple(getattr(link, name) for name in LINK_DRAWN_FIELDS)
        if drawn != tuple(row[3:]):
            link.id = row[0]
            rewritten.append(link)
            stale.append(row[0])
    stale += [row[0] for row in stored.values() if row[0] not in kept]
    for start in range(0, len(stale), LINK_DELETE_BATCH):
        ClaimLink.objects.filter(pk__in=stale[start : start + LINK_DELETE_BATCH]).delete()
    _links_insert(rewritten)
    _links_insert(new)
    return len(links)


def _links_insert(links: Sequence[_LinkRow]) -> None:
    """Insert new links as plain rows: with COPY on PostgreSQL, one prepared INSERT run for
    every row elsewhere. A realignment writes tens of thousands of rows (63,000 for a 500 x 40
    story), and bulk_create spends most of its time building their SQL: 14 s through its
    UNNEST arrays on PostgreSQL (about 3 s through COPY), 5.5 s on SQLite (about 2 s
    through executemany)."""
    if not links:
        return
    # Rows that keep their id (a realignment rewriting a link) carry it; new rows take the
    # next one.
    with_ids = links[0].id is not None
    fields = [f for f in ClaimLink._meta.concrete_fields if with_ids or not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(ClaimLink._meta.db_table)
    values = [_column_value(f) for f in fields]
    rows = ([value(link) for value in values] for link in links)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(rows)
            )


def _column_value(field: Field[Any, Any]) -> Callable[[_LinkRow], Any]:
    """How a link row's value of one column is read for the database: the creation time
    once for the whole insert, JSON through its field, the rest (ids, text, numbers) as
    they are. Field by field, a realignment's 63,000 rows spent 3 s in get_db_prep_save."""
    if isinstance(field, DateTimeField) and field.auto_now_add:
        stamp = field.get_db_prep_save(timezone.now(), connection)
        return lambda _link: stamp
    read = attrgetter(field.attname)
    if isinstance(field, JSONField):
        return lambda link: field.get_db_prep_save(read(link), connection)
    return read


def _copies_store(found: _StoryClaims, copies: dict[int, int], *, only: int | None = None) -> None:
    """Mark the wire copies (article index -> index of the article it reprints)."""
    for index, article in enumerate(found.articles):
        if only is not None and index != only:
            continue
        copy_of = found.articles[copies[index]] if index in copies else None
        if article.copy_of_id != (copy_of.pk if copy_of else None):
            Article.objects.filter(pk=article.pk).update(copy_of=copy_of)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a story is aligned, back as it was after.

    Aligning a story makes hundreds of thousands of objects that live until its links are
    written (claims, views, relations), and each full collection walks every one of them:
    fourteen full collections took a quarter of a 500 x 40 realignment (README, log). The
    engine's objects hold no reference cycles, so nothing waits longer to be freed than the
    alignment takes. The switch is the process's: a thread that starts while another holds it
    off finds it off and leaves it so, and the first holder turns it back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@transaction.atomic
@collector_paused()
def story_realign(*, story: Story) -> RealignResult:
    """Recompute every link of a story from its articles' stored claims (after an engine
    upgrade, a merge, or when an admin asks); editors' decisions are kept, and so are the
    ids of the links drawn again (open panels and permalinks survive)."""
    _stories_lock([story.pk])
    found = _story_claims(story)
    link_drafts = compare_articles(
        found.drafts, found.published, vectors=found.vectors, languages=found.languages
    )
    created = _links_replace(story, found, link_drafts)
    _copies_store(found, copied_articles(found.drafts, [d.match for d in link_drafts]))
    counts = story_verdicts_store(story=story)
    Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
    return RealignResult(links=created, counts=counts)


@transaction.atomic
@collector_paused()
def article_align(*, article: Article) -> int:
    """Link a newly stored article with the rest of its story, leaving the story's other
    links as they are (their ids, and so open panels and permalinks, survive), then decide
    the story's verdicts again. Returns how many links were stored.

    Only the new article's pairs are compared (pipeline.align_claims(only=...)): the 101st
    article of a story costs one pass over the story's claims, not a realignment.
    """
    story = article.story
    _stories_lock([story.pk])
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
    story_verdicts_store(story=story, added=True)
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
# Each process keeps what it read and wrote the last time it decided a story's verdicts, so
# that after a new article only the new claims and links are read: in a 100-article story,
# reading the 2,800 claims and 5,200 links again took 50 of the 130 ms the verdicts took
# (bench/ingest_bench.py). Bounded by links (about 450 bytes each with their claims' share,
# measured with tracemalloc on a 60-article story: 100,000 take 45 MB, and a 500 x 40 story's
# 63,000 fit); the stories decided least recently leave first.
VERDICT_LINKS_KEPT = 100_000


@dataclass(frozen=True, slots=True)
class _VerdictInputs:
    """A story's claims (id -> (article id, the verdict stored)) and links as story_verdicts_store
    left them, under the story revision it wrote."""

    revision: uuid.UUID
    claims: dict[int, tuple[Any, ...]]
    links: tuple[LinkEdge, ...]
    last_claim: int
    last_link: int


class _VerdictsKept(_KeptInMemory[_VerdictInputs]):
    """The verdict inputs a process keeps (VERDICT_LINKS_KEPT links), by story id.

    They stand for the database only while the story's revision is the one they were written
    under: every change to what a story shows gives it a new revision (story_verdicts_store,
    stories_revise), so another process's ingest, an editor's review or an admin's edit makes
    them stale, and so does a transaction rolled back after they were kept (the revision stays
    the old one).
    """

    def __init__(self, limit: int) -> None:
        super().__init__(limit, attrgetter("revision"), lambda kept: len(kept.links))


verdicts_kept = _VerdictsKept(VERDICT_LINKS_KEPT)


def _link_edges(links: QuerySet[ClaimLink]) -> list[LinkEdge]:
    """Links as the verdicts see them, in id order. A conflict's details are read for the facts
    that differ (the conflicts are one per fact); an agreement's are left in the database
    (story_comparison_get does the same)."""
    return [
        LinkEdge(
            id=pk,
            claim_a_id=a,
            claim_b_id=b,
            relation=relation,
            review=review,
            score=score,
            differing=RelationDetails.from_json(json.loads(details)).differing if details else (),
        )
        for pk, a, b, relation, review, score, details in links.order_by("id")
        .annotate(conflict_details=conflict_details_text())
        .values_list(
            "id", "claim_a_id", "claim_b_id", "relation", "review", "score", "conflict_details"
        )
    ]


def _verdict_inputs(
    story: Story, *, added: bool
) -> tuple[dict[int, tuple[Any, ...]], tuple[LinkEdge, ...]]:
    """The story's claims (id -> (article id, the verdict stored)) and links as they are
    stored. added: since the verdicts were last stored, this transaction only added claims
    and links (an article was aligned), so what this process kept then is read again only
    for what is new: ids only grow, and a story's writes take turns under its lock."""
    kept = None
    if added:
        revision = Story.objects.filter(pk=story.pk).values_list("revision", flat=True).first()
        kept = verdicts_kept.get(story.pk, revision) if revision else None
    claims = Claim.objects.filter(article__story=story)
    links = ClaimLink.objects.filter(story=story)
    if kept is None:
        rows = {}
        edges = _link_edges(links)
    else:
        claims = claims.filter(pk__gt=kept.last_claim)
        rows = dict(kept.claims)
        edges = [*kept.links, *_link_edges(links.filter(pk__gt=kept.last_link))]
    for row in claims.values_list("id", "article_id", *CLAIM_VERDICT_FIELDS):
        rows[row[0]] = row[1:]
    return rows, tuple(edges)


@transaction.atomic
def story_verdicts_store(*, story: Story, added: bool = False) -> StoryCounts:
    """Decide every claim's status and the story's counts (comparison.story_verdicts, the one
    rule) from the stored articles, claims, links and reviews, and store them.

    Three reads and as many writes as there are changed claims (in batches), plus one.
    added: the caller only added claims and links since the story's verdicts were last stored
    (article_align), so the claims and links this process kept from then are read again only
    for what is new (_verdict_inputs).
    """
    _stories_lock([story.pk])
    articles = [
        ArticleNode(id=pk, outlet_id=outlet_id, copy_of_id=copy_of_id)
        for pk, outlet_id, copy_of_id in Article.objects.filter(story=story)
        .order_by("id")
        .values_list("id", "outlet_id", "copy_of_id")
    ]
    claims, links = _verdict_inputs(story, added=added)
    verdicts = story_verdicts(
        articles=articles,
        claim_article={claim_id: row[0] for claim_id, row in claims.items()},
        links=links,
    )
    # Claims that take the same verdict are written together: one UPDATE per verdict (a few
    # hundred in a story of thousands of claims), not a CASE per claim (bulk_update).
    changed: dict[tuple[Any, ...], list[int]] = {}
    stored_now: dict[int, tuple[Any, ...]] = {}
    verdict_fields = attrgetter(*CLAIM_VERDICT_FIELDS)
    for claim_id, verdict in verdicts.claims.items():
        wanted = verdict_fields(verdict)
        row = claims[claim_id]
        if row[1:] != wanted:
            changed.setdefault(wanted, []).append(claim_id)
            row = (row[0], *wanted)
        stored_now[claim_id] = row
    for wanted, ids in changed.items():
        values = dict(zip(CLAIM_VERDICT_FIELDS, wanted, strict=True))
        for start in range(0, len(ids), VERDICT_UPDATE_BATCH):
            Claim.objects.filter(pk__in=ids[start : start + VERDICT_UPDATE_BATCH]).update(**values)
    counts = verdicts.counts
    # Every write to what the story page shows ends here: a new revision retires the laid-out
    # page each process keeps (selectors.story_page_get).
    revision = uuid.uuid4()
    Story.objects.filter(pk=story.pk).update(
        revision=revision, **{name: getattr(counts, name) for name in STORY_COUNT_FIELDS}
    )
    story.revision = revision
    for name in STORY_COUNT_FIELDS:
        setattr(story, name, getattr(counts, name))
    verdicts_kept.put(
        {
            story.pk: _VerdictInputs(
                revision=revision,
                claims=stored_now,
                links=links,
                last_claim=max(stored_now, default=0),
                last_link=links[-1].id if links else 0,
            )
        }
    )
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
    _stories_lock([link.story_id])
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
                    warnings="; ".join(doc.warnings),
                    finished_at=timezone.now(),
                )
            )
            continue
        payload = {
            "text": doc.text,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "published": doc.published.isoformat() if doc.published else "",
            "story": doc.story,
        }
        items.append(
            IngestItem(
                batch=batch,
                position=position,
                source=doc.source[:500],
                payload=payload,
                warnings="; ".join(doc.warnings),
            )
        )
    IngestItem.objects.bulk_create(items)
    # Counts the documents refused at once, and ends a batch that holds no other.
    return ingest_batch_settle(batch_id=batch.pk)


class ItemOutcome(enum.Enum):
    """What became of one attempt at a batch's document (ingest_item_run)."""

    DONE = "done"  # ingested, duplicate, rejected or failed for good: recorded on the item
    RETRY = "retry"  # a transient failure: the caller queues the document again (retry_at)
    SKIPPED = "skipped"  # already done, or held by a live worker


# Leases: a worker holds a document for INGEST_LEASE_SECONDS and renews the lease while it
# lives (manage.py worker, every few seconds); a document whose lease ran out is taken up
# again by another worker. Calibrated on the seeds: a document takes well under a second
# to ingest into a 100-article story, a 10 MB text about 40 s.
INGEST_MAX_ATTEMPTS = 3
# A transient failure is retried after RETRY_DELAY_SECONDS x the attempts so far.
RETRY_DELAY_SECONDS = 5
# Errors of the machine, not of the document: a lost connection, a deadlock, a lock timeout.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def _lease_seconds() -> int:
    return int(getattr(settings, "INGEST_LEASE_SECONDS", 60))


def ingest_item_claim(*, item_id: int, worker: str) -> IngestItem | None:
    """Take a pending document for one worker: only if no live worker holds it (no lease, or
    a lease that ran out). Returns None when it is done or held."""
    now = timezone.now()
    with transaction.atomic():
        item = (
            IngestItem.objects.select_for_update(skip_locked=True)
            .filter(pk=item_id, status=ItemStatus.PENDING)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
            .first()
        )
        if item is None:
            return None
        item.worker = worker[:100]
        item.lease_until = now + dt.timedelta(seconds=_lease_seconds())
        item.attempts += 1
        item.save(update_fields=["worker", "lease_until", "attempts"])
        IngestBatch.objects.filter(pk=item.batch_id, status=BatchStatus.QUEUED).update(
            status=BatchStatus.RUNNING
        )
    return item


def ingest_item_run(*, item_id: int, worker: str) -> tuple[ItemOutcome, dt.datetime | None]:
    """Ingest one document of a batch for a worker, record what became of it, and settle the
    batch when it was the last. Never raises for the document's sake: a bad document is
    rejected with its reason, a machine failure retried (the outcome RETRY and when), and
    after INGEST_MAX_ATTEMPTS recorded as failed."""
    item = ingest_item_claim(item_id=item_id, worker=worker)
    if item is None:
        return ItemOutcome.SKIPPED, None
    try:
        # The article and the record of its document commit together: a worker killed in
        # between leaves neither, and the document is taken up again whole (not found stored
        # by its own first attempt and recorded as a duplicate).
        with transaction.atomic():
            status, message, article = _item_ingest(item)
            if not _item_record(item, status=status, message=message, article=article):
                # Another worker holds the document now: it is left to that one.
                transaction.set_rollback(True)
    except TRANSIENT_ERRORS as exc:
        if item.attempts < INGEST_MAX_ATTEMPTS:
            retry_at = timezone.now() + dt.timedelta(seconds=RETRY_DELAY_SECONDS * item.attempts)
            # The lease runs until the retry: no other worker takes it up before.
            IngestItem.objects.filter(pk=item.pk, worker=item.worker).update(
                lease_until=retry_at, message=f"attempt {item.attempts} failed: {exc}"[:2000]
            )
            return ItemOutcome.RETRY, retry_at
        _item_record(item, status=ItemStatus.FAILED, message=_failure_reason(item, exc))
    except Exception as exc:  # noqa: BLE001 - recorded on the item, the batch goes on
        logger.exception("ingesting %s (item %s) failed", item.source, item.pk)
        _item_record(item, status=ItemStatus.FAILED, message=_failure_reason(item, exc))
    ingest_batch_settle(batch_id=item.batch_id)
    return ItemOutcome.DONE, None


def _failure_reason(item: IngestItem, exc: BaseException) -> str:
    return (
        f"failed after {item.attempts} attempt(s): {type(exc).__name__}: {exc}"[:2000] or "failed"
    )


def _item_ingest(item: IngestItem) -> tuple[str, str, Article | None]:
    """Ingest an item's document: its status, message and article (an input error is a
    rejection with its reason; any other error propagates)."""
    batch = item.batch
    payload = item.payload
    published = payload.get("published") or None
    try:
        result = article_ingest(
            raw_text=payload.get("text", ""),
            outlet_name=batch.outlet_name or payload.get("outlet", ""),
            story_slug=batch.story_slug or payload.get("story", ""),
            published=batch.published or (dt.date.fromisoformat(published) if published else None),
            url=payload.get("url", "")[:1000],
            title=payload.get("title", ""),
            source=item.source,
        )
    except ValidationError as exc:
        return ItemStatus.REJECTED, " ".join(exc.messages), None
    except DataError as exc:
        # The database refused a value of the document (PostgreSQL: a character it cannot
        # store); the transaction rolled back whole.
        return ItemStatus.REJECTED, f"the database refused this text: {exc}".strip(), None
    article = result.article
    if result.created:
        return ItemStatus.INGESTED, f"story {article.story.slug}", article
    return (
        ItemStatus.DUPLICATE,
        f"same text from the same outlet as article {article.pk}",
        article,
    )


def _item_record(
    item: IngestItem, *, status: str, message: str, article: Article | None = None
) -> bool:
    """Record a document's result, if the worker still holds it (a worker whose lease ran
    out while it worked finds the document taken up again, and leaves it); whether it did."""
    return bool(
        IngestItem.objects.filter(pk=item.pk, worker=item.worker, status=ItemStatus.PENDING).update(
            status=status,
            message=message,
            article=article,
            claim_count=article.claims.count() if article else 0,
            payload={},
            lease_until=None,
            finished_at=timezone.now(),
        )
    )


# Batch statuses that end a batch.
BATCH_ENDED = (BatchStatus.FINISHED, BatchStatus.WITH_FAILURES, BatchStatus.FAILED)
# Item statuses that end a document's processing.
ITEM_DONE = (ItemStatus.INGESTED, ItemStatus.DUPLICATE, ItemStatus.REJECTED, ItemStatus.FAILED)


def ingest_batch_settle(*, batch_id: int) -> IngestBatch:
    """Count a batch's progress from its items and, once none is pending, end it: done, done
    with failures, or failed (no document ingested). The stories that took two or more of
    its articles are then realigned whole, so that their links are those of one full
    alignment whatever order the documents came in."""
    with transaction.atomic():
        batch = IngestBatch.objects.select_for_update().get(pk=batch_id)
        counts = Counter(batch.items.values_list("status", flat=True))
        processed = sum(counts[status] for status in ITEM_DONE)
        ended = batch.status in BATCH_ENDED
        if ended or counts[ItemStatus.PENDING]:
            if batch.processed != processed and not ended:
                batch.processed = processed
                batch.save(update_fields=["processed"])
            return batch
        failed = counts[ItemStatus.REJECTED] + counts[ItemStatus.FAILED]
        if not failed:
            batch.status = BatchStatus.FINISHED
        elif failed < batch.total:
            batch.status = BatchStatus.WITH_FAILURES
        else:
            batch.status = BatchStatus.FAILED
        batch.processed = processed
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "processed", "finished_at"])
        touched = Counter(
            batch.items.filter(status=ItemStatus.INGESTED).values_list(
                "article__story_id", flat=True
            )
        )
    stories_settle(added=touched)
    return batch


def stories_settle(*, added: Counter[int]) -> int:
    """Realign whole the stories that took two or more articles in one batch or one ingest
    call (story id -> articles added), so that their links are those of one full alignment
    whatever order the articles came in (each article was linked as it arrived, with the
    story's word weights of that moment). Returns how many stories were realigned."""
    settled = 0
    for story in Story.objects.filter(pk__in=[pk for pk, n in added.items() if pk and n > 1]):
        story_realign(story=story)
        settled += 1
    return settled


def ingest_items_recover() -> list[int]:
    """The pending documents whose worker died (their lease ran out), released so that a
    worker takes them up again: the caller queues them. Documents that used up their
    attempts are recorded as failed."""
    now = timezone.now()
    released: list[int] = []
    exhausted: list[IngestItem] = []
    with transaction.atomic():
        for item in IngestItem.objects.select_for_update(skip_locked=True).filter(
            status=ItemStatus.PENDING, lease_until__lt=now
        ):
            if item.attempts >= INGEST_MAX_ATTEMPTS:
                exhausted.append(item)
            else:
                released.append(item.pk)
        IngestItem.objects.filter(pk__in=released).update(lease_until=None, worker="")
    for item in exhausted:
        _item_record(
            item,
            status=ItemStatus.FAILED,
            message=f"its worker stopped during each of {item.attempts} attempts",
            article=None,
        )
        ingest_batch_settle(batch_id=item.batch_id)
    return released


def ingest_item_queued(*, item_id: int, task_id: str) -> None:
    """Record the task queued to ingest a document (a result id that is not a UUID, from a
    backend without a task table, is not kept)."""
    try:
        task_uuid: uuid.UUID | None = uuid.UUID(str(task_id))
    except ValueError:
        task_uuid = None
    IngestItem.objects.filter(pk=item_id).update(task_id=task_uuid)


def ingest_items_orphaned(*, live_tasks: QuerySet[Any], older_than: dt.datetime) -> list[int]:
    """The pending documents nothing will ingest: no worker holds them (no lease) and no live
    task is to run them (`live_tasks`: the ids of the tasks still queued or running). A
    worker killed after taking a document's task but before holding the document leaves
    it so, and so does a web process killed before it queued its batch (a document never
    queued counts once its batch is older than `older_than`). The caller queues them."""
    return list(
        IngestItem.objects.filter(status=ItemStatus.PENDING, lease_until__isnull=True)
        .filter(
            Q(task_id__isnull=True, batch__created_at__lt=older_than)
            | (Q(task_id__isnull=False) & ~Q(task_id__in=live_tasks))
        )
        .order_by("batch_id", "position")
        .values_list("id", flat=True)
    )


def ingest_items_pending(*, batch_id: int) -> list[int]:
    """The ids of a batch's documents still to ingest, in upload order."""
    return list(
        IngestItem.objects.filter(batch_id=batch_id, status=ItemStatus.PENDING)
        .order_by("position")
        .values_list("id", flat=True)
    )


def workers_alive(*, within: dt.timedelta) -> int:
    """How many background workers were seen alive within the given time."""
    return WorkerBeat.objects.filter(seen_at__gte=timezone.now() - within).count()


def worker_beat(*, name: str, host: str, pid: int, started_at: dt.datetime) -> None:
    """A worker is alive: record it, and renew the leases of the documents it holds."""
    now = timezone.now()
    WorkerBeat.objects.update_or_create(
        name=name[:100],
        defaults={"host": host[:255], "pid": pid, "started_at": started_at, "seen_at": now},
    )
    IngestItem.objects.filter(
        status=ItemStatus.PENDING, worker=name[:100], lease_until__gte=now
    ).update(lease_until=now + dt.timedelta(seconds=_lease_seconds()))


def worker_gone(*, name: str) -> None:
    WorkerBeat.objects.filter(name=name[:100]).delete()


# --- Story management: editors merge, split, move and rename stories ------------------------


@dataclass(frozen=True, slots=True)
class StoryEditResult:
    # The story the editor lands on afterwards (a merge's target, a split's new story, a
    # move's target, the renamed story), and the audit record written.
    story: Story
    edit: StoryEdit


def _story_edit_record(
    *,
    action: StoryEditAction,
    story: Story,
    other: Story | None = None,
    detail: dict[str, Any],
    editor: Any,
    story_kept: bool = True,
    other_kept: bool = True,
) -> StoryEdit:
    """The audit record of one edit; a story deleted by the edit is kept by slug and title."""
    edit = StoryEdit(
        story=story if story_kept else None,
        story_slug=story.slug,
        story_title=story.title,
        other_story=other if other is not None and other_kept else None,
        other_slug=other.slug if other is not None else "",
        other_title=other.title if other is not None else "",
        action=action,
        detail=detail,
        editor=editor if getattr(editor, "is_authenticated", False) else None,
    )
    edit.full_clean()
    edit.save()
    return edit


def _articles_regroup(
    *, article_ids: Sequence[int], source: Story, target: Story
) -> list[list[int]]:
    """Move some articles of source into target, with what belongs to them alone.

    Links and editors' reviews of claim pairs that stay together (inside the moved articles)
    go with them, so the target's realignment keeps the reviews; links of pairs the move puts
    in two stories are deleted (a link joins claims of one story), while their reviews stay
    in source's audit trail. A wire copy separated from its original is no longer one: its
    mark is cleared (the realignments then mark the copies each story holds). Returns the
    cut copies as [copy id, original id]. The caller realigns both stories.
    """
    moved = set(article_ids)
    cut = [
        [pk, copy_of]
        for pk, copy_of in Article.objects.filter(story=source, copy_of__isnull=False)
        .order_by("id")
        .values_list("id", "copy_of_id")
        if copy_of is not None and (pk in moved) != (copy_of in moved)
    ]
    Article.objects.filter(pk__in=[pk for pk, _ in cut]).update(copy_of=None)
    Article.objects.filter(pk__in=moved).update(story=target)
    inside = Q(article_a_id__in=moved) & Q(article_b_id__in=moved)
    ClaimLink.objects.filter(inside, story=source).update(story=target)
    ClaimLink.objects.filter(
        Q(article_a_id__in=moved) | Q(article_b_id__in=moved), story=source
    ).delete()
    LinkReview.objects.filter(
        story=source, claim_a__article_id__in=moved, claim_b__article_id__in=moved
    ).update(story=target)
    return cut


def _story_title_clean(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationError(gettext("Give the story a title."), code="title_empty")
    if len(title) > Story._meta.get_field("title").max_length:  # type: ignore[operator]
        raise ValidationError(
            gettext("A story's title is at most 500 characters long."), code="title_long"
        )
    return title


@transaction.atomic
def story_merge(*, target: Story, source: Story, editor: Any = None) -> StoryEditResult:
    """Merge source into target: every article of source (with its links and the editors'
    reviews) joins target, source is deleted, and target is realigned, so links, statuses
    and counts are decided again over all the articles; a review still applies wherever
    its claim pair is drawn again. Source's old address leads to target
    (selectors.story_redirect_for_slug reads the record)."""
    if target.pk == source.pk:
        raise ValidationError(
            gettext("A story cannot be merged into itself."), code="merge_into_itself"
        )
    _stories_lock([target.pk, source.pk])
    article_ids = list(source.articles.order_by("id").values_list("id", flat=True))
    stories_merge(into=target, others=[source])
    result = story_realign(story=target)
    edit = _story_edit_record(
        action=StoryEditAction.MERGE,
        story=target,
        other=source,
        other_kept=False,
        detail={"articles": article_ids, "source_id": source.pk, "links": result.links},
        editor=editor,
    )
    return StoryEditResult(story=target, edit=edit)


@transaction.atomic
def story_split(
    *, story: Story, article_ids: Sequence[int], title: str, editor: Any = None
) -> StoryEditResult:
    """Move some of a story's articles into a new story of the given title (its slug made
    unique as story_create makes it); both stories are realigned. At least one article
    must stay."""
    title = _story_title_clean(title)
    wanted = set(article_ids)
    if not wanted:
        raise ValidationError(
            gettext("Choose at least one article to split out."), code="split_nothing"
        )
    _stories_lock([story.pk])
    held = set(story.articles.values_list("id", flat=True))
    if not wanted <= held:
        raise ValidationError(
            gettext("Only articles of this story can be split out of it."), code="split_foreign"
        )
    if wanted == held:
        raise ValidationError(
            gettext("Splitting out every article would leave this story empty: rename it instead."),
            code="split_everything",
        )
    new = story_create(title=title)
    _stories_lock([new.pk])
    moved = sorted(wanted)
    cut = _articles_regroup(article_ids=moved, source=story, target=new)
    story_realign(story=story)
    story_realign(story=new)
    edit = _story_edit_record(
        action=StoryEditAction.SPLIT,
        story=story,
        other=new,
        detail={"articles": moved, "copies_cut": cut},
        editor=editor,
    )
    return StoryEditResult(story=new, edit=edit)


@transaction.atomic
def story_article_move(*, article: Article, target: Story, editor: Any = None) -> StoryEditResult:
    """Move one article into another story; both are realigned, and the story it leaves is
    deleted when no article is left in it (its old address then leads to target)."""
    source = Story.objects.get(pk=article.story_id)
    if source.pk == target.pk:
        raise ValidationError(
            gettext("The article is in this story already."), code="move_same_story"
        )
    _stories_lock([source.pk, target.pk])
    cut = _articles_regroup(article_ids=[article.pk], source=source, target=target)
    article.story = target
    emptied = not source.articles.exists()
    if emptied:
        # Only links and reviews of the article's own claims were left: they moved with it.
        source.delete()
    else:
        story_realign(story=source)
    story_realign(story=target)
    edit = _story_edit_record(
        action=StoryEditAction.MOVE,
        story=source,
        other=target,
        story_kept=not emptied,
        detail={
            "articles": [article.pk],
            "article_title": article.title,
            "emptied": emptied,
            "copies_cut": cut,
        },
        editor=editor,
    )
    return StoryEditResult(story=target, edit=edit)


@transaction.atomic
def story_rename(*, story: Story, title: str, editor: Any = None) -> StoryEditResult:
    """Give a story another title; its slug stays, so every address of it keeps working."""
    title = _story_title_clean(title)
    if title == story.title:
        raise ValidationError(gettext("The story has this title already."), code="rename_unchanged")
    old = story.title
    story.title = title
    story.full_clean()
    story.save(update_fields=["title", "updated_at"])
    edit = _story_edit_record(
        action=StoryEditAction.RENAME,
        story=story,
        detail={"old_title": old, "new_title": title},
        editor=editor,
    )
    return StoryEditResult(story=story, edit=edit)
