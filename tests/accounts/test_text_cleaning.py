"""Account text is cleaned like news text: one line, nothing invisible."""

import pytest

from accounts import services as account_services
from accounts.models import User
from tests.test_text import HOSTILE

pytestmark = pytest.mark.django_db
CLEAN = "Bimtek Humastxt.exe Palu"


def test_account_names_are_cleaned(operator_palu, central_admin, palu_unit):
    account_services.update_profile(
        person=operator_palu, by=operator_palu, full_name=HOSTILE, position=HOSTILE, nip=""
    )
    person = User.objects.get(pk=operator_palu.pk)
    assert (person.full_name, person.position) == (CLEAN, CLEAN)
    invited = account_services.invite_person(
        email="baru@humas.example",
        full_name=HOSTILE,
        position=HOSTILE,
        role="operator",
        by=central_admin,
        unit=palu_unit,
    )
    assert (invited.full_name, invited.position) == (CLEAN, CLEAN)
