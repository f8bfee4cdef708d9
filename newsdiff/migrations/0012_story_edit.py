"""Story management: the audit record of editors' merges, splits, moves and renames, and the
permission to make them, given to the Editor role and the roles above it (Researcher, Admin:
each holds everything Editor holds, see 0002_roles)."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

PERMISSION = "manage_story"
ROLES = ("Editor", "Researcher", "Admin")


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need this one now.
    app_config = apps.get_app_config("newsdiff")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="newsdiff", codename=PERMISSION)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="newsdiff", codename=PERMISSION).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsdiff", "0011_inner_disputes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StoryEdit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("story_slug", models.CharField(max_length=120, verbose_name="slug")),
                ("story_title", models.CharField(max_length=500, verbose_name="title")),
                (
                    "other_slug",
                    models.CharField(blank=True, max_length=120, verbose_name="other story's slug"),
                ),
                (
                    "other_title",
                    models.CharField(
                        blank=True, max_length=500, verbose_name="other story's title"
                    ),
                ),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("merge", "merge"),
                            ("split", "split"),
                            ("move", "move"),
                            ("rename", "rename"),
                        ],
                        max_length=16,
                        verbose_name="action",
                    ),
                ),
                ("detail", models.JSONField(blank=True, default=dict, verbose_name="detail")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "editor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="story_edits",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "other_story",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="newsdiff.story",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="edits",
                        to="newsdiff.story",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-id"],
                "permissions": [
                    ("manage_story", "Can merge, split, move articles between and rename stories")
                ],
                "indexes": [
                    models.Index(fields=["story", "-created_at"], name="story_edit_story_newest"),
                    models.Index(
                        fields=["other_story", "-created_at"], name="story_edit_other_newest"
                    ),
                    models.Index(fields=["other_slug"], name="story_edit_other_slug"),
                    models.Index(fields=["story_slug"], name="story_edit_story_slug"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("action__in", ["merge", "split", "move", "rename"])),
                        name="story_edit_action_valid",
                    )
                ],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
