"""Monthly recaps: list, request and download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.models import Kanwil

from .. import policies, reporting, selectors
from ..forms import BoardFilterForm
from ..models import Recap, RecapState
from .boards import local_today


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404


def _recaps_page(request, kanwil: Kanwil | None):
    today = local_today(kanwil.time_zone if kanwil else "Asia/Jakarta")
    form = BoardFilterForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        month = form.cleaned_data.get("month")
        if month is None:
            form.add_error("month", _("Choose a month."))
        else:
            reporting.request_recap(kanwil=kanwil, month=month, by=request.user)
            messages.success(request, _("The recap is being built; this page shows its progress."))
            return redirect(request.path)
    recaps = list(selectors.recaps_for(kanwil))
    # The page reloads itself while a recap is being built, so progress shows without script.
    building = any(recap.state in (RecapState.PENDING, RecapState.RUNNING) for recap in recaps)
    context = {"kanwil": kanwil, "recaps": recaps, "form": form, "building": building}
    return render(request, "odon/recap_list.html", context)


@login_required
def recap_list(request, slug: str):
    """A Kanwil's monthly recaps, and a form to build one."""
    kanwil = get_object_or_404(Kanwil, slug=slug)
    _require(policies.can_view_kanwil_board(request.user, kanwil.pk))
    return _recaps_page(request, kanwil)


@login_required
def national_recaps(request):
    """The national recaps, with their progress."""
    _require(policies.can_view_national_board(request.user))
    return _recaps_page(request, None)


@login_required
def recap_download(request, pk: int, kind: str):
    """The XLSX or PDF of a ready recap."""
    recap = get_object_or_404(Recap.objects.select_related("kanwil"), pk=pk)
    allowed = (
        policies.can_view_national_board(request.user)
        if recap.kanwil_id is None
        else policies.can_view_kanwil_board(request.user, recap.kanwil_id)
    )
    _require(allowed and recap.state == RecapState.READY and kind in ("xlsx", "pdf"))
    file = recap.xlsx if kind == "xlsx" else recap.pdf
    _require(bool(file))
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
