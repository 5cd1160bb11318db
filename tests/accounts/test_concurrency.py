"""Simultaneous writes on PostgreSQL: no duplicates and no unhandled IntegrityError."""

import contextlib
import threading
from collections.abc import Callable

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from accounts import services
from accounts.models import AuditEvent, Invitation, Role, RoleAssignment, User
from tests.factories import get_unit

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 2
TIMEOUT = 20


def run_together(*jobs: Callable[[], object]) -> list[object]:
    """Start every job at the same moment, each in its own thread with its own database
    connection; return what each returned or raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def worker(index: int, job: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=TIMEOUT)
            results[index] = job()
        except BaseException as error:  # noqa: BLE001 - reported to the test, not swallowed
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 2)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return results


def invite_job(*, by_pk: int, email: str, role: str = Role.OPERATOR, unit_slug: str):
    """What one request of the people desk does, in its own thread."""

    def job():
        by = User.objects.get(pk=by_pk)
        return services.invite_person(
            email=email, full_name="Nur Hidayah", role=role, unit=get_unit(unit_slug), by=by
        )

    return job


def assert_only_users_or_validation_errors(results) -> list[User]:
    """Every call either returned the person or refused cleanly."""
    for result in results:
        assert isinstance(result, User | ValidationError), repr(result)
    people = [result for result in results if isinstance(result, User)]
    assert people, results
    assert len({person.pk for person in people}) == 1
    return people


@pytest.fixture
def rendezvous_in_full_clean(monkeypatch):
    """Hold every thread in User.full_clean until all got there: both have looked the e-mail
    address up and found nobody, so both will try to insert. This forces the race."""
    barrier = threading.Barrier(THREADS)
    original = User.full_clean
    met = []

    def full_clean(self, *args, **kwargs):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=5)
            met.append(self.email)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(User, "full_clean", full_clean)
    return met


def test_two_invitations_for_the_same_new_address_make_one_person(
    central_admin, rendezvous_in_full_clean, mailoutbox
):
    """Both requests miss the other's row; the database lets one in and the loser gets a
    ValidationError, never an IntegrityError and never a second person."""
    email = "kembar@lapas-palu.example"
    job = invite_job(
        by_pk=central_admin.pk, email=email, unit_slug="lapas-perempuan-kelas-iii-palu"
    )

    results = run_together(job, job)

    # Both threads got past the look-up without finding the other: the race really happened.
    assert len(rendezvous_in_full_clean) == THREADS
    people = assert_only_users_or_validation_errors(results)
    person = User.objects.get(email__iexact=email)
    assert people[0].pk == person.pk
    assert RoleAssignment.objects.filter(user=person).count() == 1
    assert EmailAddress.objects.filter(email__iexact=email).count() == 1
    assert Invitation.objects.filter(user=person, revoked_at__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action="person.invited", subject=person).count() == 1
    assert len([m for m in mailoutbox if m.to == [email]]) == len(people)


@pytest.mark.parametrize("round_", range(5))
def test_simultaneous_invitations_with_different_roles_stay_consistent(
    round_, central_admin, mailoutbox
):
    """Natural timing, different roles: one person; every successful call added its role."""
    email = f"serentak{round_}@lapas-palu.example"
    results = run_together(
        invite_job(by_pk=central_admin.pk, email=email, unit_slug="lapas-perempuan-kelas-iii-palu"),
        invite_job(
            by_pk=central_admin.pk, email=email, role=Role.STAFF, unit_slug="lpka-kelas-ii-palu"
        ),
    )

    people = assert_only_users_or_validation_errors(results)
    person = User.objects.get(email__iexact=email)
    assert RoleAssignment.objects.filter(user=person).count() == len(people)
    assert (
        Invitation.objects.filter(
            user=person, accepted_at__isnull=True, revoked_at__isnull=True
        ).count()
        == 1
    )


def test_simultaneous_reinvitations_leave_exactly_one_open_link(central_admin, mailoutbox):
    """Two editors re-invite someone who has not accepted yet: both succeed, the person row
    lock serialises them, and only the newest link stays open."""
    email = "belum.terima@lapas-palu.example"
    invite_job(by_pk=central_admin.pk, email=email, unit_slug="lapas-perempuan-kelas-iii-palu")()

    results = run_together(
        invite_job(by_pk=central_admin.pk, email=email, unit_slug="lpka-kelas-ii-palu"),
        invite_job(
            by_pk=central_admin.pk,
            email=email,
            role=Role.STAFF,
            unit_slug="lapas-kelas-iii-kolonodale",
        ),
    )

    for result in results:
        assert isinstance(result, User), repr(result)
    person = User.objects.get(email=email)
    assert RoleAssignment.objects.filter(user=person).count() == 3
    assert Invitation.objects.filter(user=person).count() == 3
    assert Invitation.objects.filter(user=person, revoked_at__isnull=True).count() == 1


def test_simultaneous_grants_of_the_same_role_make_one_assignment(central_admin, operator_palu):
    """get_or_create under a race: one row, one audit event, no IntegrityError."""

    def job():
        return services.grant_role(
            person=User.objects.get(pk=operator_palu.pk),
            role=Role.STAFF,
            unit=get_unit("lpka-kelas-ii-palu"),
            by=User.objects.get(pk=central_admin.pk),
        )

    results = run_together(*([job] * 4))

    for result in results:
        assert isinstance(result, RoleAssignment), repr(result)
    assert len({result.pk for result in results}) == 1
    assert RoleAssignment.objects.filter(user=operator_palu, role=Role.STAFF).count() == 1
    assert AuditEvent.objects.filter(action="role.granted", subject=operator_palu).count() == 1


def test_simultaneous_deactivations_write_one_audit_row(
    central_admin, editor_sulteng, operator_palu
):
    """The row lock makes the second deactivation see an inactive person and refuse."""

    def job_for(actor_pk):
        def job():
            return services.deactivate_person(
                person=User.objects.get(pk=operator_palu.pk),
                by=User.objects.get(pk=actor_pk),
            )

        return job

    results = run_together(job_for(central_admin.pk), job_for(editor_sulteng.pk))

    assert sum(result is None for result in results) == 1, results
    assert sum(isinstance(result, PermissionDenied) for result in results) == 1, results
    assert AuditEvent.objects.filter(action="person.deactivated").count() == 1
    operator_palu.refresh_from_db()
    assert not operator_palu.is_active
