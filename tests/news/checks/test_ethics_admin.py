"""Central admins edit the ethics checklist in the portal; every change is recorded."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from news.models import EthicsItem

pytestmark = pytest.mark.django_db


def test_a_central_admin_changes_an_item_and_the_change_is_logged(client_for, central_admin):
    item = EthicsItem.objects.first()
    client = client_for(central_admin)
    url = reverse("admin:news_ethicsitem_change", args=[item.pk])
    response = client.post(
        url, {"text": "Fakta dan tanggal sudah dicek dua kali.", "position": 2, "is_active": "on"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Fakta dan tanggal sudah dicek dua kali."
    entry = LogEntry.objects.get(object_id=str(item.pk), action_flag=CHANGE)
    assert entry.user_id == central_admin.pk


@pytest.mark.parametrize("persona", ["operator_palu", "editor_sulteng"])
def test_others_may_not_edit_the_checklist(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    item = EthicsItem.objects.first()
    response = client.get(reverse("admin:news_ethicsitem_change", args=[item.pk]))
    assert response.status_code in (302, 403, 404)
