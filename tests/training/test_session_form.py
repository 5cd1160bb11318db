"""The session form keeps its dates and times in every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.formdata import form_data
from training.models import TrainingSession

pytestmark = pytest.mark.django_db


def test_a_session_edit_form_in_indonesian_saves_unchanged(
    client_for, sulteng_session, editor_sulteng
):
    client = client_for(editor_sulteng)
    url = reverse("training:session_update", args=[sulteng_session.pk])
    with translation.override("id"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="id").content.decode()
        data = form_data(page, containing="start_time")
        assert data["date"] == "2025-02-06"
        assert (data["start_time"], data["end_time"]) == ("09:00", "11:30")
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 302, response.context["form"].errors
    session = TrainingSession.objects.get(pk=sulteng_session.pk)
    assert (session.starts_at, session.ends_at) == (
        sulteng_session.starts_at,
        sulteng_session.ends_at,
    )
