"""Screens of the team: admins upload articles and follow their batches; researchers export.

Function-based views as in views.py: each checks its permission, parses its input, calls
readers, selectors, services or exports, and renders one template (or, with HX-Request, a named
partial of it). Downloads stream: CSV and JSON chunk by chunk, XLSX from a temporary file.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import uri_to_iri
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from newsdiff import exports, ingest_reasons, readers, services, tasks
from newsdiff.forms import ExportFilterForm, UploadForm
from newsdiff.http import HtmxHttpRequest
from newsdiff.models import (
    Article,
    BatchStatus,
    IngestBatch,
    IngestItem,
    ItemStatus,
    Language,
    Story,
)
from newsdiff.permissions import EXPORT, UPLOAD, permission_required
from newsdiff.selectors.exports import export_stories_list, stories_language

# The upload page lists this many recent batches, newest first.
RECENT_BATCHES = 20
# The bulk export page previews this many of the stories an export would hold.
EXPORT_PREVIEW = 50
EXPORT_FORMATS = ("csv", "xlsx", "json")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BYTES_PER_MB = 1024 * 1024


# --- Uploads -----------------------------------------------------------------------


def _upload_documents(data: dict[str, Any]) -> list[readers.Document]:
    """Everything the form brought, read into documents: files, pasted text, fetched page.

    The same readers and limits as `manage.py ingest`; a file over the size limit is
    refused from its declared size, without being read."""
    limits = readers.ReadLimits.from_settings(settings)
    documents: list[readers.Document] = []
    for upload in data["files"]:
        name = upload.name or "unnamed file"
        if upload.size is None or upload.size > limits.max_file_bytes:
            documents.append(readers.file_too_large(name, limits))
            continue
        documents.extend(readers.read_upload(name, upload.read(), limits=limits))
    if data["text"].strip():
        documents.append(readers.read_pasted(data["text"], limits=limits))
    if data["url"]:
        page = readers.fetch_url(
            data["url"],
            timeout=settings.FETCH_TIMEOUT_SECONDS,
            max_bytes=settings.FETCH_MAX_BYTES,
            allow_private=settings.FETCH_ALLOW_PRIVATE,
            limits=limits,
        )
        documents.append(page)
    return documents


def _batch_start(batch: IngestBatch, documents: list[readers.Document]) -> None:
    """Queue one task per document; a small upload is then ingested here, within a short
    time budget, and whatever the budget leaves is the workers'."""
    item_ids = services.ingest_items_pending(batch_id=batch.pk)
    if not item_ids:
        return
    # Queued once the batch is committed, so that a worker finds its items.
    transaction.on_commit(lambda: tasks.ingest_items_enqueue(item_ids))
    size = sum(len(doc.text) for doc in documents if not doc.error)
    if len(item_ids) > settings.UPLOAD_INLINE_DOCUMENTS or size > settings.UPLOAD_INLINE_CHARS:
        return
    deadline = time.monotonic() + settings.UPLOAD_INLINE_SECONDS
    for item_id in item_ids:
        if time.monotonic() > deadline:
            break
        services.ingest_item_run(item_id=item_id, worker=f"web-{os.getpid()}")


# A worker seen within this time counts as running (it beats every few seconds).
WORKER_SEEN_WITHIN = dt.timedelta(seconds=30)


@permission_required(UPLOAD)
@require_http_methods(["GET", "POST"])
def upload(request: HtmxHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            documents = _upload_documents(data)
            batch = services.ingest_batch_create(
                documents=documents,
                created_by=request.user,
                outlet_name=data["outlet"],
                story_slug=data["story_slug"],
                published=data["published"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _batch_start(batch, documents)
            url = reverse("batch_detail", kwargs={"batch_id": batch.pk})
            if request.htmx:
                return HttpResponseClientRedirect(url)
            return redirect(url)
    context = {
        "form": form,
        "batches": IngestBatch.objects.select_related("created_by")[:RECENT_BATCHES],
        "inline_documents": settings.UPLOAD_INLINE_DOCUMENTS,
        "max_megabytes": settings.UPLOAD_MAX_BYTES / BYTES_PER_MB,
        "workers": services.workers_alive(within=WORKER_SEEN_WITHIN),
    }
    return render(request, "newsdiff/upload.html", context, status=400 if form.errors else 200)


def _batch_items(batch: IngestBatch) -> QuerySet[IngestItem]:
    # Pending items still hold their whole text in payload; the table needs none of it.
    first_article = Article.objects.filter(story=OuterRef("article__story")).order_by("pk")
    return (
        batch.items.select_related("article__story")
        .annotate(
            story_first_article=Subquery(first_article.values("pk")[:1]),
            story_created_at=F("article__story__created_at"),
        )
        .only(
            "batch",
            "position",
            "source",
            "status",
            "message",
            "warnings",
            "claim_count",
            "article",
            "article__title",
            "article__story",
            "article__story__slug",
            "article__story__title",
        )
        .order_by("position")
    )


@dataclass(frozen=True)
class BatchRow:
    """One document in a batch's report: its item, its reason and warnings in the reader's
    language, and whether its article began a new story."""

    item: IngestItem
    reason: str
    warnings: list[str]
    new_story: bool


def _batch_row(batch: IngestBatch, item: Any) -> BatchRow:
    # A new story: this document's article is the story's first, and the story was made
    # after the batch was (not an empty story that an earlier upload or an admin made).
    new_story = (
        item.status == ItemStatus.INGESTED
        and item.article_id is not None
        and item.article_id == item.story_first_article
        and item.story_created_at is not None
        and item.story_created_at >= batch.created_at
    )
    return BatchRow(
        item=item,
        reason=ingest_reasons.reason_text(item.message),
        warnings=ingest_reasons.warnings_text(item.warnings),
        new_story=new_story,
    )


@permission_required(UPLOAD)
@require_GET
@never_cache
@vary_on_headers("HX-Request")
def batch_detail(request: HtmxHttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(IngestBatch.objects.select_related("created_by"), pk=batch_id)
    items = list(_batch_items(batch))
    counts = Counter(item.status for item in items)
    rows = [_batch_row(batch, item) for item in items]
    context = {
        "batch": batch,
        "items": items,
        "rows": rows,
        "new_stories": sum(row.new_story for row in rows),
        "running": batch.status in (BatchStatus.QUEUED, BatchStatus.RUNNING),
        "ingested": counts[ItemStatus.INGESTED],
        "duplicates": counts[ItemStatus.DUPLICATE],
        "rejected": counts[ItemStatus.REJECTED],
        "failed": counts[ItemStatus.FAILED],
        "pending": counts[ItemStatus.PENDING],
        "workers": services.workers_alive(within=WORKER_SEEN_WITHIN),
    }
    # The progress section polls itself while the batch runs, and stops polling when the
    # response renders it finished (without its hx-trigger).
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/batch_detail.html#batch-progress", context)
    return render(request, "newsdiff/batch_detail.html", context)


@permission_required(UPLOAD)
@require_GET
@never_cache
def batch_progress(request: HtmxHttpRequest, batch_id: int) -> JsonResponse:
    batch = get_object_or_404(IngestBatch, pk=batch_id)
    return JsonResponse(
        {
            "id": batch.pk,
            "status": batch.status,
            "total": batch.total,
            "processed": batch.processed,
            "percent": batch.percent,
        }
    )


# --- Exports -----------------------------------------------------------------------


def _download(
    stories: QuerySet[Story], fmt: str, *, stem: str, story: Story | None = None
) -> HttpResponseBase:
    """stories as a download in fmt; story when the export is of one story (XLSX sheet)."""
    if fmt == "xlsx":
        file = exports.story_xlsx_file(story) if story else exports.stories_xlsx_file(stories)
        # FileResponse closes the temporary file once sent, and writes an RFC 5987
        # filename*= for non-ASCII (Arabic) slugs.
        return FileResponse(
            file, as_attachment=True, filename=f"{stem}.xlsx", content_type=XLSX_CONTENT_TYPE
        )
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.stories_csv_lines(stories), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "json":
        response = StreamingHttpResponse(
            exports.stories_json_chunks(stories), content_type="application/json"
        )
    else:
        raise Http404("Unknown export format")
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.{fmt}")
    return response


def _story_stem(story: Story) -> str:
    return f"newsdiff-{story.slug}"


@permission_required(EXPORT)
@require_GET
def story_export(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    downloads = [
        (fmt, reverse("story_download", kwargs={"slug": story.slug, "fmt": fmt}))
        for fmt in EXPORT_FORMATS
    ]
    api_url = reverse("story_api", kwargs={"slug": story.slug})
    context = {
        "story": story,
        "downloads": downloads,
        "api_url": api_url,
        # Whole, for a script to copy, and with an Arabic slug in letters, not %-escapes.
        "api_url_shown": uri_to_iri(request.build_absolute_uri(api_url)),
        "right_to_left": stories_language(Story.objects.filter(pk=story.pk)) == Language.ARABIC,
    }
    return render(request, "newsdiff/export.html", context)


@permission_required(EXPORT)
@require_GET
def story_download(request: HtmxHttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    story = get_object_or_404(Story, slug=slug)
    return _download(Story.objects.filter(pk=story.pk), fmt, stem=_story_stem(story), story=story)


def _filtered_stories(form: ExportFilterForm) -> QuerySet[Story]:
    data = form.cleaned_data
    outlet = data.get("outlet")
    return export_stories_list(
        query=data.get("q", ""),
        slugs=data.get("slugs", []),
        outlet_id=outlet.pk if outlet else None,
        published_from=data.get("date_from"),
        published_to=data.get("date_to"),
    )


@permission_required(EXPORT)
@require_GET
@vary_on_headers("HX-Request")
def stories_export(request: HtmxHttpRequest) -> HttpResponse:
    form = ExportFilterForm(request.GET)
    context: dict[str, Any] = {"form": form, "story": None}
    if form.is_valid():
        stories = _filtered_stories(form)
        query = request.GET.urlencode()
        context |= {
            "preview": list(stories[:EXPORT_PREVIEW]),
            "story_count": stories.count(),
            "downloads": [
                (fmt, f"{reverse('stories_download', kwargs={'fmt': fmt})}?{query}")
                for fmt in EXPORT_FORMATS
            ],
        }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/export.html#export-results", context)
    return render(request, "newsdiff/export.html", context, status=200 if form.is_valid() else 400)


@permission_required(EXPORT)
@require_GET
def stories_download(request: HtmxHttpRequest, fmt: str) -> HttpResponseBase:
    form = ExportFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "story": None}
        return render(request, "newsdiff/export.html", context, status=400)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return _download(_filtered_stories(form), fmt, stem=f"newsdiff-stories-{stamp}")


@permission_required(EXPORT)
@require_GET
def story_api(request: HtmxHttpRequest, slug: str) -> HttpResponseBase:
    """One story in the shape of `manage.py export --format json`, for scripts."""
    story = get_object_or_404(Story, slug=slug)
    return StreamingHttpResponse(
        exports.stories_json_chunks(Story.objects.filter(pk=story.pk)),
        content_type="application/json",
    )
