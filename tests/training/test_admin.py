"""The technical admin's audit lists show what happened in words, in the portal's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import AuditEvent
from training.audit_labels import ACTION_LABELS, action_label
from training.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_every_action_the_services_record_has_words():
    import re
    from pathlib import Path

    from django.conf import settings

    recorded = set()
    for source in (Path(settings.BASE_DIR) / "training" / "services").glob("*.py"):
        recorded.update(re.findall(r'action\s*=\s*"([a-z_]+)"', source.read_text()))
    assert recorded, "no audit actions found in training/services"
    assert recorded <= set(ACTION_LABELS), recorded - set(ACTION_LABELS)


def test_unknown_codes_still_read_as_words():
    assert action_label("something_new") == "Something new"


def test_training_audit_list_shows_labels_and_a_translated_actor(
    client_for, central_admin, sulteng_session
):
    AuditEntry.objects.create(
        session=sulteng_session, actor=central_admin, action="coverage_linked"
    )

    with translation.override("id"):
        html = (
            client_for(central_admin)
            .get(reverse("admin:training_auditentry_changelist"), HTTP_ACCEPT_LANGUAGE="id")
            .content.decode()
        )

    assert "Berita ditautkan ke sesi" in html
    assert ">coverage_linked<" not in html
    assert "Pelaku" in html
    assert ">Actor<" not in html


def test_people_audit_list_shows_labels(client_for, central_admin, operator_palu):
    AuditEvent.objects.create(actor=central_admin, action="role.granted", subject=operator_palu)

    html = (
        client_for(central_admin)
        .get(reverse("admin:accounts_auditevent_changelist"), HTTP_ACCEPT_LANGUAGE="id")
        .content.decode()
    )

    assert "Peran diberikan" in html
    assert ">role.granted<" not in html
