"""The editorial checks as the workflow uses them: live in the editor, and on submit."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.models import User

from .. import policies
from ..checks import Finding, blocking, check_story
from ..checks_context import context_for, story_input
from ..models import EthicsItem, Story, SubmissionCheck
from ..sanitize import clean_text

REASON_MAX = 500


def findings_for(*, story: Story, user: User, neighbours: bool = True, **unsaved) -> list[Finding]:
    """All findings about the story (with unsaved values typed in the editor, if given)."""
    checked = story_input(story, **unsaved)
    return check_story(checked, context_for(user, story, checked, neighbours=neighbours))


def check_unsaved_story(*, story: Story, by: User, **unsaved) -> list[Finding]:
    """The live check of the editor: only someone who may edit the story may run it.

    Other units' stories are looked for on submit and on the review page, not per keystroke."""
    if not policies.can_edit_story(by, story):
        raise PermissionDenied(_("You may not edit this story."))
    return findings_for(story=story, user=by, neighbours=False, **unsaved)


def submission_problem(
    *,
    findings: list[Finding],
    overrides: Mapping[str, str] | None,
    ethics_ticked: Collection[int] | None,
) -> str | None:
    """Why a submission may not go ahead: an unexplained block or an unticked checklist."""
    reasons = {key: clean_text(reason) for key, reason in (overrides or {}).items()}
    missing = [f for f in blocking(findings) if not reasons.get(f.key)]
    if missing:
        return _(
            "The checks found problems that stop submission; correct them or give a reason "
            "for each: %(list)s"
        ) % {"list": "; ".join(f"“{f.excerpt}”" for f in missing)}
    if ethics_ticked is not None:
        wanted = set(EthicsItem.objects.filter(is_active=True).values_list("pk", flat=True))
        if not wanted <= set(ethics_ticked):
            return _("Tick every point of the ethics checklist before submitting.")
    return None


def record_submission_check(
    *,
    story: Story,
    by: User | None,
    findings: list[Finding],
    overrides: Mapping[str, str] | None,
    ethics_ticked: Collection[int] | None,
) -> SubmissionCheck:
    """Keep what was found, which blocks were overridden and why, and the ticked checklist."""
    reasons = {key: clean_text(reason)[:REASON_MAX] for key, reason in (overrides or {}).items()}
    ticked = EthicsItem.objects.filter(pk__in=list(ethics_ticked or []))
    return SubmissionCheck.objects.create(
        story=story,
        revision_id=story.current_revision_id,
        submitted_by=by,
        findings=[finding.as_dict() for finding in findings],
        overrides=[
            {**finding.as_dict(), "reason": reasons[finding.key]}
            for finding in blocking(findings)
            if reasons.get(finding.key)
        ],
        ethics_ticks=[{"id": item.pk, "text": item.text} for item in ticked],
    )
