"""Views of the newsroom: desks, the review queue, the story page and its editing."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from js_asset import Media

from accounts.models import Unit
from humas_portal.form_errors import form_error_text
from humas_portal.keyset import keyset_page

from .. import diffing, policies, selectors, services
from ..forms import CommentForm, NoteForm, QueueFilterForm, ScheduleForm, StoryForm
from ..models import State
from . import checks as check_views

PER_PAGE = 25


def _require(allowed: bool) -> None:
    """Out of scope reads as not found, so nothing about other units leaks."""
    if not allowed:
        raise Http404


def _visible_story(request, pk: int):
    story = selectors.story_for_page(request.user, pk)
    _require(story is not None and policies.can_view_story(request.user, story))
    return story


def _editor_media(request, form) -> Media:
    """The editor's scripts, carrying this response's CSP nonce."""
    return Media.from_media(form.media, nonce=request.csp_nonce)


@login_required
def unit_desk(request):
    """The operator's stories, by state, with the latest editor remark in view."""
    _require(policies.can_use_unit_desk(request.user))
    stories = selectors.unit_desk_for(request.user)
    state = request.GET.get("state", "")
    if state in State.values:
        stories = stories.filter(state=state)
    page = keyset_page(stories, selectors.DESK_ORDER, request.GET, PER_PAGE)
    context = {"page": page, "states": State.choices, "current_state": state}
    return render(request, "news/story_desk.html", context)


@login_required
def review_queue(request):
    """Submissions of the editor's units, oldest first, with filters and counts per unit."""
    _require(policies.can_use_review_queue(request.user))
    queue = selectors.review_queue_for(request.user)
    form = QueueFilterForm(
        request.GET or None,
        units=selectors.review_units_for(request.user),
        states=[
            (value, label) for value, label in State.choices if value in selectors.REVIEW_STATES
        ],
    )
    if form.is_valid():
        queue = selectors.filter_queue(queue, **form.cleaned_data)
    page = keyset_page(queue, selectors.QUEUE_ORDER, request.GET, PER_PAGE)
    context = {
        "page": page,
        "form": form,
        "counts": selectors.queue_counts_per_unit(queue),
        "now": timezone.now(),
    }
    return render(request, "news/story_queue.html", context)


def _operator_unit(request) -> Unit:
    """The unit chosen in the request, or the operator's only unit; another unit is a 404."""
    units = selectors.units_written_by(request.user)
    chosen = request.GET.get("unit") or request.POST.get("unit")
    if chosen:
        unit = next((unit for unit in units if str(unit.pk) == chosen), None)
    else:
        unit = units[0] if units else None
    _require(unit is not None and policies.can_write_for_unit(request.user, unit))
    return unit


@login_required
def story_create(request):
    """Start a new story for the operator's unit."""
    unit = _operator_unit(request)
    form = StoryForm(
        request.POST or None,
        time_zone=unit.effective_time_zone,
        writers=selectors.writers_of_unit(unit).exclude(pk=request.user.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            story = services.create_story(unit=unit, by=request.user, **form.service_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft has been saved. Add photos, then submit it."))
            return redirect(story.get_absolute_url())
    context = {"form": form, "unit": unit, "media": _editor_media(request, form)}
    return render(request, "news/story_form.html", context)


@login_required
def story_detail(request, pk: int):
    """The review page: content, photos, actions, discussion and trail."""
    story = _visible_story(request, pk)
    time_zone = story.unit.effective_time_zone
    context = {
        "story": story,
        "actions": policies.available_actions(request.user, story),
        "can_edit": policies.can_edit_story(request.user, story),
        "can_comment": policies.can_comment(request.user, story),
        "can_manage_photos": policies.can_manage_photos(request.user, story),
        "can_share": policies.can_share_story(request.user, story),
        "note_form": NoteForm(),
        "schedule_form": ScheduleForm(time_zone=time_zone),
        "comment_form": CommentForm(),
        "unit_time_zone": time_zone,
        **check_views.panel_context(request.user, story),
    }
    return render(request, "news/story_detail.html", context)


@login_required
def story_edit(request, pk: int):
    """Edit the content; a stale form is refused and the typed text is kept."""
    story = _visible_story(request, pk)
    if not policies.can_edit_story(request.user, story):
        messages.error(request, _("This story cannot be edited in its current state."))
        return redirect(story.get_absolute_url())
    time_zone = story.unit.effective_time_zone
    local_start = timezone.localtime(story.event_start, zoneinfo.ZoneInfo(time_zone))
    initial = {
        "title": story.title,
        "lead": story.lead,
        "body": story.body,
        "event_date": local_start.date(),
        "event_time": local_start.time().replace(second=0, microsecond=0),
        "dateline": story.dateline,
        "category": story.category_id,
        "tags": ", ".join(tag.name for tag in story.tags.all()),
        "authors": [author.pk for author in story.authors.all()],
        "version": story.version,
    }
    form = StoryForm(
        request.POST or None,
        initial=initial,
        time_zone=time_zone,
        writers=selectors.writers_of_unit(story.unit).exclude(pk=story.created_by_id),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_story(
                story=story,
                by=request.user,
                expected_version=form.expected_version(),
                **form.service_arguments(),
            )
        except services.StaleEdit as error:
            form.add_error(None, error)
            conflict = _edit_conflict(story, form)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(story.get_absolute_url())
    context = {
        "form": form,
        "story": story,
        "conflict": conflict,
        "media": _editor_media(request, form),
        "live_checks": True,
    }
    return render(request, "news/story_form.html", context)


def _edit_conflict(story, form) -> dict:
    """What others changed since the person started; the form now offers the newest version."""
    started, current, latest_version = selectors.edit_conflict_revisions(
        story.pk, form.cleaned_data.get("version") or 0
    )
    form.offer_save_over(latest_version)
    changes = diffing.compare(started, current) if started and current else None
    return {"started": started, "current": current, "changes": changes}


TRANSITION_SERVICES = {
    "submit": services.submit_story,
    "pull_back": services.pull_back_story,
    "approve": services.approve_story,
    "unschedule": services.unschedule_story,
    "publish": services.publish_story,
}
NOTE_SERVICES = {
    "request_changes": services.request_changes,
    "reject": services.reject_story,
    "withdraw": services.withdraw_story,
}


@login_required
@require_POST
def story_transition(request, pk: int, action: str):
    """Carry out one workflow step chosen with a button."""
    story = _visible_story(request, pk)
    try:
        if action == "submit":
            services.submit_story(
                story=story, by=request.user, **check_views.submit_arguments(request.POST)
            )
        elif action in TRANSITION_SERVICES:
            TRANSITION_SERVICES[action](story=story, by=request.user)
        elif action in NOTE_SERVICES:
            form = NoteForm(request.POST)
            if not form.is_valid():
                raise ValidationError(form_error_text(form, when_missing=_("Give a reason.")))
            NOTE_SERVICES[action](story=story, by=request.user, note=form.cleaned_data["note"])
        elif action == "schedule":
            form = ScheduleForm(request.POST, time_zone=story.unit.effective_time_zone)
            if not form.is_valid():
                raise ValidationError(form.non_field_errors() or _("Enter a date and a time."))
            services.schedule_story(
                story=story, by=request.user, publish_at=form.cleaned_data["publish_at"]
            )
        else:
            raise Http404
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
    else:
        messages.success(
            request,
            _("Done: the story is now “%(state)s”.") % {"state": selectors.state_label(story.pk)},
        )
    return redirect(story.get_absolute_url())


@login_required
@require_POST
def story_comment(request, pk: int):
    """Leave a remark on a story."""
    story = _visible_story(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(story=story, by=request.user, text=form.cleaned_data["text"])
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, form_error_text(form, when_missing=_("Write a comment first.")))
    return redirect(story.get_absolute_url() + "#discussion")


@login_required
def story_changes(request, pk: int, against: str):
    """What changed since the previous submission or since the live version."""
    story = _visible_story(request, pk)
    _require(against in ("submitted", "live"))
    reference = selectors.reference_revision(story, against)
    context = {
        "story": story,
        "against": against,
        "reference": reference,
        "current": story.current_revision,
        "changes": diffing.compare(reference, story.current_revision) if reference else None,
    }
    return render(request, "news/story_changes.html", context)
