"""Pages: the public directory, the desk, the people desk, invitations and the profile."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditEvent, Invitation, Kanwil, Role, RoleAssignment, User
from accounts.orgdata import UNITS
from tests.factories import EditorFactory, OperatorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
VALID_NIP = "198609262015051001"
NEW_EMAIL = "nur.hidayah@lapas-palu.example"

PEOPLE = reverse("accounts:person_list")
INVITE = reverse("accounts:person_invite")
DESK = reverse("accounts:dashboard")
PROFILE = reverse("accounts:profile_edit")


def person_url(person: User) -> str:
    return reverse("accounts:person_detail", kwargs={"pk": person.pk})


def deactivate_url(person: User) -> str:
    return reverse("accounts:person_deactivate", kwargs={"pk": person.pk})


def text(response) -> str:
    return response.content.decode()


def invitation_data(unit, /, **overrides) -> dict:
    data = {
        "email": NEW_EMAIL,
        "full_name": "Nur Hidayah",
        "position": "Pranata Humas",
        "nip": "19860926 201505 1 001",
        "role": Role.OPERATOR,
        "unit": unit.pk,
    }
    data.update(overrides)
    return data


# --- Public pages ------------------------------------------------------------------------


def test_home_renders_for_anonymous_with_every_kanwil(client):
    """The landing page lists the regional offices."""
    response = client.get(reverse("home"))

    assert response.status_code == 200
    body = text(response)
    kanwils = list(Kanwil.objects.all())
    assert len(kanwils) == 33
    for kanwil in kanwils:
        assert kanwil.province in body, kanwil.province


def test_kanwil_list_renders_for_anonymous(client):
    """The directory of all 33 Kanwil, with their unit counts."""
    response = client.get(reverse("accounts:kanwil_list"))

    assert response.status_code == 200
    assert len(response.context["kanwils"]) == 33
    assert "Kalimantan Selatan" in text(response)


def test_kanwil_detail_lists_its_units_only(client, sulteng, palu_unit, pelaihari_unit):
    """Sulteng's page shows Palu's units, not Pelaihari."""
    response = client.get(sulteng.get_absolute_url())

    assert response.status_code == 200
    body = text(response)
    for unit in UNITS:
        if unit["kanwil"] == "sulteng":
            assert unit["name"] in body
    assert pelaihari_unit.name not in body


def test_unit_detail_renders_for_anonymous(client, palu_unit):
    """A unit's public page."""
    response = client.get(palu_unit.get_absolute_url())

    assert response.status_code == 200
    assert palu_unit.name in text(response)


def test_old_directory_addresses_move_to_the_public_pages(client, sulteng, palu_unit):
    """The directory's Kanwil and unit pages became the public news pages."""
    old_kanwil = reverse("accounts:kanwil_detail", kwargs={"slug": sulteng.slug})
    old_unit = reverse("accounts:unit_detail", kwargs={"slug": palu_unit.slug})

    for old, new in ((old_kanwil, sulteng), (old_unit, palu_unit)):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new.get_absolute_url()


@pytest.mark.parametrize(
    "url",
    [
        reverse("accounts:kanwil_detail", kwargs={"slug": "atlantis"}),
        reverse("accounts:unit_detail", kwargs={"slug": "lapas-kelas-i-atlantis"}),
        reverse("public:kanwil", kwargs={"slug": "atlantis"}),
        reverse("public:unit", kwargs={"slug": "lapas-kelas-i-atlantis"}),
    ],
)
def test_unknown_slug_is_404(client, url):
    """Made-up organisations are not found."""
    assert client.get(url).status_code == 404


def test_closed_unit_is_404(client, palu_unit):
    """Inactive units disappear from the public directory."""
    palu_unit.is_active = False
    palu_unit.save()

    assert client.get(palu_unit.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url", [DESK, PROFILE, PEOPLE, INVITE])
def test_signed_in_pages_redirect_anonymous_to_login(client, url):
    """The desk and the people desk need signing in."""
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_person_detail_and_deactivate_redirect_anonymous(client, operator_palu):
    """Nothing about people without signing in, and no deactivating."""
    assert client.get(person_url(operator_palu)).status_code == 302
    response = client.post(deactivate_url(operator_palu))
    assert response.status_code == 302
    operator_palu.refresh_from_db()
    assert operator_palu.is_active


def test_desk_shows_own_roles(client_for, operator_palu, palu_unit):
    """The personal desk lists the person's roles."""
    response = client_for(operator_palu).get(DESK)

    assert response.status_code == 200
    assert palu_unit.name in text(response)
    assert [a.unit for a in response.context["assignments"]] == [palu_unit]


# --- People desk -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["operator_palu", "staff_member"])
def test_people_desk_is_not_found_for_operators_and_staff(name, request, client_for):
    """No people-desk rights: the pages do not exist for them."""
    client = client_for(request.getfixturevalue(name))

    assert client.get(PEOPLE).status_code == 404
    assert client.get(INVITE).status_code == 404
    assert client.post(INVITE, {"email": NEW_EMAIL}).status_code == 404


def test_editor_people_desk_lists_own_region_only(
    client_for, editor_sulteng, operator_palu, staff_member, operator_pelaihari, editor_kalsel
):
    """Sulteng's editor sees Palu's people, never Pelaihari's."""
    response = client_for(editor_sulteng).get(PEOPLE)

    assert response.status_code == 200
    listed = {person.pk for person in response.context["page"].object_list}
    assert listed == {editor_sulteng.pk, operator_palu.pk, staff_member.pk}
    body = text(response)
    assert operator_palu.full_name in body
    assert staff_member.email in body
    assert operator_pelaihari.full_name not in body
    assert operator_pelaihari.email not in body
    assert editor_kalsel.email not in body


def test_people_search_never_reaches_outside_the_region(
    client_for, editor_sulteng, operator_palu, operator_pelaihari
):
    """Searching for another region's person finds nobody."""
    client = client_for(editor_sulteng)

    found = client.get(PEOPLE, {"q": "pelaihari"})
    own = client.get(PEOPLE, {"q": "Rahmawati"})

    assert list(found.context["page"].object_list) == []
    assert operator_pelaihari.email not in text(found)
    assert list(own.context["page"].object_list) == [operator_palu]


def test_people_search_with_hostile_input_is_escaped(client_for, editor_sulteng):
    """The search term is echoed escaped; over-long terms are refused, not crashed on."""
    client = client_for(editor_sulteng)

    response = client.get(PEOPLE, {"q": SCRIPT})
    too_long = client.get(PEOPLE, {"q": "x" * 500, "page": "abc"})

    assert response.status_code == 200
    assert SCRIPT not in text(response)
    assert "&lt;script&gt;" in text(response)
    assert too_long.status_code == 200


def test_central_admin_people_desk_lists_everyone(
    client_for, central_admin, operator_palu, operator_pelaihari, editor_kalsel
):
    """Admins see all regions."""
    response = client_for(central_admin).get(PEOPLE)

    assert response.status_code == 200
    listed = {person.pk for person in response.context["page"].object_list}
    assert {central_admin.pk, operator_palu.pk, operator_pelaihari.pk, editor_kalsel.pk} <= listed


def test_people_desk_query_count_is_the_same_for_one_and_three_people(
    client_for, editor_sulteng, palu_unit
):
    """No query per person: listing 1 or 3 people costs the same number of queries."""
    client = client_for(editor_sulteng)
    OperatorFactory(unit=palu_unit)
    client.get(PEOPLE)  # warm up the session and caches
    with CaptureQueriesContext(connection) as with_one:
        one = client.get(PEOPLE)

    OperatorFactory.create_batch(2, unit=palu_unit)
    with CaptureQueriesContext(connection) as with_three:
        three = client.get(PEOPLE)

    # The editor is listed too.
    assert len(one.context["page"].object_list) == 2
    assert len(three.context["page"].object_list) == 4
    assert len(with_one) == len(with_three), [q["sql"] for q in with_three]


def test_people_desk_query_count_ignores_roles_per_person(
    client_for, editor_sulteng, palu_unit, lpka_palu_unit, sulteng, django_assert_num_queries
):
    """No query per role or organisation either (units, their Kanwil, Kanwil roles)."""
    client = client_for(editor_sulteng)
    OperatorFactory(unit=palu_unit)
    client.get(PEOPLE)
    with CaptureQueriesContext(connection) as baseline:
        client.get(PEOPLE)

    for _ in range(3):
        person = OperatorFactory(unit=palu_unit).user
        StaffFactory(user=person, unit=lpka_palu_unit)
        OperatorFactory(user=person, unit=lpka_palu_unit)
    StaffFactory(unit=None, kanwil=sulteng)
    with django_assert_num_queries(len(baseline)):
        response = client.get(PEOPLE)

    assert len(response.context["page"].object_list) == 6


# --- Person detail -----------------------------------------------------------------------


def test_person_detail_out_of_scope_is_404(client_for, editor_kalsel, operator_palu):
    """Kalsel's editor cannot even learn that Palu's operator exists."""
    response = client_for(editor_kalsel).get(person_url(operator_palu))

    assert response.status_code == 404
    assert operator_palu.email not in text(response)


def test_person_detail_in_scope(client_for, editor_sulteng, operator_palu):
    """Sulteng's editor opens Palu's operator, with the deactivate button."""
    response = client_for(editor_sulteng).get(person_url(operator_palu))

    assert response.status_code == 200
    assert response.context["person"] == operator_palu
    assert response.context["can_deactivate"] is True
    assert operator_palu.email in text(response)
    assert deactivate_url(operator_palu) in text(response)


def test_operator_sees_own_record_but_nobody_else(client_for, operator_palu, staff_member):
    """Oneself: yes; a colleague in the region: not found."""
    client = client_for(operator_palu)

    own = client.get(person_url(operator_palu))
    other = client.get(person_url(staff_member))

    assert own.status_code == 200
    assert own.context["can_deactivate"] is False
    assert other.status_code == 404


def test_person_detail_of_unknown_pk_is_404(client_for, central_admin):
    """Even for admins, a missing person is missing."""
    response = client_for(central_admin).get(reverse("accounts:person_detail", kwargs={"pk": 0}))

    assert response.status_code == 404


# --- Inviting ----------------------------------------------------------------------------


def test_invite_form_offers_only_own_region_units_and_unit_roles(
    client_for, editor_sulteng, palu_unit, pelaihari_unit
):
    """The editor's form: Sulteng's units, operator or staff, no Kanwil or directorate."""
    response = client_for(editor_sulteng).get(INVITE)

    assert response.status_code == 200
    form = response.context["form"]
    units = set(form.fields["unit"].queryset)
    assert palu_unit in units
    assert pelaihari_unit not in units
    assert {unit.kanwil_id for unit in units} == {palu_unit.kanwil_id}
    assert {value for value, _ in form.fields["role"].choices} == {Role.OPERATOR, Role.STAFF}
    assert "kanwil" not in form.fields
    assert "directorate" not in form.fields
    assert pelaihari_unit.name not in text(response)


def test_invite_post_for_own_region_creates_person(
    client_for, editor_sulteng, palu_unit, mailoutbox, django_capture_on_commit_callbacks
):
    """A valid invitation: redirect to the new person's page, role and link in place."""
    client = client_for(editor_sulteng)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE, invitation_data(palu_unit, email="Nur.Hidayah@Lapas-Palu.example")
        )

    person = User.objects.get(email=NEW_EMAIL)
    assert response.status_code == 302
    assert response["Location"] == person_url(person)
    assert person.nip == VALID_NIP
    assert RoleAssignment.objects.filter(user=person, role=Role.OPERATOR, unit=palu_unit).exists()
    assert Invitation.objects.filter(user=person, revoked_at__isnull=True).exists()
    assert len(mailoutbox) == 1
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert "Nur Hidayah" in text(followed)


def test_invite_post_for_other_region_unit_is_a_form_error(
    client_for, editor_sulteng, pelaihari_unit, mailoutbox
):
    """Pelaihari is not among Sulteng's choices: form error, nothing created."""
    users_before = User.objects.count()

    response = client_for(editor_sulteng).post(INVITE, invitation_data(pelaihari_unit))

    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert User.objects.count() == users_before
    assert not User.objects.filter(email=NEW_EMAIL).exists()
    assert not RoleAssignment.objects.filter(unit=pelaihari_unit).exists()
    assert not AuditEvent.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"role": Role.EDITOR, "kanwil": "1"},
        {"role": Role.ADMIN, "directorate": "1"},
        {"role": "superuser"},
    ],
)
def test_editor_cannot_post_roles_outside_their_choices(
    overrides, client_for, editor_sulteng, palu_unit
):
    """Posting a role not offered is a form error; no one is created."""
    response = client_for(editor_sulteng).post(INVITE, invitation_data(palu_unit, **overrides))

    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert not User.objects.filter(email=NEW_EMAIL).exists()


def test_central_admin_invites_an_editor_through_the_form(
    client_for, central_admin, kalsel, django_capture_on_commit_callbacks, mailoutbox
):
    """Admins get the Kanwil field and may create editors."""
    data = {
        "email": NEW_EMAIL,
        "full_name": "Nur Hidayah",
        "role": Role.EDITOR,
        "kanwil": kalsel.pk,
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(central_admin).post(INVITE, data)

    assert response.status_code == 302
    person = User.objects.get(email=NEW_EMAIL)
    assert RoleAssignment.objects.filter(user=person, role=Role.EDITOR, kanwil=kalsel).exists()
    assert len(mailoutbox) == 1


def test_inviting_a_deactivated_person_shows_a_form_error(
    client_for, editor_sulteng, palu_unit, lpka_palu_unit
):
    """The service's ValidationError becomes a message on the form, not a 500."""
    gone = OperatorFactory(unit=palu_unit, user__is_active=False).user

    response = client_for(editor_sulteng).post(
        INVITE, invitation_data(lpka_palu_unit, email=gone.email, role=Role.STAFF)
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not RoleAssignment.objects.filter(user=gone, unit=lpka_palu_unit).exists()


def test_inviting_with_a_taken_nip_shows_a_form_error(client_for, editor_sulteng, palu_unit):
    """A NIP that belongs to someone else: form error, nobody created."""
    UserFactory(nip=VALID_NIP)

    response = client_for(editor_sulteng).post(INVITE, invitation_data(palu_unit))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.filter(email=NEW_EMAIL).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nip": "1986092620150510"}, "nip"),
        ({"nip": "19861326 201505 1 001"}, "nip"),
        ({"nip": f"1986{SCRIPT}"}, "nip"),
        ({"email": "nur hidayah@lapas-palu.example"}, "email"),
        ({"email": f"{SCRIPT}@lapas-palu.example"}, "email"),
        ({"email": "nur.hidayah@lapas-palu.example\r\nBcc: semua@example.com"}, "email"),
        # Valid for the form (320 characters allowed) but longer than the model's 254.
        ({"email": "a" * 64 + "@" + ("b" * 60 + ".") * 3 + "example"}, "email"),
        ({"full_name": "Nur\x00Hidayah"}, "full_name"),
        ({"full_name": "N" * 201}, "full_name"),
        ({"full_name": ""}, "full_name"),
        ({"position": SCRIPT * 30}, "position"),
        ({"unit": "abc"}, "unit"),
        ({"unit": "999999"}, "unit"),
        ({"unit": f"1 OR 1=1; {SCRIPT}"}, "unit"),
    ],
)
def test_hostile_invitation_input_gives_a_form_error(
    overrides, field, client_for, editor_sulteng, palu_unit, mailoutbox
):
    """Bad or hostile input: 200 with the error on the right field, escaped, nothing created."""
    users_before = User.objects.count()

    response = client_for(editor_sulteng).post(INVITE, invitation_data(palu_unit, **overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert SCRIPT not in text(response)
    assert User.objects.count() == users_before
    assert mailoutbox == []


@pytest.mark.parametrize("field", ["full_name", "position"])
def test_script_in_name_is_stored_but_always_rendered_escaped(
    field, client_for, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    """A name is free text: it is accepted, and every page shows it escaped."""
    client = client_for(editor_sulteng)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INVITE, invitation_data(palu_unit, **{field: SCRIPT}))

    assert response.status_code == 302
    person = User.objects.get(email=NEW_EMAIL)
    assert getattr(person, field) == SCRIPT
    for page in (client.get(response["Location"]), client.get(PEOPLE)):
        assert page.status_code == 200
        assert SCRIPT not in text(page)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text(page)


# --- Profile -----------------------------------------------------------------------------


def test_profile_edit_shows_current_values(client_for, operator_palu):
    """The form is filled with the person's data."""
    response = client_for(operator_palu).get(PROFILE)

    assert response.status_code == 200
    assert response.context["form"].initial["full_name"] == operator_palu.full_name


def test_profile_edit_saves_and_normalises_nip(client_for, operator_palu):
    """The spaced NIP is stored as 18 digits, the change audited."""
    response = client_for(operator_palu).post(
        PROFILE,
        {
            "full_name": "Rahmawati, S.I.Kom.",
            "position": "Pranata Humas",
            "nip": "19860926 201505 1 001",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == DESK
    operator_palu.refresh_from_db()
    assert operator_palu.full_name == "Rahmawati, S.I.Kom."
    assert operator_palu.nip == VALID_NIP
    assert AuditEvent.objects.filter(action="profile.updated", subject=operator_palu).exists()


def test_profile_edit_with_someone_elses_nip_is_a_form_error(
    client_for, operator_palu, operator_pelaihari
):
    """Duplicate NIP: the page says so instead of crashing; nothing changes."""
    User.objects.filter(pk=operator_pelaihari.pk).update(nip=VALID_NIP)

    response = client_for(operator_palu).post(
        PROFILE, {"full_name": "Rahmawati", "position": "", "nip": VALID_NIP}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    operator_palu.refresh_from_db()
    assert operator_palu.nip == ""
    assert operator_palu.full_name == "Rahmawati Operator Palu"


def test_failed_profile_save_does_not_show_the_rejected_name_as_current(
    client_for, operator_palu, operator_pelaihari
):
    """After a refused save the page (header, desk menu) still shows the stored name, not the
    one that was just rejected."""
    User.objects.filter(pk=operator_pelaihari.pk).update(nip=VALID_NIP)

    response = client_for(operator_palu).post(
        PROFILE, {"full_name": "Nama Yang Ditolak", "position": "", "nip": VALID_NIP}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["user"].full_name == "Rahmawati Operator Palu"
    assert response.context["user"].nip == ""


@pytest.mark.parametrize("nip", ["1986092620150510", "19861326 201505 1 001", "abc"])
def test_profile_edit_with_invalid_nip_is_a_form_error(nip, client_for, operator_palu):
    """Each malformed NIP is refused on the nip field."""
    response = client_for(operator_palu).post(
        PROFILE, {"full_name": "Rahmawati", "position": "", "nip": nip}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["nip"]


# --- Deactivating ------------------------------------------------------------------------


def test_editor_deactivates_palu_operator(client_for, editor_sulteng, operator_palu):
    """POST switches the account off and comes back to the person's page."""
    response = client_for(editor_sulteng).post(deactivate_url(operator_palu))

    assert response.status_code == 302
    assert response["Location"] == person_url(operator_palu)
    operator_palu.refresh_from_db()
    assert not operator_palu.is_active
    assert AuditEvent.objects.filter(
        action="person.deactivated", actor=editor_sulteng, subject=operator_palu
    ).exists()


def test_deactivate_needs_post(client_for, editor_sulteng, operator_palu):
    """A GET (a link, a prefetch) never deactivates."""
    response = client_for(editor_sulteng).get(deactivate_url(operator_palu))

    assert response.status_code == 405
    operator_palu.refresh_from_db()
    assert operator_palu.is_active


@pytest.mark.parametrize(
    ("actor", "target"),
    [("editor_kalsel", "operator_palu"), ("operator_palu", "staff_member")],
)
def test_deactivate_out_of_scope_is_404(actor, target, request, client_for):
    """Out of scope reads as not found."""
    person = request.getfixturevalue(target)

    response = client_for(request.getfixturevalue(actor)).post(deactivate_url(person))

    assert response.status_code == 404
    person.refresh_from_db()
    assert person.is_active


def test_editor_deactivating_self_is_refused_with_a_message(client_for, editor_sulteng, sulteng):
    """Visible but not allowed: a message, no change."""
    colleague = EditorFactory(kanwil=sulteng).user
    client = client_for(editor_sulteng)

    for person in (editor_sulteng, colleague):
        response = client.post(deactivate_url(person), follow=True)
        assert response.status_code == 200
        person.refresh_from_db()
        assert person.is_active
        assert [m.level_tag for m in response.context["messages"]] == ["error"]


# --- Language ----------------------------------------------------------------------------


def test_default_language_is_indonesian(client):
    """Without a choice, pages are in Indonesian."""
    response = client.get(reverse("home"))

    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in text(response)


def test_language_switch_to_english(client):
    """The switcher in the header changes the language of the next page."""
    switch = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})

    assert switch.status_code == 302
    response = client.get(reverse("home"))
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in text(response)

    client.post(reverse("set_language"), {"language": "id", "next": reverse("home")})
    assert client.get(reverse("home"))["Content-Language"] == "id"


def test_language_switch_refuses_unknown_language(client):
    """Only Indonesian and English."""
    client.post(reverse("set_language"), {"language": "xx", "next": reverse("home")})

    assert client.get(reverse("home"))["Content-Language"] == "id"


def test_language_switch_does_not_redirect_off_site(client):
    """The next parameter cannot send people to another site."""
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )

    assert response.status_code in (204, 302)
    assert "evil.example" not in response.get("Location", "")


def test_switching_language_works_signed_in_for_editor_without_two_factor(
    client_for, editor_sulteng
):
    """The language switch stays reachable even before two-factor is set up."""
    client = client_for(editor_sulteng, two_factor=False)

    response = client.post(reverse("set_language"), {"language": "en", "next": DESK})

    assert response.status_code == 302
    assert response["Location"] == DESK


# --- Navigation --------------------------------------------------------------------------


def test_navigation_follows_policies(client_for, editor_sulteng, operator_palu, central_admin):
    """People desk for editors and admins; Administration for staff-flagged admins only."""

    def nav(user) -> set[str]:
        response = client_for(user).get(DESK)
        return {item["url"] for item in response.context["nav_items"]}

    assert PEOPLE in nav(editor_sulteng)
    assert PEOPLE not in nav(operator_palu)
    assert reverse("admin:index") in nav(central_admin)
    assert reverse("admin:index") not in nav(editor_sulteng)


def test_anonymous_navigation_has_directory_only():
    """Signed out: the organisations directory, nothing else."""
    response = Client().get(reverse("account_login"))

    assert [item["url"] for item in response.context["nav_items"]] == [
        reverse("accounts:kanwil_list")
    ]
    home = Client().get(reverse("home")).content.decode()
    assert f'href="{reverse("accounts:kanwil_list")}"' in home
