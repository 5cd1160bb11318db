"""The seed_demo command: development only, idempotent, and its accounts can sign in."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import AuditEvent, Role, RoleAssignment, User
from accounts.nip import validate_nip
from news.demo import STORY_WRITERS

# email -> (role, kind of organisation, organisation slug)
EXPECTED = {
    "operator.palu@humas.test": (Role.OPERATOR, "unit", "lapas-perempuan-kelas-iii-palu"),
    "operator.pelaihari@humas.test": (Role.OPERATOR, "unit", "rutan-kelas-iib-pelaihari"),
    "editor.sulteng@humas.test": (Role.EDITOR, "kanwil", "sulteng"),
    "editor.kalsel@humas.test": (Role.EDITOR, "kanwil", "kalsel"),
    "admin@humas.test": (Role.ADMIN, "directorate", "ditjenpas"),
    "staff@humas.test": (Role.STAFF, "kanwil", "sulteng"),
}


def seed() -> str:
    """Run the command in development mode and return what it printed."""
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "addresses": EmailAddress.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.django_db
def test_refuses_without_debug():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db
def test_creates_the_six_accounts_with_their_roles():
    output = seed()

    assert {account.email for account in DEMO_ACCOUNTS} == set(EXPECTED)
    assert User.objects.filter(email__in=EXPECTED).count() == len(EXPECTED)
    # The writers of the extra demo stories (news.demo) cannot sign in.
    writers = User.objects.filter(email__in=[writer[0] for writer in STORY_WRITERS])
    assert len(writers) == len(STORY_WRITERS)
    assert not any(writer.has_usable_password() for writer in writers)
    for email, (role, kind, slug) in EXPECTED.items():
        user = User.objects.get(email=email)
        (assignment,) = RoleAssignment.objects.filter(user=user)
        assert assignment.role == role
        assert getattr(assignment, kind).slug == slug
        assert assignment.organisation.slug == slug
        assert user.is_active
        assert user.check_password(DEMO_PASSWORD)
        assert user.full_name
        assert len(user.nip) == 18 and user.nip.isdigit()
        validate_nip(user.nip)
        assert EmailAddress.objects.filter(
            user=user, email=email, verified=True, primary=True
        ).exists()
        assert not Authenticator.objects.filter(user=user).exists()
        is_admin = role == Role.ADMIN
        assert (user.is_staff, user.is_superuser) == (is_admin, is_admin)
        assert email in output

    assert DEMO_PASSWORD in output
    assert f"Open {settings.SITE_URL}/" in output
    assert "two-factor" in output


@pytest.mark.django_db
def test_running_twice_changes_nothing_and_restores_the_accounts():
    seed()
    before = counts()
    operator = User.objects.get(email="operator.palu@humas.test")
    operator.set_password("changed-in-the-meantime")
    operator.is_active = False
    operator.save()

    seed()

    assert counts() == before
    operator.refresh_from_db()
    assert operator.is_active
    assert operator.check_password(DEMO_PASSWORD)
    assert not operator.check_password("changed-in-the-meantime")


@pytest.mark.django_db
@pytest.mark.parametrize("number, email", list(enumerate(EXPECTED, start=1)))
def test_each_account_can_sign_in(client, number, email):
    seed()
    user = User.objects.get(email=email)

    # A distinct address per account keeps allauth's per-IP rate limits out of the way.
    response = client.post(
        reverse("account_login"),
        {"login": email, "password": DEMO_PASSWORD},
        REMOTE_ADDR=f"192.0.2.{number}",
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_seed_demo_adds_stories_in_every_state_with_photos(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    from news.models import Photo, State, Story

    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
        call_command("seed_demo", stdout=StringIO())
    assert set(Story.objects.values_list("state", flat=True)) == set(State.values)
    briefing = Story.objects.filter(title__icontains="Kehumasan").select_related("unit")
    assert {story.unit.slug for story in briefing} == {
        "lapas-perempuan-kelas-iii-palu",
        "rutan-kelas-iib-pelaihari",
    }
    for story in briefing:
        assert story.state == State.PUBLISHED
        assert story.event_start.isoformat().startswith("2025-02-06")
    # The One Day One News month (odon.demo) comes on top, with its own slugs.
    news_demo = Story.objects.exclude(slug__startswith="odon-demo-")
    assert news_demo.count() == 19
    public = news_demo.filter(state=State.PUBLISHED)
    assert public.values("unit").distinct().count() == 5
    assert public.values("kanwil").distinct().count() == 3
    assert not Photo.objects.filter(story__isnull=True).exists()
    assert Photo.objects.filter(rendition_state="ready").count() == Photo.objects.count() >= 10
