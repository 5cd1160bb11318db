"""Browsing, creating and editing sessions; their join details and the calendar."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import ical, policies, selectors, services
from ..forms import CoverageForm, SessionFilterForm, SessionForm, initial_for
from ..services.attendance import CHECKIN_OPENS_MINUTES
from .common import (
    PER_PAGE,
    CountedPaginator,
    error_text,
    managed_session,
    require,
    visible_session,
)


@login_required
def session_list(request):
    """Sessions by date, kind, organiser, invited unit, speaker and person."""
    require(policies.can_browse_training(request.user))
    form = SessionFilterForm(request.GET or None, organisers=selectors.filter_organisers())
    sessions = selectors.sessions_for_listing()
    if form.is_valid():
        sessions = selectors.filter_sessions(sessions, viewer=request.user, **form.filters())
    page = Paginator(sessions, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "can_create": policies.can_create_sessions(request.user),
    }
    return render(request, "training/session_list.html", context)


@login_required
def session_create(request):
    """Plan a session for an organisation in the user's reach."""
    require(policies.can_create_sessions(request.user))
    organisers = selectors.organisers_for(request.user)
    form = SessionForm(request.POST or None, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        organiser = selectors.organisation_by_key(form.cleaned_data["organiser"])
        try:
            require(organiser is not None)
            session = services.create_session(
                by=request.user, organiser=organiser, **form.service_arguments()
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The session has been created. Now invite participants."))
            return redirect("training:session_manage", pk=session.pk)
    return render(request, "training/session_form.html", {"form": form})


@login_required
def session_update(request, pk: int):
    """Edit a session's details."""
    session = managed_session(request, pk)
    form = SessionForm(request.POST or None, initial=initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(session=session, by=request.user, **form.service_arguments())
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(session.get_absolute_url())
    return render(request, "training/session_form.html", {"form": form, "session": session})


def _checkin_open(session) -> bool:
    now = timezone.now()
    opens = session.starts_at - timedelta(minutes=CHECKIN_OPENS_MINUTES)
    return opens <= now <= session.ends_at


def _coverage_form(user, session) -> CoverageForm | None:
    """The form to link one of the user's stories, when they have any to link."""
    if not policies.can_create_sessions(user):
        return None
    choices = selectors.story_choices_to_link(user, session)
    if not choices:
        return None
    return CoverageForm(stories=selectors.stories_to_link(user, session), choices=choices)


@login_required
def session_detail(request, pk: int):
    """Speakers, agenda, materials, participation per unit and the stories that covered it."""
    session = visible_session(request, pk)
    user = request.user
    invitees = list(session.invitees.all())
    totals = selectors.participation_summary(session.invitees.all())
    page = CountedPaginator(
        selectors.session_participation(session),
        selectors.PARTICIPATION_PER_PAGE,
        count=totals["organisations"],
    ).get_page(request.GET.get("page"))
    context = {
        "session": session,
        "can_manage": policies.can_manage_session(user, session),
        "can_join": policies.can_see_join_details(user, session, invitees),
        "can_view_attendees": policies.can_view_attendees(user, session, invitees),
        "can_check_in": policies.can_check_in(user, invitees) and _checkin_open(session),
        "materials": [
            material
            for material in session.materials.all()
            if policies.can_open_material(user, session, material, invitees)
        ],
        "participation": selectors.as_participation(page.object_list),
        "page": page,
        "totals": totals,
        "own": selectors.own_attendance(user, session),
        "coverage_form": _coverage_form(user, session),
    }
    return render(request, "training/session_detail.html", context)


@login_required
def session_join(request, pk: int):
    """Meeting ID, join link, passcode and recording: organisers and invited staff only."""
    session = visible_session(request, pk)
    invitees = list(session.invitees.all())
    require(policies.can_see_join_details(request.user, session, invitees))
    context = {
        "session": session,
        "can_manage": policies.can_manage_session(request.user, session),
    }
    return render(request, "training/session_join.html", context)


def _calendar_response(request, sessions, *, note_for=None) -> HttpResponse:
    host = request.get_host().split(":")[0] or "humas-portal"
    text = ical.calendar(
        sessions,
        host=host,
        url_for=lambda session: request.build_absolute_uri(session.get_absolute_url()),
        now=timezone.now(),
        name=_("Humas Portal training"),
        note_for=note_for,
    )
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pelatihan-humas.ics"'
    return response


@login_required
def calendar_feed(request):
    """Upcoming sessions as an iCalendar file."""
    require(policies.can_browse_training(request.user))
    return _calendar_response(request, selectors.upcoming_sessions())


def private_calendar_feed(request, token: str):
    """Upcoming sessions for calendar programs, through a person's private link (no sign-in):
    what that person may see, marking the sessions they are invited to. A stopped, reset or
    unknown link is not found."""
    person = selectors.person_of_calendar_token(token)
    require(person is not None and policies.can_browse_training(person))
    invited_note = _("You are invited. How to join: %(url)s")

    def note_for(session) -> str:
        if not policies.can_see_join_details(person, session, session.invitees.all()):
            return ""
        join = request.build_absolute_uri(reverse("training:session_join", args=[session.pk]))
        return invited_note % {"url": join}

    response = _calendar_response(
        request, selectors.upcoming_sessions_with_invitees(), note_for=note_for
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
