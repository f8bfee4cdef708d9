"""Verdicts stored once: each claim's status and each story's counts, a link's reason code.

comparison.story_verdicts decides them when a story is realigned or a link reviewed; the
screens, exports and API read the stored values. Links lose their stored English
explanation: explanations.py renders the sentence from the reason code and the details.
Stories ingested before this migration show their counts after `manage.py realign --all`
(the engine version changed with it, so that realign is due anyway).
"""

from django.db import migrations, models
from django.db.models import Q


def reason_from_details(apps, schema_editor):
    ClaimLink = apps.get_model("newsdiff", "ClaimLink")
    for link in ClaimLink.objects.only("details").iterator(chunk_size=2000):
        details = link.details if isinstance(link.details, dict) else {}
        reason = str(details.get("reason") or "")
        if reason == "disputed_by_sources":
            reason = str(details.get("rule") or "")
        ClaimLink.objects.filter(pk=link.pk).update(reason=reason or "paraphrase")


STATUSES = ["contradicted", "disputed", "updated", "agreed", "copied", "only_here"]
STATUS_CHOICES = [
    ("contradicted", "contradicted"),
    ("disputed", "disputed by sources"),
    ("updated", "updated over time"),
    ("agreed", "agreed"),
    ("copied", "only in wire copies"),
    ("only_here", "only here"),
]
RELATION_CHOICES = [
    ("agreement", "agreement"),
    ("contradiction", "contradiction"),
    ("disputed", "disputed by sources"),
    ("updated", "updated over time"),
]


def _count(verbose_name):
    return models.PositiveIntegerField(default=0, verbose_name=verbose_name)


class Migration(migrations.Migration):
    dependencies = [("newsdiff", "0004_claim_search_trigram")]

    operations = [
        migrations.AddField("story", "article_count", _count("articles")),
        migrations.AddField("story", "agreement_count", _count("agreements")),
        migrations.AddField("story", "contradiction_count", _count("contradictions")),
        migrations.AddField("story", "disputed_count", _count("disputes between sources")),
        migrations.AddField("story", "updated_count", _count("figures updated")),
        migrations.AddField("story", "only_here_count", _count("details in one outlet only")),
        migrations.AddField("story", "dismissed_count", _count("links dismissed")),
        migrations.AddField(
            "claim",
            "attribution_text",
            models.CharField(blank=True, max_length=200, verbose_name="attributed to"),
        ),
        migrations.AddField(
            "claim",
            "status",
            models.CharField(
                choices=STATUS_CHOICES, default="only_here", max_length=16, verbose_name="status"
            ),
        ),
        migrations.AddField("claim", "agreed_outlets", models.PositiveIntegerField(default=0)),
        migrations.AddField(
            "claim", "contradicted_outlets", models.PositiveIntegerField(default=0)
        ),
        migrations.AddField("claim", "disputed_outlets", models.PositiveIntegerField(default=0)),
        migrations.AddField("claim", "updated_outlets", models.PositiveIntegerField(default=0)),
        migrations.AddConstraint(
            "claim",
            models.CheckConstraint(condition=Q(status__in=STATUSES), name="claim_status_valid"),
        ),
        migrations.AddField(
            "claimlink",
            "reason",
            models.CharField(default="", max_length=32, verbose_name="reason"),
            preserve_default=False,
        ),
        migrations.RunPython(reason_from_details, migrations.RunPython.noop),
        migrations.RemoveField("claimlink", "explanation"),
        migrations.RemoveConstraint("claimlink", "link_relation_valid"),
        migrations.AlterField(
            "claimlink",
            "relation",
            models.CharField(choices=RELATION_CHOICES, max_length=16, verbose_name="relation"),
        ),
        migrations.AddConstraint(
            "claimlink",
            models.CheckConstraint(
                condition=Q(relation__in=[value for value, _ in RELATION_CHOICES]),
                name="link_relation_valid",
            ),
        ),
        migrations.AlterField(
            "linkreview",
            "relation",
            models.CharField(
                choices=RELATION_CHOICES, max_length=16, verbose_name="relation reviewed"
            ),
        ),
    ]
