"""Outlets, stories, articles, claims and the links the engine draws between claims."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsdiff.comparison import STORY_COUNT_FIELDS, StoryCounts
from newsdiff.pipeline.types import RelationDetails


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class OutletManager(models.Manager["Outlet"]):
    def get_by_natural_key(self, name: str) -> Outlet:
        return self.get(name=name)


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    native_name = models.CharField(_("native name"), max_length=200, blank=True)
    domain = models.CharField(_("domain"), max_length=253, blank=True)
    # Other names the outlet's pages print (a copyright holder, a company), comma-separated;
    # ingestion recognises the outlet by them.
    aliases = models.CharField(_("aliases"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.ARABIC
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    # Named by ingestion from what a page showed (a dateline, its address or its file name),
    # not from the registry or a person: an admin confirms, renames or merges it.
    provisional = models.BooleanField(_("provisional"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # By natural key (the name), loading fixtures/outlets.json again updates the outlets.
    objects = OutletManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class Story(models.Model):
    title = models.CharField(_("title"), max_length=500)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    # The story's counts, decided by comparison.story_verdicts whenever the story is realigned
    # or a link reviewed (services store them); every screen and export reads these.
    article_count = models.PositiveIntegerField(_("articles"), default=0)
    # Groups of claims that several independent outlets report alike.
    agreement_count = models.PositiveIntegerField(_("agreements"), default=0)
    # Conflicts between outlets, between the sources they quote, and figures updated over
    # time: one per pair of claim groups in conflict.
    contradiction_count = models.PositiveIntegerField(_("contradictions"), default=0)
    disputed_count = models.PositiveIntegerField(_("disputes between sources"), default=0)
    updated_count = models.PositiveIntegerField(_("figures updated"), default=0)
    # Claims that no other outlet reports.
    only_here_count = models.PositiveIntegerField(_("details in one outlet only"), default=0)
    # Links whose newest editor review dismissed them (from LinkReview rows only).
    dismissed_count = models.PositiveIntegerField(_("links dismissed"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Changes whenever anything the story page shows changes (services.story_verdicts_store,
    # which every write of articles, claims, links and reviews ends with; the admin's edits):
    # the page's laid-out data is kept per process under (id, revision)
    # (selectors.story_page_get). A fresh random value, so that no two states of any story,
    # even one deleted and its id reused, ever share one.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name_plural = _("stories")
        permissions = [
            ("export_story", "Can export comparison tables"),
            ("upload_article", "Can upload articles"),
            ("realign_story", "Can re-run the engine on a story"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="story_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("story_detail", kwargs={"slug": self.slug})

    @property
    def counts(self) -> StoryCounts:
        """The stored counts (see the fields above), as the rule's dataclass."""
        return StoryCounts(**{name: getattr(self, name) for name in STORY_COUNT_FIELDS})


class Article(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(_("title"), max_length=500, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.ARABIC
    )
    raw_text = models.TextField(_("raw text"))
    clean_text = models.TextField(_("clean text"))
    # sha256 of the normalised clean text: one outlet's text is never stored twice (the same
    # text from another outlet is a reprint, stored and marked as a wire copy).
    content_hash = models.CharField(max_length=64)
    # Wire copy: this article reuses the text of an earlier one (set by the engine).
    copy_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    # What story grouping reads (pipeline.grouping): the sentence encoder that made the
    # article's vectors, the lead's vector (encode.to_bytes) and the rest of the signature
    # (rare words with weights, years of the lead).
    encoder = models.CharField(max_length=80, blank=True)
    lead_vector = models.BinaryField(null=True, blank=True, editable=False)
    signature = models.JSONField(default=dict, blank=True)
    # The pipeline.READING_VERSION its claims' facts and sources were read by: claims read
    # by an older one are read again when the story is next aligned (articles stored before
    # versions were recorded are 1).
    reading_version = models.PositiveSmallIntegerField(default=1, editable=False)
    # Counts the changes made to its claims other than by the engine (an edit or a deletion in
    # the admin): a process that keeps the claims in memory (services._story_claims) reads
    # them again when it differs. Whatever else writes a claim's text, facts or vector must
    # raise it (services.article_claims_changed).
    claims_revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["published_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(clean_text=""), name="article_clean_not_empty"),
            models.CheckConstraint(
                condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="article_hash_hex"
            ),
            models.CheckConstraint(
                condition=~Q(copy_of=F("id")), name="article_not_copy_of_itself"
            ),
            models.UniqueConstraint(
                fields=["outlet", "content_hash"], name="article_outlet_text_unique"
            ),
        ]
        indexes = [
            # Story page and story list: the articles of a story in publication order.
            models.Index(fields=["story", "published_at"], name="article_story_published"),
            # Ingestion: is this text stored already (from any outlet)?
            models.Index(fields=["content_hash"], name="article_content_hash"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title or self.clean_text[:60]}"


class ArticleKey(models.Model):
    """The index story grouping searches: each article under its rarest words
    (pipeline.grouping.ArticleSignature.index_keys), so that a new article meets every stored
    article sharing one of them, whatever its story and however old."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="index_keys")
    key = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="article_key_unique"),
        ]
        indexes = [models.Index(fields=["key"], name="article_key_key")]

    def __str__(self) -> str:
        return self.key


class ClaimStatus(models.TextChoices):
    """A claim's verdict in its story, most telling first (comparison.STATUS_ORDER)."""

    CONTRADICTED = "contradicted", _("contradicted")
    DISPUTED = "disputed", _("disputed by sources")
    UPDATED = "updated", _("updated over time")
    AGREED = "agreed", _("agreed")
    # Reported elsewhere only by a reprint of the same wire text: one source, no confirmation.
    COPIED = "copied", _("only in wire copies")
    ONLY_HERE = "only_here", _("only here")


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField(_("position"))
    text = models.TextField(_("text"))
    normalized = models.TextField(_("normalised text"))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    facts = models.JSONField(default=list, blank=True)
    # Who the claim quotes: normalised for the engine, and as the article wrote it.
    attribution = models.CharField(max_length=200, blank=True)
    attribution_text = models.CharField(_("attributed to"), max_length=200, blank=True)
    # The claim's sentence vector (encode.to_bytes), made once at ingest by the encoder its
    # article names; alignment and grouping read it, a realignment never encodes again.
    vector = models.BinaryField(null=True, blank=True, editable=False)
    # The claim's verdict in its story, decided by comparison.story_verdicts and stored by
    # services; the *_outlets fields count independent outlets (a wire copy and its original
    # are one). agreed_outlets counts the claim's own outlet too: "agreed by 3 outlets".
    status = models.CharField(
        _("status"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.ONLY_HERE
    )
    agreed_outlets = models.PositiveIntegerField(default=0)
    contradicted_outlets = models.PositiveIntegerField(default=0)
    disputed_outlets = models.PositiveIntegerField(default=0)
    updated_outlets = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="claim_position_unique"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ClaimStatus]), name="claim_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Relation(models.TextChoices):
    """The kinds of pipeline.types.LINK_KINDS, stored."""

    AGREEMENT = "agreement", _("agreement")
    CONTRADICTION = "contradiction", _("contradiction")
    # The outlets quote two parties who disagree (the Kremlin denies, a newspaper
    # reports): not a contradiction between the outlets themselves.
    DISPUTED = "disputed", _("disputed by sources")
    # A figure that changed between articles published at different times (a toll rising).
    UPDATED = "updated", _("updated over time")


def conflict_details_text() -> models.Case:
    """A link's details as JSON text for a conflict, "" for an agreement: the readers decode
    the details of conflicts only (the facts that differ), and the database driver would
    otherwise decode every row's JSON, agreements included, which costs more than the query."""
    return models.Case(
        models.When(relation=Relation.AGREEMENT, then=models.Value("")),
        default=Cast("details", models.TextField()),
        output_field=models.TextField(),
    )


class ClaimLink(models.Model):
    """Two claims of two different articles of one story, related by the engine; or two
    claims of one article that quote two sources disputing each other (only "disputed").

    claim_a always belongs to the article with the smaller id (inside one article, it comes
    first in the text), so a pair is stored once.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="links")
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_a")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_b")
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices)
    similarity = models.FloatField(_("similarity"))
    score = models.FloatField(_("confidence"), default=0.0)
    # Why: a pipeline.types.Reason code, and the typed details (RelationDetails.to_json);
    # newsdiff/explanations.py renders the sentence in the reader's language.
    reason = models.CharField(_("reason"), max_length=32)
    details = models.JSONField(default=dict, blank=True)
    engine_version = models.CharField(max_length=32)
    # The newest editor decision on this claim pair ("" when none); see LinkReview.
    review = models.CharField(_("review"), max_length=16, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "claim_a", "claim_b"]
        permissions = [("review_claimlink", "Can confirm or dismiss links")]
        constraints = [
            models.UniqueConstraint(fields=["claim_a", "claim_b"], name="link_pair_unique"),
            # Between two articles, in order; inside one article, only a dispute between
            # the sources it quotes (pipeline.inner_disputes).
            models.CheckConstraint(
                condition=Q(article_a__lt=F("article_b"))
                | Q(article_a=F("article_b"), relation="disputed"),
                name="link_articles_ordered",
            ),
            models.CheckConstraint(
                condition=Q(relation__in=[r.value for r in Relation]), name="link_relation_valid"
            ),
            models.CheckConstraint(
                condition=Q(similarity__gte=0) & Q(similarity__lte=1),
                name="link_similarity_range",
            ),
        ]
        indexes = [
            # Story page: the links of one story by relation.
            models.Index(fields=["story", "relation"], name="link_story_relation"),
            # Claim detail: the links that end at a claim.
            models.Index(fields=["claim_b"], name="link_claim_b"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_a_id} {self.relation} {self.claim_b_id}"

    @property
    def relation_details(self) -> RelationDetails:
        """The typed details, read from claim a's side (see RelationDetails.swapped)."""
        return RelationDetails.from_json(self.details)


class ReviewDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    DISMISSED = "dismissed", _("dismissed")


class LinkReview(models.Model):
    """An editor's decision on a link: the audit trail, newest last.

    Keyed by the claim pair rather than the link row, because realigning a story rebuilds
    its links; the newest review of a pair is copied onto the rebuilt link.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="reviews")
    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(_("relation reviewed"), max_length=16, choices=Relation.choices)
    decision = models.CharField(_("decision"), max_length=16, choices=ReviewDecision.choices)
    note = models.TextField(_("note"), blank=True)
    reviewer = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="link_reviews"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__in=[d.value for d in ReviewDecision]),
                name="review_decision_valid",
            ),
        ]
        indexes = [
            # Realign and the claim detail: the reviews of one claim pair, newest first.
            models.Index(fields=["claim_a", "claim_b", "-created_at"], name="review_pair_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.decision} {self.claim_a_id}-{self.claim_b_id}"


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("done")
    # Done, and some documents were refused or failed (each item says why).
    WITH_FAILURES = "with_failures", _("done with failures")
    # Done, and no document could be ingested.
    FAILED = "failed", _("failed")


class IngestBatch(models.Model):
    """One upload: several documents ingested together, maybe in the background."""

    created_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, related_name="ingest_batches"
    )
    outlet_name = models.CharField(max_length=200, blank=True)
    story_slug = models.CharField(max_length=120, blank=True)
    published = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("ingest batches")
        constraints = [
            models.CheckConstraint(
                condition=Q(processed__lte=F("total")), name="batch_processed_le_total"
            ),
        ]

    def __str__(self) -> str:
        return f"batch {self.pk} ({self.processed}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    INGESTED = "ingested", _("ingested")
    DUPLICATE = "duplicate", _("duplicate")
    # The document itself is unusable (its reason says why); trying again would not help.
    REJECTED = "rejected", _("rejected")
    # The machine failed (database, worker) on every attempt; the reason is the last error.
    FAILED = "failed", _("failed")


class IngestItem(models.Model):
    """One document of a batch and what became of it."""

    batch = models.ForeignKey(IngestBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    source = models.CharField(max_length=500)
    status = models.CharField(max_length=16, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    message = models.TextField(blank=True)
    # What the reader repaired in a document it still read ("3 invalid bytes replaced").
    warnings = models.TextField(blank=True)
    # The document waiting to be ingested; cleared once processed.
    payload = models.JSONField(default=dict, blank=True)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claim_count = models.PositiveIntegerField(default=0)
    # Which worker holds the document, and until when: a worker renews its lease while it
    # lives; once the lease has run out, another worker takes the document up again.
    worker = models.CharField(max_length=100, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The queued task that is to ingest the document (a django-tasks-db result id): a worker
    # that died after taking the task but before holding the document leaves no lease, and
    # the heartbeat of another queues the document again (tasks.ingest_items_recover).
    task_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="item_position_unique"),
        ]
        indexes = [
            # ingest_items_recover: pending documents whose worker's lease ran out.
            models.Index(
                fields=["lease_until"],
                condition=Q(status="pending"),
                name="item_pending_lease",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.status}"


class WorkerBeat(models.Model):
    """A background worker (manage.py worker) that is alive: it touches its row every few
    seconds, so the upload page can tell whether anything will ingest a queued batch."""

    name = models.CharField(max_length=100, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.name} (seen {self.seen_at:%Y-%m-%d %H:%M:%S})"


class StoryEditAction(models.TextChoices):
    MERGE = "merge", _("merge")
    SPLIT = "split", _("split")
    MOVE = "move", _("move")
    RENAME = "rename", _("rename")


class StoryEdit(models.Model):
    """An editor's change to how articles are grouped into stories: the audit trail, as
    LinkReview is for links. Written by services (story_merge, story_split,
    story_article_move, story_rename) only.

    story is the story the edit happened to (a merge's surviving story, the story split or
    renamed, the story an article left); other_story the second story involved (a merge's
    story merged away, a split's new story, a move's target). Each keeps its slug and title
    as text, so the record outlives a story deleted since, and the old address of a story
    merged away can lead to the story it joined.
    """

    story = models.ForeignKey(
        Story, on_delete=models.SET_NULL, null=True, blank=True, related_name="edits"
    )
    story_slug = models.CharField(_("slug"), max_length=120)
    story_title = models.CharField(_("title"), max_length=500)
    other_story = models.ForeignKey(
        Story, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    other_slug = models.CharField(_("other story's slug"), max_length=120, blank=True)
    other_title = models.CharField(_("other story's title"), max_length=500, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=StoryEditAction.choices)
    # What changed: article ids, old and new titles, wire copies cut (see the services).
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    editor = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="story_edits"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [
            ("manage_story", "Can merge, split, move articles between and rename stories")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=[a.value for a in StoryEditAction]),
                name="story_edit_action_valid",
            ),
        ]
        indexes = [
            # The management screen: a story's edit history, newest first.
            models.Index(fields=["story", "-created_at"], name="story_edit_story_newest"),
            # The same history seen from the second story of an edit.
            models.Index(fields=["other_story", "-created_at"], name="story_edit_other_newest"),
            # An old story address (selectors.story_redirect_for_slug): the merge that
            # took its slug away, or the move that emptied it.
            models.Index(fields=["other_slug"], name="story_edit_other_slug"),
            models.Index(fields=["story_slug"], name="story_edit_story_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.story_slug}"
