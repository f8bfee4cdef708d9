"""Role checks for views: every view (and every partial, which is the same view) checks here.

Anonymous users are sent to the login page (302); signed-in users without the permission get
403. Roles are groups created by migration 0002_roles: Editor browses and reviews links,
Researcher also exports, Admin also uploads, manages outlets and stories and re-runs the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

BROWSE = "newsdiff.view_story"
REVIEW = "newsdiff.review_claimlink"
EXPORT = "newsdiff.export_story"
UPLOAD = "newsdiff.upload_article"
REALIGN = "newsdiff.realign_story"
MANAGE = "newsdiff.manage_story"

View = Callable[..., HttpResponseBase]


def permission_required(permission: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
