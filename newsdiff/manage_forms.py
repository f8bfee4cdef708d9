"""Forms of the story management screen (manage_views): they parse what an editor posted;
services.story_merge, story_split, story_article_move and story_rename decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsdiff.models import Article, Story

# The longest title a story holds (Story.title).
TITLE_MAX_LENGTH = 500


class StoryRenameForm(forms.Form):
    title = forms.CharField(label=_("New title"), max_length=TITLE_MAX_LENGTH)


class _OtherStoryField(forms.CharField):
    """Another story, named by its slug (the screen lists recent ones to pick from)."""

    def __init__(self, *, exclude: Story, **kwargs: Any) -> None:
        super().__init__(max_length=120, **kwargs)
        self.exclude = exclude

    def clean(self, value: Any) -> Story:
        slug = super().clean(value)
        story = Story.objects.exclude(pk=self.exclude.pk).filter(slug=slug).first()
        if story is None:
            raise ValidationError(_("Choose another story from the list."), code="no_story")
        return story


class MergeDirection:
    INTO_THIS = "into_this"
    INTO_OTHER = "into_other"


class StoryMergeForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Which story stays"),
        choices=[
            (MergeDirection.INTO_THIS, _("This story stays; the other story's articles join it")),
            (MergeDirection.INTO_OTHER, _("The other story stays; this story's articles join it")),
        ],
        initial=MergeDirection.INTO_THIS,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, story: Story, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"] = _OtherStoryField(exclude=story, label=_("The other story"))


class StorySplitForm(forms.Form):
    title = forms.CharField(label=_("Title of the new story"), max_length=TITLE_MAX_LENGTH)

    def __init__(self, *args: Any, articles: list[Article], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["articles"] = forms.TypedMultipleChoiceField(
            label=_("Articles to move into the new story"),
            choices=[(a.pk, str(a.pk)) for a in articles],
            coerce=int,
            error_messages={"required": _("Choose at least one article to split out.")},
        )


class ArticleMoveForm(forms.Form):
    def __init__(self, *args: Any, story: Story, articles: list[Article], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["article"] = forms.TypedChoiceField(
            label=_("Article"), choices=[(a.pk, str(a.pk)) for a in articles], coerce=int
        )
        self.fields["target"] = _OtherStoryField(exclude=story, label=_("Move it to"))
