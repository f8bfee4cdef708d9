"""manage.py demo_account : a local sign-in for trying newsdiff (make run calls it)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Create a demo user in a role group, unless a user of that name exists."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="demo")
        parser.add_argument("--password", default="newsdiff-demo")
        parser.add_argument("--role", default="Admin", choices=["Editor", "Researcher", "Admin"])

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"user {username!r} exists; left as it is")
            return
        try:
            group = Group.objects.get(name=options["role"])
        except Group.DoesNotExist:
            raise CommandError("role groups are missing: run `manage.py migrate` first") from None
        user = User.objects.create_user(
            username, password=options["password"], is_staff=options["role"] == "Admin"
        )
        user.groups.add(group)
        self.stdout.write(
            f"created {options['role']} {username!r} (password {options['password']!r})"
        )
