"""Two-factor enforcement, private-page caching headers and per-organisation time zones."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone

from accounts.middleware import OrganisationTimezoneMiddleware, RequireTwoFactorMiddleware
from accounts.models import TimeZone, User
from tests.factories import (
    PONTIANAK_UNIT,
    OperatorFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
    get_unit,
)

pytestmark = pytest.mark.django_db

DESK = reverse("accounts:dashboard")
PEOPLE = reverse("accounts:person_list")
ACTIVATE_TOTP = reverse("mfa_activate_totp")


def redirect_target(response) -> tuple[str, dict]:
    parts = urlsplit(response["Location"])
    return parts.path, parse_qs(parts.query)


# --- Two-factor --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["editor_sulteng", "editor_kalsel", "central_admin"])
@pytest.mark.parametrize(
    "url",
    [DESK, PEOPLE, reverse("news:inbox"), reverse("training:session_list"), reverse("admin:index")],
)
def test_editor_or_admin_without_totp_is_sent_to_activate_it(name, url, request, client_for):
    """Every portal page redirects to the TOTP set-up, remembering where
    the person wanted to go."""
    client = client_for(request.getfixturevalue(name), two_factor=False)

    response = client.get(url)

    assert response.status_code == 302
    path, query = redirect_target(response)
    assert path == ACTIVATE_TOTP
    assert query == {"next": [url]}


def test_redirect_keeps_the_query_string(client_for, editor_sulteng):
    """After setting up TOTP the person lands on the exact page they asked for."""
    client = client_for(editor_sulteng, two_factor=False)

    response = client.get(PEOPLE, {"q": "palu", "page": "2"})

    path, query = redirect_target(response)
    assert path == ACTIVATE_TOTP
    assert query == {"next": [f"{PEOPLE}?q=palu&page=2"]}


def test_editor_without_totp_can_reach_the_set_up_pages(client_for, editor_sulteng):
    """The allauth pages are exempt, or nobody could ever set TOTP up."""
    client = client_for(editor_sulteng, two_factor=False)

    response = client.get(ACTIVATE_TOTP)

    # allauth itself may first ask to re-enter the password; it must not loop back to us.
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not response["Location"].startswith(ACTIVATE_TOTP)
        assert response["Location"].startswith("/accounts/")
    assert client.get(reverse("mfa_index")).status_code == 200


def test_editor_without_totp_can_switch_language(client_for, editor_sulteng):
    """/i18n/ is exempt as well."""
    client = client_for(editor_sulteng, two_factor=False)

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_recovery_codes_alone_do_not_count(client_for, editor_sulteng):
    """TOTP is what is required; a stray recovery-codes authenticator is not enough."""
    Authenticator.objects.create(
        user=editor_sulteng, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
    )
    client = client_for(editor_sulteng, two_factor=False)

    response = client.get(DESK)

    assert redirect_target(response)[0] == ACTIVATE_TOTP


@pytest.mark.parametrize("name", ["editor_sulteng", "central_admin"])
def test_editor_or_admin_with_totp_passes(name, request, client_for):
    """With an authenticator the desk opens."""
    client = client_for(request.getfixturevalue(name))

    assert client.get(DESK).status_code == 200
    assert client.get(PEOPLE).status_code == 200


@pytest.mark.parametrize("name", ["operator_palu", "operator_pelaihari", "staff_member"])
def test_operators_and_staff_are_not_asked_for_totp(name, request, client_for):
    """Two-factor is required only of editors and admins."""
    user = request.getfixturevalue(name)
    client = client_for(user)

    response = client.get(DESK)

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=user).exists()


def test_person_without_role_is_not_asked_for_totp(client_for):
    """Nothing to protect beyond the account itself."""
    assert client_for(UserFactory()).get(DESK).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("accounts:kanwil_list"),
        reverse("public:kanwil", kwargs={"slug": "sulteng"}),
        reverse("public:unit", kwargs={"slug": "lapas-perempuan-kelas-iii-palu"}),
        reverse("account_login"),
    ],
)
def test_anonymous_pages_are_not_redirected(url, client):
    """Visitors browse the public directory freely."""
    assert client.get(url).status_code == 200


def test_two_factor_check_uses_the_policy_not_the_staff_flag(rf, palu_unit):
    """An operator who happens to have is_staff is still not forced (policy decides)."""
    user = OperatorFactory(unit=palu_unit, user__is_staff=True).user
    request = rf.get(DESK)
    request.user = user
    request.resolver_match = resolve(DESK)
    middleware = RequireTwoFactorMiddleware(lambda request: HttpResponse("ok"))

    assert middleware.process_view(request, None, (), {}) is None
    assert middleware(request).content == b"ok"


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("public:search"),
        reverse("public:rss"),
        reverse("public:robots"),
        reverse("healthz"),
        reverse("certificate_verify", args=["HP-2025-0001-0001-X"]),
        "/no-such-page/",
    ],
)
def test_public_pages_do_not_send_an_editor_without_totp_to_the_set_up(
    url, client_for, editor_sulteng
):
    """Only portal pages require two-factor; the public site answers as it does anyone."""
    response = client_for(editor_sulteng, two_factor=False).get(url)

    assert response.status_code in (200, 404), response.get("Location")


# --- Caching headers ---------------------------------------------------------------------


@pytest.mark.parametrize("url", [DESK, reverse("home"), reverse("accounts:kanwil_list")])
def test_signed_in_responses_are_never_stored(url, client_for, operator_palu):
    """Pages seen while signed in must not stay in a browser or proxy cache."""
    response = client_for(operator_palu).get(url)

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control
    assert "Cookie" in response["Vary"]


def test_signed_in_error_pages_are_never_stored(client_for, operator_palu):
    """Even a 404 of the people desk."""
    response = client_for(operator_palu).get(PEOPLE)

    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_two_factor_redirect_of_a_signed_in_editor_is_never_stored(client_for, editor_sulteng):
    """The redirect to the TOTP set-up is a response to a signed-in person as well."""
    response = client_for(editor_sulteng, two_factor=False).get(DESK)

    assert response.status_code == 302
    assert "no-store" in response.get("Cache-Control", "")


def test_anonymous_pages_may_be_cached_but_vary_on_cookie(client):
    """Public pages are not marked no-store, but a cache must key them by cookie."""
    response = client.get(reverse("home"))

    assert "no-store" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]


# --- Time zones --------------------------------------------------------------------------


def zone_seen_by_view(user) -> tuple[str, str]:
    """Run the middleware on a request from ``user``; return the view's zone and the zone
    active afterwards."""
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = user
    OrganisationTimezoneMiddleware(view)(request)
    return seen["zone"], timezone.get_current_timezone_name()


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_palu_operator_works_in_wita(operator_palu):
    """Central Sulawesi is on WITA (Asia/Makassar); afterwards the default is back."""
    zone, after = zone_seen_by_view(fresh(operator_palu))

    assert zone == "Asia/Makassar"
    assert after == settings.TIME_ZONE


def test_kalbar_unit_person_works_in_pontianak_time():
    """West Kalimantan: Asia/Pontianak."""
    person = StaffFactory(unit=get_unit(PONTIANAK_UNIT)).user

    assert zone_seen_by_view(fresh(person))[0] == "Asia/Pontianak"


def test_unit_with_own_zone_uses_it(sulteng):
    """A unit's own zone wins over the Kanwil's."""
    unit = UnitFactory(kanwil=sulteng, time_zone=TimeZone.JAYAPURA)
    person = OperatorFactory(unit=unit).user

    assert zone_seen_by_view(fresh(person))[0] == "Asia/Jayapura"


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("editor_kalsel", "Asia/Makassar"),
        ("central_admin", "Asia/Jakarta"),
        ("staff_member", "Asia/Makassar"),
    ],
)
def test_zone_per_persona(name, zone, request):
    """Kanwil and head-office roles use their organisation's zone."""
    assert zone_seen_by_view(fresh(request.getfixturevalue(name)))[0] == zone


def test_anonymous_and_roleless_people_get_the_portal_default():
    """Jakarta time for visitors and people without an organisation."""
    assert zone_seen_by_view(AnonymousUser())[0] == settings.PORTAL_DEFAULT_TIME_ZONE
    assert zone_seen_by_view(UserFactory())[0] == settings.PORTAL_DEFAULT_TIME_ZONE


def test_zone_is_reset_even_when_the_view_fails(operator_palu):
    """An exception in the view does not leak the zone into the next request."""

    def failing_view(request):
        raise RuntimeError("boom")

    request = RequestFactory().get("/")
    request.user = fresh(operator_palu)

    with pytest.raises(RuntimeError):
        OrganisationTimezoneMiddleware(failing_view)(request)

    assert timezone.get_current_timezone_name() == settings.TIME_ZONE


def test_rendered_pages_use_the_organisation_zone(client_for, operator_palu, operator_pelaihari):
    """Through the whole stack: templates see the viewer's zone (tz context processor)."""
    pontianak_staff = StaffFactory(unit=get_unit(PONTIANAK_UNIT)).user

    assert client_for(operator_palu).get(DESK).context["TIME_ZONE"] == "Asia/Makassar"
    assert client_for(pontianak_staff).get(DESK).context["TIME_ZONE"] == "Asia/Pontianak"
    assert Client().get(reverse("account_login")).context["TIME_ZONE"] == "Asia/Jakarta"
