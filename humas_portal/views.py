"""Project-wide views that belong to no app."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds a browser or balancer should wait before asking again while the database is away.
MAINTENANCE_RETRY_AFTER = 30


@never_cache
def healthz(request):
    """Liveness for load balancers and the benchmark floor: "ok", without touching the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@require_safe
def favicon(request):
    """The site icon at /favicon.ico, where browsers and feed readers look without being told."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
@require_safe
def healthz_ready(request):
    """Readiness for monitoring: database, beat heartbeat and overdue scheduled stories.

    200 while the database answers, with "degraded" in the body when beat is down or scheduled
    stories are overdue (the site still serves pages); 503 without the database."""
    from .health import readiness

    report = readiness()
    return JsonResponse(report, status=503 if report["status"] == "down" else 200)


@never_cache
@require_safe
def switch_language(request, code: str):
    """Switch the portal's language from a plain link, then go back to the page it came from.

    A GET link rather than Django's POST form so that public pages carry no CSRF token and can
    be cached whole; choosing a language changes nothing but the visitor's own cookie."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def database_unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` came from a database that cannot be reached right now."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return True
    return False


def server_error(request, template_name: str = "500.html"):
    """The 500 handler; while the database is unreachable, a 503 maintenance page instead."""
    if not database_unreachable(sys.exc_info()[1]):
        return defaults.server_error(request, template_name)
    logger.warning("Database unreachable; answering 503 for %s", request.path)
    response = HttpResponse(
        render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
    )
    response["Retry-After"] = str(MAINTENANCE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
