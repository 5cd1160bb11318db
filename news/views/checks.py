"""The editorial checks in the newsroom: the live check, the review panel, session links."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.models import TrainingSession
from training.services import link_story

from .. import policies, selectors
from ..checks import BLOCK, INFO, WARN, Finding
from ..models import EthicsItem, SubmissionCheck
from ..services.checks import check_unsaved_story, findings_for

LIVE_FIELDS = ("title", "lead", "body", "dateline")


def _visible_story(request, pk: int):
    story = selectors.story_for_page(request.user, pk)
    if story is None or not policies.can_view_story(request.user, story):
        raise Http404
    return story


def submit_arguments(data) -> dict:
    """The ticked checklist and the override reasons sent with the submit button."""
    ticked = [int(value) for value in data.getlist("ethics") if value.isdigit()]
    reasons = zip(data.getlist("override_key"), data.getlist("override_reason"), strict=False)
    return {
        "ethics_ticked": ticked,
        "overrides": {key: reason for key, reason in reasons if reason.strip()},
    }


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {level: sum(1 for f in findings if f.severity == level) for level in (BLOCK, WARN, INFO)}


def panel_context(user, story) -> dict:
    """What the review page shows: current findings, the last submission's overrides and ticks."""
    findings = findings_for(story=story, user=user)
    last = SubmissionCheck.objects.filter(story=story).select_related("submitted_by").first()
    overrides = {item["key"]: item["reason"] for item in (last.overrides if last else [])}
    return {
        "check_findings": findings,
        "check_rows": [{"finding": f, "reason": overrides.get(f.key, "")} for f in findings],
        "check_counts": _counts(findings),
        "check_last": last,
        "ethics_items": list(EthicsItem.objects.filter(is_active=True)),
    }


def _unsaved_values(data) -> dict:
    values = {name: data.get(name) for name in LIVE_FIELDS}
    raw_date = data.get("event_date") or ""
    try:
        values["event_date"] = datetime.date.fromisoformat(raw_date) if raw_date else None
    except ValueError:
        values["event_date"] = None
    return values


@login_required
@require_POST
def live_check(request, pk: int):
    """Findings for the text being typed (form data in, JSON out; nothing is saved)."""
    story = _visible_story(request, pk)
    try:
        findings = check_unsaved_story(
            story=story, by=request.user, **_unsaved_values(request.POST)
        )
    except PermissionDenied:
        return JsonResponse({"error": _("You may not edit this story.")}, status=403)
    return JsonResponse({"findings": [f.as_dict() for f in findings], "counts": _counts(findings)})


@login_required
@require_POST
def link_session(request, pk: int, session_pk: int):
    """Link the story to a training session it reports on (one click from a finding)."""
    story = _visible_story(request, pk)
    session = TrainingSession.objects.filter(pk=session_pk).first()
    if session is None:
        raise Http404
    try:
        link_story(session=session, story=story, by=request.user)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request, _("The story is now linked to “%(title)s”.") % {"title": session.title}
        )
    return redirect(story.get_absolute_url() + "#editorial-checks")
