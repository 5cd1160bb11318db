"""Photo services: storing cleaned photos, renditions in the background, order, permissions."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone, translation
from PIL import ExifTags, Image

from humas_portal.celery import app as celery_app
from news import images, services, tasks
from news.models import Category, Photo, RenditionState, State, Story, Transition
from news.services import photos
from news.templatetags.news_photos import photo_url
from tests.news import images as samples

pytestmark = pytest.mark.django_db

ORIGINAL_NAME = re.compile(r"^photos/original/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")
RENDITION_NAME = re.compile(r"^photos/renditions/\d{4}/\d{2}/[0-9a-f]{32}\.jpg$")
RENDITION_SIZES = {
    "thumb": (400, 267),
    "large": (1600, 1067),
    "social": (1200, 630),
    "square": (1080, 1080),
}


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English, whatever translations exist."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root) -> set[str]:
    if not root.exists():
        return set()
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def story(operator_palu, palu_unit) -> Story:
    return services.create_story(
        unit=palu_unit,
        by=operator_palu,
        title="Pembinaan kemandirian warga binaan",
        lead="Lapas Perempuan Palu menggelar pelatihan menjahit.",
        body="<p>Pelatihan berlangsung dua hari.</p>",
        event_start=timezone.now() - timedelta(days=1),
        dateline="Palu",
        category=Category.objects.get(slug="kehumasan"),
    )


def add(story, by, data=None, caption="Warga binaan belajar menjahit", **kwargs) -> Photo:
    upload = samples.upload(data if data is not None else samples.jpeg())
    return photos.add_photo(story=story, by=by, upload=upload, caption=caption, **kwargs)


def fresh(story: Story) -> Story:
    return Story.objects.get(pk=story.pk)


# --- Adding ---------------------------------------------------------------------------------


def test_a_photo_is_cleaned_stored_under_a_random_name_and_rendered(
    story, operator_palu, media_root, django_capture_on_commit_callbacks
):
    source = samples.jpeg_with_metadata(size=(1800, 1200), orientation=6)
    upload = samples.upload(source, name="IMG_2024 rumah saya.jpg")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        photo = photos.add_photo(
            story=story, by=operator_palu, upload=upload, caption="Pelatihan", credit="Humas"
        )
    assert len(callbacks) == 1

    photo.refresh_from_db()
    assert ORIGINAL_NAME.match(photo.original.name)
    assert "rumah" not in photo.original.name
    assert (photo.width, photo.height) == (1200, 1800)
    with default_storage.open(photo.original.name) as file:
        original = Image.open(io.BytesIO(file.read()))
    assert original.format == "JPEG" and original.size == (1200, 1800)
    assert not original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not original.getexif()
    assert original.info["icc_profile"] == samples.srgb_profile()

    assert photo.rendition_state == RenditionState.READY
    assert set(photo.renditions) == set(RENDITION_SIZES)
    portrait = {
        "thumb": (400, 600),
        "large": (1067, 1600),
        "social": (1200, 630),
        "square": (1080, 1080),
    }
    for kind, entry in photo.renditions.items():
        assert RENDITION_NAME.match(entry["name"])
        assert (entry["width"], entry["height"]) == portrait[kind]
        with default_storage.open(entry["name"]) as file:
            assert Image.open(io.BytesIO(file.read())).size == portrait[kind]
    assert stored_files(media_root) == set(photos.stored_names(photo))


def test_adding_a_photo_is_a_content_change(story, operator_palu):
    version, revision = story.version, story.current_revision_id
    photo = add(story, operator_palu, caption="  Warga\nbinaan \u200bmenjahit  ", credit="Humas")
    story = fresh(story)
    assert story.version == version + 1
    assert story.current_revision_id != revision
    assert story.current_revision.photos == [
        {"id": photo.pk, "caption": "Warga binaan menjahit", "credit": "Humas"}
    ]
    assert photo.position == 0
    assert add(story, operator_palu).position == 1


HOSTILE = [
    (samples.svg(), "svg"),
    (samples.gif(), "unsupported_format"),
    (samples.pdf(), "not_an_image"),
    (samples.truncated_jpeg(), "corrupt"),
    (samples.png_bomb(with_data=False), "too_many_pixels"),
    (samples.jpeg_claiming(8000, 6000), "too_many_pixels"),
    (b"", "empty"),
]


@pytest.mark.parametrize(("data", "code"), HOSTILE)
def test_a_hostile_file_stores_nothing(
    story, operator_palu, media_root, data, code, django_capture_on_commit_callbacks
):
    version = story.version
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        add(story, operator_palu, data=data)
    assert caught.value.code == code
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()
    assert fresh(story).version == version


def test_an_eleventh_photo_is_refused(story, operator_palu, media_root):
    for _ in range(photos.MAX_PHOTOS):
        add(story, operator_palu)
    files = stored_files(media_root)
    with pytest.raises(ValidationError) as caught:
        add(story, operator_palu)
    assert caught.value.code == "too_many_photos"
    assert "10" in caught.value.messages[0]
    assert story.photos.count() == photos.MAX_PHOTOS
    assert stored_files(media_root) == files


@pytest.mark.parametrize(
    ("caption", "credit", "code"),
    [
        ("", "", "caption_required"),
        (" \n\u200b ", "", "caption_required"),
        ("x" * 301, "", "caption_too_long"),
        ("Foto", "x" * 121, "credit_too_long"),
    ],
)
def test_captions_are_required_and_bounded(story, operator_palu, media_root, caption, credit, code):
    with pytest.raises(ValidationError) as caught:
        add(story, operator_palu, caption=caption, credit=credit)
    assert caught.value.code == code
    assert stored_files(media_root) == set()


@pytest.mark.parametrize(
    "persona", ["operator_pelaihari", "editor_kalsel", "editor_sulteng", "staff_member"]
)
def test_only_those_who_may_edit_add_photos(story, media_root, persona, request):
    # The Sulteng editor sees Palu's story but edits only while it is under review.
    with pytest.raises(PermissionDenied):
        add(story, request.getfixturevalue(persona))
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


def test_the_regions_editor_may_add_during_review(story, operator_palu, editor_sulteng):
    add(story, operator_palu)
    services.submit_story(story=story, by=operator_palu)
    add(fresh(story), editor_sulteng)
    with pytest.raises(PermissionDenied):
        add(fresh(story), operator_palu)  # submitted: the operator waits for the review


# --- Approval -------------------------------------------------------------------------------


@pytest.fixture
def approved(story, operator_palu, editor_sulteng) -> tuple[Story, Photo, Photo]:
    first, second = add(story, operator_palu), add(story, operator_palu)
    services.submit_story(story=story, by=operator_palu)
    services.approve_story(story=story, by=editor_sulteng)
    return fresh(story), first, second


def assert_approval_voided(story: Story, from_state: str) -> None:
    story = fresh(story)
    assert story.state == State.SUBMITTED
    assert story.approved_revision_id is None
    assert story.publish_at is None
    step = Transition.objects.filter(story=story).last()
    assert step.action == "edit_voids_approval"
    assert (step.from_state, step.to_state) == (from_state, State.SUBMITTED)
    assert step.revision_id == story.current_revision_id


def test_a_new_photo_voids_an_approval(approved, editor_sulteng):
    story, _first, _second = approved
    add(story, editor_sulteng)
    assert_approval_voided(story, State.APPROVED)


def test_a_caption_change_voids_a_schedule(approved, editor_sulteng):
    story, first, _second = approved
    services.schedule_story(
        story=story, by=editor_sulteng, publish_at=timezone.now() + timedelta(days=1)
    )
    photos.update_photo(photo=first, by=editor_sulteng, caption="Keterangan baru", credit="")
    assert_approval_voided(story, State.SCHEDULED)


def test_a_reorder_and_a_removal_void_an_approval(approved, editor_sulteng, central_admin):
    story, first, second = approved
    photos.move_photo(photo=second, by=editor_sulteng, direction="up")
    assert_approval_voided(story, State.APPROVED)
    # The editor saved the last revision, so someone else approves it (four eyes).
    services.approve_story(story=fresh(story), by=central_admin)
    photos.remove_photo(photo=first, by=editor_sulteng)
    assert_approval_voided(story, State.APPROVED)


# --- Changing, moving, removing -------------------------------------------------------------


def test_update_cleans_the_caption_and_skips_non_changes(story, operator_palu, operator_pelaihari):
    photo = add(story, operator_palu)
    version = fresh(story).version
    updated = photos.update_photo(
        photo=photo, by=operator_palu, caption="Baru\tsaja\x00 ", credit=" Humas Palu "
    )
    assert (updated.caption, updated.credit) == ("Baru saja", "Humas Palu")
    assert fresh(story).version == version + 1
    photos.update_photo(photo=photo, by=operator_palu, caption="Baru saja", credit="Humas Palu")
    assert fresh(story).version == version + 1
    with pytest.raises(ValidationError):
        photos.update_photo(photo=photo, by=operator_palu, caption="", credit="")
    with pytest.raises(PermissionDenied):
        photos.update_photo(photo=photo, by=operator_pelaihari, caption="Lain", credit="")
    assert Photo.objects.get(pk=photo.pk).caption == "Baru saja"


def order(story: Story) -> list[tuple[int, int]]:
    return list(story.photos.order_by("position").values_list("pk", "position"))


def test_move_swaps_neighbours_and_keeps_positions_dense(story, operator_palu):
    first, second, third = (add(story, operator_palu, caption=f"Foto {n}") for n in range(3))
    photos.move_photo(photo=third, by=operator_palu, direction="up")
    assert order(story) == [(first.pk, 0), (third.pk, 1), (second.pk, 2)]
    photos.move_photo(photo=first, by=operator_palu, direction="down")
    assert order(story) == [(third.pk, 0), (first.pk, 1), (second.pk, 2)]
    assert [item["id"] for item in fresh(story).current_revision.photos] == [
        third.pk,
        first.pk,
        second.pk,
    ]


def test_moving_past_an_end_changes_nothing(story, operator_palu):
    first, second = add(story, operator_palu), add(story, operator_palu)
    version = fresh(story).version
    photos.move_photo(photo=first, by=operator_palu, direction="up")
    photos.move_photo(photo=second, by=operator_palu, direction="down")
    assert order(story) == [(first.pk, 0), (second.pk, 1)]
    assert fresh(story).version == version
    with pytest.raises(ValidationError) as caught:
        photos.move_photo(photo=first, by=operator_palu, direction="sideways")
    assert caught.value.code == "bad_direction"


def test_remove_renumbers_and_deletes_files_after_commit(
    story, operator_palu, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (add(story, operator_palu) for _ in range(3))
    second.refresh_from_db()
    names = set(photos.stored_names(second))
    assert len(names) == 5 and names <= stored_files(media_root)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photos.remove_photo(photo=second, by=operator_palu)
    assert names <= stored_files(media_root)  # nothing deleted before the commit
    for callback in callbacks:
        callback()
    assert not names & stored_files(media_root)
    assert len(stored_files(media_root)) == 10
    assert order(story) == [(first.pk, 0), (third.pk, 1)]
    assert not Photo.objects.filter(pk=second.pk).exists()


def test_a_story_under_review_keeps_its_last_photo(story, operator_palu, editor_sulteng):
    photo = add(story, operator_palu)
    services.submit_story(story=story, by=operator_palu)
    with pytest.raises(ValidationError) as caught:
        photos.remove_photo(photo=photo, by=editor_sulteng)
    assert caught.value.code == "photo_required"
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_a_draft_may_lose_its_last_photo(story, operator_palu):
    photos.remove_photo(photo=add(story, operator_palu), by=operator_palu)
    assert not story.photos.exists()


def test_a_photo_removed_meanwhile_is_reported(story, operator_palu):
    photo = add(story, operator_palu)
    Photo.objects.filter(pk=photo.pk).delete()
    for call in (
        lambda: photos.update_photo(photo=photo, by=operator_palu, caption="x", credit=""),
        lambda: photos.remove_photo(photo=photo, by=operator_palu),
        lambda: photos.move_photo(photo=photo, by=operator_palu, direction="up"),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.code == "gone"


# --- Renditions -----------------------------------------------------------------------------


@pytest.fixture
def pending(story, operator_palu) -> Photo:
    """A photo whose renditions were not made yet (on-commit callbacks do not run in tests)."""
    return add(story, operator_palu, data=samples.noisy_jpeg((1800, 1200)))


def test_the_task_is_idempotent(pending, media_root):
    assert tasks.make_photo_renditions.delay(pending.pk).get() == RenditionState.READY
    pending.refresh_from_db()
    files, renditions = stored_files(media_root), pending.renditions
    assert len(files) == 5
    assert {kind: (e["width"], e["height"]) for kind, e in renditions.items()} == RENDITION_SIZES

    assert tasks.make_photo_renditions.delay(pending.pk).get() == RenditionState.READY
    pending.refresh_from_db()
    assert stored_files(media_root) == files
    assert pending.renditions == renditions


def test_forcing_replaces_the_renditions_without_leftovers(
    pending, media_root, django_capture_on_commit_callbacks
):
    tasks.make_photo_renditions.delay(pending.pk)
    pending.refresh_from_db()
    before = set(photos.rendition_names(pending))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.make_photo_renditions.delay(pending.pk, force=True)
    pending.refresh_from_db()
    after = set(photos.rendition_names(pending))
    assert len(after) == 4 and not before & after
    assert stored_files(media_root) == {pending.original.name, *after}


@pytest.fixture
def worker_retries():
    """Eager tasks retry like a worker's instead of raising Retry to the caller."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous


def test_a_failure_midway_is_retried_without_leaving_files(pending, media_root, worker_retries):
    real_save = default_storage.save
    calls = []

    def flaky_save(name, content, *args, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_save(name, content, *args, **kwargs)

    with mock.patch.object(default_storage, "save", side_effect=flaky_save):
        assert tasks.make_photo_renditions.delay(pending.pk).get() == RenditionState.READY
    pending.refresh_from_db()
    assert pending.rendition_state == RenditionState.READY
    assert len(calls) == 3 + 4  # two saved, one failed; then four on the retry
    assert stored_files(media_root) == set(photos.stored_names(pending))


def test_the_task_gives_up_after_three_retries(pending, media_root, worker_retries):
    with mock.patch.object(images, "make_renditions", side_effect=OSError("gone")) as render:
        assert tasks.make_photo_renditions.delay(pending.pk).get() == RenditionState.FAILED
    assert render.call_count == 1 + 3
    assert tasks.make_photo_renditions.max_retries == 3
    pending.refresh_from_db()
    assert pending.rendition_state == RenditionState.FAILED
    assert pending.renditions == {}
    assert stored_files(media_root) == {pending.original.name}


def test_the_retries_back_off_exponentially(pending, worker_retries):
    delays = []
    retry = tasks.make_photo_renditions.retry

    def recording_retry(*args, countdown=None, **kwargs):
        delays.append(countdown)
        return retry(*args, countdown=countdown, **kwargs)

    with (
        mock.patch.object(images, "make_renditions", side_effect=OSError("gone")),
        mock.patch.object(tasks.make_photo_renditions, "retry", side_effect=recording_retry),
    ):
        tasks.make_photo_renditions.delay(pending.pk)
    base = tasks.RENDITION_RETRY_DELAY
    assert delays == [base, base * 2, base * 4]


def test_an_unreadable_original_fails_at_once(pending):
    with default_storage.open(pending.original.name, "wb") as file:
        file.write(samples.pdf())
    with mock.patch.object(images, "make_renditions", wraps=images.make_renditions) as render:
        assert tasks.make_photo_renditions.delay(pending.pk).get() == RenditionState.FAILED
    assert render.call_count == 1
    pending.refresh_from_db()
    assert pending.rendition_state == RenditionState.FAILED


def test_a_photo_removed_while_rendering_leaves_no_files(pending, media_root):
    real_render = images.make_renditions

    def render_then_vanish(file, **options):
        result = real_render(file, **options)
        Photo.objects.filter(pk=pending.pk).delete()
        return result

    with mock.patch.object(images, "make_renditions", side_effect=render_then_vanish):
        assert tasks.make_photo_renditions.delay(pending.pk).get() == photos.GONE
    assert stored_files(media_root) == {pending.original.name}
    assert tasks.make_photo_renditions.delay(pending.pk).get() == photos.GONE


def test_photo_url_shows_a_placeholder_until_ready(pending, settings):
    assert photo_url(pending, "thumb").endswith("/static/img/photo-placeholder.svg")
    tasks.make_photo_renditions.delay(pending.pk)
    pending.refresh_from_db()
    assert photo_url(pending, "large") == reverse("news:photo_file", args=[pending.pk, "large"])
    assert photo_url(pending, "unknown").endswith("photo-placeholder.svg")
