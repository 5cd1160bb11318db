"""Services of the monthly recap: ask for one, build it in the background, prepare the 1st's."""

import logging
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from accounts.models import Kanwil, User

from . import charts, policies, recap, selectors
from .calendar import month_bounds
from .models import Recap, RecapState

logger = logging.getLogger(__name__)


def _queue_build(recap_id: int) -> None:
    from .tasks import build_recap

    try:
        build_recap.delay(recap_id)
    except (OSError, OperationalError):  # broker down: the hourly job queues pending recaps
        logger.warning("Broker unavailable; recap %s waits for the next sweep", recap_id)


@transaction.atomic
def request_recap(*, kanwil: Kanwil | None, month: date, by: User | None) -> Recap:
    """Ask for a month's recap (once per Kanwil and month; a failed one is built again)."""
    if by is not None:
        allowed = (
            policies.can_view_national_board(by)
            if kanwil is None
            else policies.can_view_kanwil_board(by, kanwil.pk)
        )
        if not allowed:
            raise PermissionDenied(_("You may not see this recap."))
    first = month.replace(day=1)
    try:
        with transaction.atomic():
            row, created = Recap.objects.get_or_create(
                kanwil=kanwil, month=first, defaults={"requested_by": by}
            )
    except IntegrityError:
        row, created = Recap.objects.get(kanwil=kanwil, month=first), False
    if created or row.state == RecapState.FAILED:
        Recap.objects.filter(pk=row.pk).update(state=RecapState.PENDING, progress=0)
        transaction.on_commit(lambda: _queue_build(row.pk))
    return row


def build_recap(*, recap_id: int) -> str:
    """Build the XLSX and the PDF of one recap, reporting progress Kanwil by Kanwil."""
    with transaction.atomic():
        row = (
            Recap.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("kanwil")
            .filter(pk=recap_id, state__in=[RecapState.PENDING, RecapState.FAILED])
            .first()
        )
        if row is None:
            return "skipped"  # built already, or another worker is on it
        row.state = RecapState.RUNNING
        row.save(update_fields=["state"])
    try:
        start, end = month_bounds(row.month.year, row.month.month)
        kanwils = [row.kanwil] if row.kanwil else list(Kanwil.objects.order_by("province"))
        boards = []
        for index, kanwil in enumerate(kanwils, start=1):
            boards.append(selectors.kanwil_board(kanwil, start, end, today=end))
            Recap.objects.filter(pk=row.pk).update(progress=int(90 * index / len(kanwils)))
        title = _("One Day One News %(month)s") % {"month": row.month.strftime("%Y-%m")}
        if row.kanwil:
            units = boards[0].rows
            chart = charts.bars_svg([u.unit.name for u in units], [u.rate for u in units])
        else:
            chart = charts.bars_svg([b.kanwil.short_name for b in boards], [b.rate for b in boards])
        name = f"odon-{row.kanwil.slug if row.kanwil else 'national'}-{row.month:%Y-%m}"
        xlsx = recap.recap_xlsx(boards, title=title)
        pdf = recap.recap_pdf(boards, title=title, chart=chart)
    except Exception:
        Recap.objects.filter(pk=row.pk).update(state=RecapState.FAILED)
        raise
    row.xlsx.save(f"{name}.xlsx", ContentFile(xlsx), save=False)
    row.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    row.state, row.progress, row.finished_at = RecapState.READY, 100, timezone.now()
    row.save(update_fields=["xlsx", "pdf", "state", "progress", "finished_at"])
    return row.state


def prepare_monthly_recaps(*, today: date | None = None) -> int:
    """From the 1st, the previous month's recap of every Kanwil and the national one exist."""
    today = today or timezone.now().astimezone(ZoneInfo("Asia/Jakarta")).date()
    previous = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    existing = set(Recap.objects.filter(month=previous).values_list("kanwil_id", flat=True))
    queued = 0
    for kanwil in [None, *Kanwil.objects.all()]:
        kanwil_id = kanwil.pk if kanwil else None
        if kanwil_id not in existing:
            request_recap(kanwil=kanwil, month=previous, by=None)
            queued += 1
    for pk in Recap.objects.filter(state=RecapState.PENDING).values_list("pk", flat=True):
        _queue_build(pk)
    return queued
