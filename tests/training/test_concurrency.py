"""On PostgreSQL: the session lock makes racing imports and entries count once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.models import User
from training import services
from training.models import Attendance, ImportFile, ImportRow
from training.services import imports

from .conftest import connection as row
from .reports import zoom_csv

# serialized_rollback restores the reference data (units, Kanwil) the flush removes.
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _race(*calls):
    """Run the calls at the same moment in threads; return what each raised or returned."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what we inspect
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_confirming_the_same_file_twice_at_once_imports_it_once(
    sulteng_session, editor_sulteng, operator_palu
):
    data = zoom_csv([row("R", operator_palu.email, (9, 0), (11, 0))])
    tokens = [
        imports.stage_attendance_file(
            session=sulteng_session,
            by=editor_sulteng,
            data=data,
            name=f"{index}.csv",
            time_zone="Asia/Makassar",
        ).token
        for index in range(2)
    ]
    results = _race(
        *(
            lambda token=token: services.confirm_import(
                session=sulteng_session, by=User.objects.get(pk=editor_sulteng.pk), token=token
            )
            for token in tokens
        )
    )
    assert sum(isinstance(result, ImportFile) for result in results) == 1, results
    assert sum(isinstance(result, ValidationError) for result in results) == 1, results
    assert ImportFile.objects.count() == 1
    assert ImportRow.objects.count() == 1
    assert Attendance.objects.get().minutes_attended == 120


def test_two_organisers_recording_one_person_keep_one_row(
    sulteng_session, editor_sulteng, central_admin, operator_palu
):
    results = _race(
        lambda: services.record_attendance(
            session=sulteng_session,
            person=operator_palu,
            by=User.objects.get(pk=editor_sulteng.pk),
            status="present",
        ),
        lambda: services.record_attendance(
            session=sulteng_session,
            person=operator_palu,
            by=User.objects.get(pk=central_admin.pk),
            status="excused",
        ),
    )
    assert all(isinstance(result, Attendance) for result in results), results
    assert Attendance.objects.filter(session=sulteng_session).count() == 1
