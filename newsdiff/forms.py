"""Forms of the team screens: the upload form and the export filter.

Forms only parse and validate what was typed; reading files and fetching pages is done by
newsdiff.readers, storing by newsdiff.services.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from newsdiff.models import Outlet

# What the file picker offers; anything else is still accepted and reported as unsupported
# by the readers, so a wrong file in a batch never hides the good ones.
UPLOAD_EXTENSIONS = (".txt", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip")
# Story slugs typed into the bulk export filter, at most this many.
EXPORT_MAX_SLUGS = 200


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files at once (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)})
        )
        # An empty file is the readers' to refuse, with its reason, not the whole upload's.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single_clean = super().clean
        if isinstance(data, (list, tuple)):
            return [single_clean(d, initial) for d in data if d]
        return [single_clean(data, initial)] if data else []


class UploadForm(forms.Form):
    # The field shares its name with Form.files (the request's uploads) only on the class:
    # Django moves declared fields into base_fields, so the instance attribute is untouched.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Files"),
        required=False,
        # The extensions as one left-to-right run: inside Arabic text, ".html" would read "html."
        # (Django renders a field's help text unescaped.)
        help_text=format_lazy(
            _("Files ending in {extensions}; several at once."),
            extensions='<bdi dir="ltr">.txt .html .json .jsonl .csv .zip</bdi>',
        ),
    )
    text = forms.CharField(
        label=_("Pasted text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )
    url = forms.URLField(
        label=_("Page to fetch"), required=False, assume_scheme="https", max_length=1000
    )
    outlet = forms.CharField(
        label=_("Outlet"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to read it from each text."),
    )
    story_slug = forms.SlugField(
        label=_("Story slug"),
        required=False,
        max_length=120,
        allow_unicode=True,
        help_text=_("Leave empty to match each article to a story."),
    )
    published = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("files") or cleaned.get("text", "").strip() or cleaned.get("url")):
            if not self.errors:
                raise ValidationError(_("Choose files, paste a text or give a URL."))
        return cleaned


class ExportFilterForm(forms.Form):
    """Which stories a bulk export holds; every field is optional (empty: all stories)."""

    q = forms.CharField(label=_("Search titles and claims"), required=False, max_length=200)
    slugs = forms.CharField(
        label=_("Story slugs"),
        required=False,
        help_text=_("Comma- or space-separated."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    outlet = forms.ModelChoiceField(
        label=_("Outlet"),
        queryset=Outlet.objects.order_by("name"),
        required=False,
        empty_label=_("All outlets"),
    )
    date_from = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_slugs(self) -> list[str]:
        slugs = [s for s in self.cleaned_data["slugs"].replace(",", " ").split() if s]
        if len(slugs) > EXPORT_MAX_SLUGS:
            raise ValidationError(_("At most %(n)d slugs at once."), params={"n": EXPORT_MAX_SLUGS})
        return slugs

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date is after the end date."))
        return cleaned
