"""Fixtures of the news tests."""

import pytest

from tests.factories.news import attach_photo, write_story


@pytest.fixture
def palu_story(operator_palu, palu_unit):
    """A draft of Lapas Perempuan Palu with one photo, written by its operator."""
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    return story


@pytest.fixture
def pelaihari_story(operator_pelaihari, pelaihari_unit):
    """A draft of Rutan Pelaihari (Kanwil Kalsel) with one photo."""
    story = write_story(unit=pelaihari_unit, by=operator_pelaihari, dateline="Pelaihari")
    attach_photo(story)
    return story
