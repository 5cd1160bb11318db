"""Project-wide views that belong to no app."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness for load balancers and the benchmark floor: "ok", without touching the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
