"""Routes of the researchers' and admins' screens: uploads, batches and exports."""

from __future__ import annotations

urlpatterns: list = []
