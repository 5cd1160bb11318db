"""Fixtures of the share kit tests: a published Palu story with a real photo in a private media
root, published through the service so its kit and cards exist."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from news import services
from news.models import Story
from news.services import photos
from tests.factories.news import force_state, write_story
from tests.news import images as samples


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English, whatever translations exist."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def photo_upload(size=(1600, 900)) -> SimpleUploadedFile:
    """A two-tone JPEG upload: red left half, blue right half."""
    content = samples.encode(samples.two_tone(size), "JPEG", quality=90)
    return SimpleUploadedFile("foto.jpg", content, content_type="image/jpeg")


def publish(story: Story, editor) -> Story:
    """Approve and publish through the services, as an editor would."""
    story = force_state(story, "submitted")
    story = services.approve_story(story=story, by=editor)
    return services.publish_story(story=story, by=editor)


@pytest.fixture
def shared_story(operator_palu, palu_unit, editor_sulteng, django_capture_on_commit_callbacks):
    """A published Palu story with one real photo, its kit and its cards made."""
    story = write_story(
        unit=palu_unit,
        by=operator_palu,
        title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan",
        tag_names=["kehumasan", "hari bhakti"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        photos.add_photo(story=story, by=operator_palu, upload=photo_upload(), caption="Peserta")
    with django_capture_on_commit_callbacks(execute=True):
        story = publish(story, editor_sulteng)
    story.refresh_from_db()
    return story
