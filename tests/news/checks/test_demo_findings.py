"""The demo keeps the seed stories' errors, and the checks show them on the review page."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from accounts.demo import demo_user
from news.demo import EDITORS
from news.demo_content import PALU_BRIEFING, PELAIHARI_BRIEFING
from news.models import Story, SubmissionCheck
from news.services.checks import findings_for

pytestmark = pytest.mark.django_db


def test_the_demo_seed_stories_keep_their_errors_and_show_them(client_for):
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    palu = Story.objects.get(title=PALU_BRIEFING["title"])
    pelaihari = Story.objects.get(title=PELAIHARI_BRIEFING["title"])
    editor = demo_user(EDITORS[palu.unit.slug])
    palu_codes = {f.code for f in findings_for(story=palu, user=editor)}
    assert {"date.weekday_mismatch", "org.stale_name"} <= palu_codes
    pelaihari_findings = findings_for(story=pelaihari, user=editor)
    unknown = [f for f in pelaihari_findings if f.code == "training.speaker_unknown"]
    assert unknown and "Pengamanan dan Intelijen" in unknown[0].excerpt
    assert "M. Hilal" not in " ".join(f.excerpt for f in pelaihari_findings)
    # The weekday block went through with the writer's reason, which the editor sees.
    record = SubmissionCheck.objects.filter(story=palu).first()
    assert record.overrides and record.overrides[0]["code"] == "date.weekday_mismatch"
    page = client_for(editor).get(palu.get_absolute_url()).content.decode()
    assert "Kamis (07/02)" in page and record.overrides[0]["reason"] in page
