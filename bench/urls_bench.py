"""The portal's URLs plus a bench-only floor view, used when the portal has no /healthz/."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from bench.pages import FLOOR_PATH
from humas_portal.urls import urlpatterns as portal_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do: no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor), *portal_urlpatterns]
