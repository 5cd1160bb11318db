"""Photo views: thin, scoped, and never an error page for whatever is uploaded."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from news import images, selectors, services
from news.models import Category, Photo, Story
from news.services import photos
from tests.news import images as samples

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Pages and messages in English, whatever translations exist."""
    settings.LANGUAGE_CODE = "en"
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
        title="Bakti sosial di Lapas Perempuan Palu",
        lead="Petugas dan warga binaan menggelar bakti sosial.",
        body="<p>Kegiatan diikuti seratus orang.</p>",
        event_start=timezone.now() - timedelta(days=2),
        dateline="Palu",
        category=Category.objects.get(slug="kehumasan"),
    )


def upload_url(story: Story) -> str:
    return reverse("news:photo_upload", kwargs={"pk": story.pk})


def photo_url_for(name: str, story: Story, photo: Photo, **extra) -> str:
    return reverse(f"news:{name}", kwargs={"pk": story.pk, "photo_pk": photo.pk, **extra})


def last_message(response) -> tuple[str, str]:
    """The message this response added (earlier ones stay queued: no page was shown)."""
    stored = [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]
    return stored[-1]


def assert_back_to_story(response, story: Story) -> None:
    assert response.status_code == 302
    assert response["Location"] == f"{story.get_absolute_url()}#photos"


def post_photo(client, story, data, name="foto.jpg", content_type="image/jpeg", **fields):
    form = {"photo": samples.upload(data, name, content_type), "caption": "Bakti sosial"}
    return client.post(upload_url(story), {**form, **fields})


# --- Upload ---------------------------------------------------------------------------------


def test_upload_stores_the_photo_and_goes_back_to_the_photos(
    client_for, story, operator_palu, media_root, django_capture_on_commit_callbacks
):
    client = client_for(operator_palu)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_photo(client, story, samples.jpeg((800, 600)), credit="Humas Palu")
    assert_back_to_story(response, story)
    assert last_message(response)[0] == "success"
    photo = Photo.objects.get(story=story)
    assert (photo.caption, photo.credit, photo.width, photo.height) == (
        "Bakti sosial",
        "Humas Palu",
        800,
        600,
    )
    assert photo.rendition_state == "ready"
    assert stored_files(media_root) == set(photos.stored_names(photo))


def test_uploads_streamed_to_a_temporary_file_work_too(client_for, story, operator_palu, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = post_photo(client_for(operator_palu), story, samples.noisy_jpeg((600, 400)))
    assert last_message(response)[0] == "success"
    assert Photo.objects.get(story=story).width == 600


def test_the_browser_name_and_type_do_not_matter(client_for, story, operator_palu, media_root):
    client = client_for(operator_palu)
    response = post_photo(client, story, samples.png(), name="scan.gif", content_type="image/gif")
    assert last_message(response)[0] == "success"
    response = post_photo(client, story, samples.pdf(), name="foto.jpg")
    assert last_message(response) == (
        "error",
        "This file is not a photo. Upload a picture in JPEG, PNG or WebP format.",
    )
    assert Photo.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (samples.svg(), "svg"),
        (samples.gif(), "unsupported_format"),
        (samples.truncated_jpeg(), "corrupt"),
        (samples.png_bomb(), "too_many_pixels"),
        (samples.text(), "not_an_image"),
        (b"", "empty"),
        (b"\xff\xd8\xff" + bytes(images.MAX_UPLOAD_BYTES), "too_large"),
    ],
)
def test_hostile_uploads_get_a_message_and_store_nothing(
    client_for, story, operator_palu, media_root, data, code
):
    with pytest.raises(ValidationError) as expected:
        images.clean_upload(samples.upload(data))
    response = post_photo(client_for(operator_palu), story, data)
    assert_back_to_story(response, story)
    assert last_message(response) == ("error", expected.value.messages[0])
    assert expected.value.code == code
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"caption": ""}, "Write a caption"),
        ({"photo": ""}, "Choose a photo"),
    ],
)
def test_missing_fields_are_reported(client_for, story, operator_palu, fields, text):
    response = post_photo(client_for(operator_palu), story, samples.jpeg(), **fields)
    assert_back_to_story(response, story)
    level, message = last_message(response)
    assert level == "error" and text in message
    assert not Photo.objects.exists()


def test_the_eleventh_upload_is_refused_politely(client_for, story, operator_palu):
    client = client_for(operator_palu)
    for _ in range(photos.MAX_PHOTOS):
        post_photo(client, story, samples.jpeg())
    response = post_photo(client, story, samples.jpeg())
    level, message = last_message(response)
    assert level == "error" and "at most 10 photos" in message
    assert Photo.objects.count() == photos.MAX_PHOTOS


def test_other_regions_do_not_find_the_story(client_for, story, operator_pelaihari, editor_kalsel):
    for user in (operator_pelaihari, editor_kalsel):
        response = post_photo(client_for(user), story, samples.jpeg())
        assert response.status_code == 404
    assert not Photo.objects.exists()


def test_the_regions_editor_cannot_change_a_draft(client_for, story, editor_sulteng, media_root):
    response = post_photo(client_for(editor_sulteng), story, samples.jpeg())
    assert_back_to_story(response, story)
    assert last_message(response) == ("error", "You may not change the photos of this story now.")
    assert stored_files(media_root) == set()


def test_anonymous_visitors_are_sent_to_sign_in(client, story):
    response = post_photo(client, story, samples.jpeg())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Photo.objects.exists()


def test_only_post_is_allowed(client_for, story, operator_palu):
    assert client_for(operator_palu).get(upload_url(story)).status_code == 405


# --- Caption, order, removal ----------------------------------------------------------------


@pytest.fixture
def two_photos(story, operator_palu) -> tuple[Photo, Photo]:
    add = photos.add_photo
    first = add(story=story, by=operator_palu, upload=samples.upload(samples.jpeg()), caption="A")
    second = add(story=story, by=operator_palu, upload=samples.upload(samples.png()), caption="B")
    return first, second


def test_update_caption(client_for, story, operator_palu, two_photos):
    first, _second = two_photos
    response = client_for(operator_palu).post(
        photo_url_for("photo_update", story, first), {"caption": "Baru", "credit": "Humas"}
    )
    assert_back_to_story(response, story)
    first.refresh_from_db()
    assert (first.caption, first.credit) == ("Baru", "Humas")
    response = client_for(operator_palu).post(
        photo_url_for("photo_update", story, first), {"caption": "  "}
    )
    assert last_message(response)[0] == "error"


def test_move_and_delete(client_for, story, operator_palu, two_photos, media_root):
    first, second = two_photos
    client = client_for(operator_palu)
    response = client.post(photo_url_for("photo_move", story, second, direction="up"))
    assert_back_to_story(response, story)
    assert list(story.photos.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    response = client.post(photo_url_for("photo_move", story, second, direction="left"))
    assert last_message(response) == ("error", "A photo can only move up or down.")

    response = client.post(photo_url_for("photo_delete", story, second))
    assert_back_to_story(response, story)
    assert list(story.photos.values_list("pk", "position")) == [(first.pk, 0)]
    response = client.post(photo_url_for("photo_delete", story, second))
    assert last_message(response) == ("error", "This photo has been removed in the meantime.")


def test_another_units_operator_cannot_touch_photos(
    client_for, story, operator_pelaihari, two_photos
):
    first, _second = two_photos
    client = client_for(operator_pelaihari)
    for url in (
        photo_url_for("photo_update", story, first),
        photo_url_for("photo_delete", story, first),
        photo_url_for("photo_move", story, first, direction="down"),
    ):
        assert client.post(url, {"caption": "Diretas"}).status_code == 404
    first.refresh_from_db()
    assert first.caption == "A" and first.position == 0


# --- The partial ----------------------------------------------------------------------------


def test_the_photo_manager_partial(story, operator_palu, two_photos):
    first, second = two_photos
    ready = {"thumb": {"name": "photos/renditions/2025/01/abc.jpg", "width": 1, "height": 1}}
    Photo.objects.filter(pk=first.pk).update(rendition_state="ready", renditions=ready)
    request = RequestFactory().get("/")
    request.user = operator_palu
    page_story = selectors.story_for_page(operator_palu, story.pk)
    html = render_to_string(
        "news/partials/photo_manager.html",
        {"story": page_story, "can_manage_photos": True},
        request=request,
    )
    assert "2 of at most 10 photos" in html
    assert reverse("news:photo_file", args=[first.pk, "thumb"]) in html
    assert "/static/img/photo-placeholder.svg" in html  # the second is still pending
    assert f'accept="{images.ACCEPT_ATTRIBUTE}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert upload_url(story) in html
    assert photo_url_for("photo_move", story, second, direction="up") in html

    readonly = render_to_string(
        "news/partials/photo_manager.html",
        {"story": page_story, "can_manage_photos": False},
        request=request,
    )
    assert "<form" not in readonly
    assert "photo-placeholder.svg" in readonly


# --- Serving the files ----------------------------------------------------------------------


def _ready_photo(story: Story, by, django_capture_on_commit_callbacks) -> Photo:
    upload = samples.upload(samples.jpeg((900, 600)), "foto.jpg", "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        photo = photos.add_photo(story=story, by=by, upload=upload, caption="Peserta Zoom")
    photo.refresh_from_db()
    assert photo.rendition_state == "ready"
    return photo


def test_photo_files_of_a_draft_stay_within_scope(
    client, client_for, story, operator_palu, editor_kalsel, django_capture_on_commit_callbacks
):
    photo = _ready_photo(story, operator_palu, django_capture_on_commit_callbacks)
    url = reverse("news:photo_file", args=[photo.pk, "thumb"])
    response = client_for(operator_palu).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert client.get(url).status_code == 404
    assert client_for(editor_kalsel).get(url).status_code == 404
    assert client.get(reverse("news:photo_file", args=[photo.pk, "nonsense"])).status_code == 404


def test_photo_files_of_a_published_story_are_public(
    client, story, operator_palu, django_capture_on_commit_callbacks
):
    from tests.factories.news import force_state

    photo = _ready_photo(story, operator_palu, django_capture_on_commit_callbacks)
    force_state(story, "published")
    response = client.get(reverse("news:photo_file", args=[photo.pk, "social"]))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    force_state(story, "withdrawn")
    assert client.get(reverse("news:photo_file", args=[photo.pk, "social"])).status_code == 404
