"""Project-wide views that belong to no app."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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
