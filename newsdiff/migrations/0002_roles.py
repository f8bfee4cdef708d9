"""Roles as groups: Editor browses and reviews links, Researcher also exports, Admin also
uploads articles, manages outlets and stories and re-runs the engine."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "view_outlet",
    "view_story",
    "view_article",
    "view_claim",
    "view_claimlink",
    "review_claimlink",
    "view_linkreview",
]
RESEARCHER = EDITOR + ["export_story"]
ADMIN = RESEARCHER + [
    "upload_article",
    "realign_story",
    "add_outlet",
    "change_outlet",
    "delete_outlet",
    "add_story",
    "change_story",
    "delete_story",
    "add_article",
    "change_article",
    "delete_article",
    "view_ingestbatch",
    "add_ingestbatch",
    "view_ingestitem",
]
ROLES = {"Editor": EDITOR, "Researcher": RESEARCHER, "Admin": ADMIN}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(
            content_type__app_label="newsdiff", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for {role}: {sorted(missing)}")
        group.permissions.set(permissions)


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsdiff", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
