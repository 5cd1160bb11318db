"""The matching queue's shortcut: add the person of a row to the staff directory and credit it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.forms import QuickMemberForm, organisation_from
from directory.selectors import invited_choices
from directory.services import create_member

from .. import services
from ..models import ImportRow
from .common import error_text, managed_session, require


@login_required
@require_POST
def matching_add_member(request, pk: int, row_pk: int):
    """Create a directory record on the spot (in an invited organisation) and match the row."""
    session = managed_session(request, pk)
    row = (
        ImportRow.objects.select_related("import_file")
        .filter(pk=row_pk, import_file__session=session)
        .first()
    )
    require(row is not None)
    back = redirect("training:matching_queue", pk=session.pk)
    form = QuickMemberForm(request.POST, choices=invited_choices(session, request.user))
    if not form.is_valid():
        messages.error(request, _("Give the NIP, the name and an invited unit."))
        return back
    data = form.cleaned_data
    try:
        with transaction.atomic():
            member = create_member(
                by=request.user,
                nip=data["nip"],
                organisation=organisation_from(data["organisation"]),
                full_name=data["full_name"],
            )
            services.resolve_row(row=row, by=request.user, staff=member)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("%(name)s is in the directory and credited.") % {"name": member}
        )
    return back
