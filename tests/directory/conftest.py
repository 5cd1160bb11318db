"""Fixtures of the directory tests."""

import pytest


@pytest.fixture(autouse=True)
def english_messages(settings):
    """Assertions here read the English source texts; Indonesian output is checked elsewhere."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded rosters go to a folder of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
