"""Attendance file import: upload, preview, confirm, then the file's page with progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors
from ..datecheck import date_warning
from ..forms import ImportUploadForm
from ..models import ImportStatus
from ..parsers import AttendanceFileError
from ..preview import build_preview
from ..services import imports as import_services
from ..services import recovery
from .common import error_text, managed_session, require


@login_required
def import_upload(request, pk: int):
    """Choose a file; a readable file is shown as a preview, nothing is saved yet."""
    session = managed_session(request, pk)
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, initial={"time_zone": session.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            staged = import_services.stage_attendance_file(
                session=session,
                by=request.user,
                data=data,
                name=upload.name,
                source_format=form.cleaned_data["source_format"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except (AttendanceFileError, ValidationError, PermissionDenied) as error:
            form.add_error("file", error_text(error))
        else:
            context = {
                "session": session,
                "preview": build_preview(session, staged.parsed, staged.sha256),
                "staged": staged,
                "date_warning": date_warning(
                    session,
                    staged.parsed,
                    time_zone=form.cleaned_data["time_zone"] or session.time_zone,
                ),
            }
            return render(request, "training/importfile_preview.html", context)
    return render(request, "training/importfile_form.html", {"session": session, "form": form})


@login_required
@require_POST
def import_confirm(request, pk: int):
    """Save the previewed file and apply it (now, or in the background when large)."""
    session = managed_session(request, pk)
    try:
        import_file = import_services.confirm_import(
            session=session,
            by=request.user,
            token=request.POST.get("token", ""),
            date_confirmed=request.POST.get("confirm_date") == "1",
        )
    except (AttendanceFileError, ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
        return redirect("training:import_upload", pk=session.pk)
    if import_file.status == ImportStatus.DONE:
        messages.success(request, _("The attendance file has been imported."))
    else:
        messages.info(request, _("The file is large; it is being imported in the background."))
    return redirect(import_file.get_absolute_url())


@login_required
def import_detail(request, pk: int, import_pk: int):
    """An imported file: its status, progress and counts."""
    session = managed_session(request, pk)
    import_file = selectors.import_file_of(session, import_pk)
    require(import_file is not None)
    context = {
        "session": session,
        "import_file": import_file,
        "progress": cache.get(import_services.progress_key(import_file.pk), 0),
        "running": import_file.status in (ImportStatus.QUEUED, ImportStatus.PROCESSING),
        "max_attempts": recovery.MAX_ATTEMPTS,
    }
    return render(request, "training/importfile_detail.html", context)


@login_required
def import_progress(request, pk: int, import_pk: int):
    """The import's status and progress as JSON, for the progress bar."""
    session = managed_session(request, pk)
    import_file = selectors.import_file_of(session, import_pk)
    require(import_file is not None)
    done = import_file.status in (ImportStatus.DONE, ImportStatus.FAILED)
    return JsonResponse(
        {
            "status": import_file.status,
            "label": import_file.get_status_display(),
            "percent": 100 if done else cache.get(import_services.progress_key(import_file.pk), 0),
            "done": done,
        }
    )
