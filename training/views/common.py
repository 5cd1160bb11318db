"""Helpers shared by the training views."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from .. import policies, selectors
from ..models import TrainingSession

PER_PAGE = 25


def require(allowed: bool) -> None:
    """Out of scope reads as not found, so nothing about other organisations leaks."""
    if not allowed:
        raise Http404


def visible_session(request, pk: int) -> TrainingSession:
    """A session for its pages (any staff), with everything the page shows."""
    session = selectors.session_for_page(request.user, pk)
    require(session is not None)
    return session


def managed_session(request, pk: int) -> TrainingSession:
    """A session the user organises; anything else is a 404."""
    session = selectors.session_for_update(pk)
    require(session is not None and policies.can_manage_session(request.user, session))
    return session


def error_text(error) -> str:
    """The messages of a ValidationError or PermissionDenied as one line."""
    messages = getattr(error, "messages", None)
    if messages:
        return " ".join(str(message) for message in messages)
    return str(error) or _("This could not be done.")


class CountedPaginator(Paginator):
    """A paginator told the number of rows, when a summary query has counted them already."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count
