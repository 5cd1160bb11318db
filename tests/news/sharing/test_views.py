"""The share page, card files, focal point and hashtag forms, and the short link redirect."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import HashtagSet, ShareKit, ShareVisit, State, Tag
from news.public import paths
from tests.factories.news import attach_photo, force_state

pytestmark = pytest.mark.django_db


def share_url(story) -> str:
    return reverse("news:share_page", kwargs={"pk": story.pk})


def test_share_page_shows_cards_captions_and_link(shared_story, operator_palu, client_for):
    response = client_for(operator_palu).get(share_url(shared_story))
    assert response.status_code == 200
    page = response.content.decode()
    kit = ShareKit.objects.get(story=shared_story)
    for kind in ("square", "portrait", "story"):
        assert reverse("news:share_card", kwargs={"pk": shared_story.pk, "kind": kind}) in page
    for code in ("ig", "fb", "x", "tt", "wa"):
        assert f'id="caption-{code}"' in page
        assert f"/b/{kit.code}/?c={code}" in page
    assert "#Kehumasan" in page and "#HariBhakti" in page
    assert "data-share-card=" in page
    assert reverse("javascript-catalog") in page


@pytest.mark.parametrize("persona", ["operator_palu", "editor_sulteng", "central_admin"])
def test_share_page_open_to_the_unit_its_kanwil_and_admins(
    shared_story, persona, request, client_for
):
    person = request.getfixturevalue(persona)
    assert client_for(person).get(share_url(shared_story)).status_code == 200


@pytest.mark.parametrize("persona", ["operator_pelaihari", "editor_kalsel", "staff_member"])
def test_share_page_is_a_404_outside_the_scope(shared_story, persona, request, client_for):
    person = request.getfixturevalue(persona)
    client = client_for(person)
    assert client.get(share_url(shared_story)).status_code == 404
    card = reverse("news:share_card", kwargs={"pk": shared_story.pk, "kind": "square"})
    assert client.get(card).status_code == 404


def test_share_page_is_a_404_for_an_unpublished_story(palu_story, operator_palu, client_for):
    assert client_for(operator_palu).get(share_url(palu_story)).status_code == 404


def test_story_page_shows_the_share_tab_only_when_published(
    shared_story, palu_story, operator_palu, client_for
):
    client = client_for(operator_palu)
    assert share_url(shared_story) in client.get(shared_story.get_absolute_url()).content.decode()
    assert share_url(palu_story) not in client.get(palu_story.get_absolute_url()).content.decode()


def test_card_download(shared_story, editor_sulteng, client_for):
    url = reverse("news:share_card", kwargs={"pk": shared_story.pk, "kind": "portrait"})
    response = client_for(editor_sulteng).get(url + "?unduh=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    unknown = reverse("news:share_card", kwargs={"pk": shared_story.pk, "kind": "banner"})
    assert client_for(editor_sulteng).get(unknown).status_code == 404


def test_tapping_sets_the_focal_point(shared_story, operator_palu, client_for):
    photo = shared_story.photos.get()
    url = reverse("news:photo_focal_point", kwargs={"pk": shared_story.pk, "photo_pk": photo.pk})
    response = client_for(operator_palu).post(url, {"x": "0.25", "y": "0.75", "back": "share"})
    assert response.status_code == 302
    assert response["Location"].startswith(share_url(shared_story))
    photo.refresh_from_db()
    assert photo.focus == (0.25, 0.75)


def test_preset_and_reset_without_javascript(shared_story, operator_palu, client_for):
    photo = shared_story.photos.get()
    url = reverse("news:photo_focal_point", kwargs={"pk": shared_story.pk, "photo_pk": photo.pk})
    client = client_for(operator_palu)
    client.post(url, {"point": "top-right"})
    photo.refresh_from_db()
    assert photo.focus == (0.8, 0.2)
    client.post(url, {"point": "reset"})
    photo.refresh_from_db()
    assert photo.focus is None


@pytest.mark.parametrize("data", [{"x": "2", "y": "0.5"}, {"x": "abc"}, {}, {"point": "nowhere"}])
def test_bad_focal_point_gives_a_message_and_changes_nothing(
    shared_story, operator_palu, client_for, data
):
    photo = shared_story.photos.get()
    url = reverse("news:photo_focal_point", kwargs={"pk": shared_story.pk, "photo_pk": photo.pk})
    response = client_for(operator_palu).post(url, data, follow=True)
    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    photo.refresh_from_db()
    assert photo.focus is None


def test_focal_point_outside_scope_is_a_404(shared_story, operator_pelaihari, client_for):
    photo = shared_story.photos.get()
    url = reverse("news:photo_focal_point", kwargs={"pk": shared_story.pk, "photo_pk": photo.pk})
    assert client_for(operator_pelaihari).post(url, {"x": "0.1", "y": "0.1"}).status_code == 404


def test_default_hashtags_form_for_central_admins_only(
    central_admin, editor_sulteng, operator_palu, client_for
):
    url = reverse("news:hashtags_default")
    response = client_for(central_admin).post(url, {"hashtags": "Pemasyarakatan #Kehumasan"})
    assert response.status_code == 302
    assert HashtagSet.objects.get(unit=None).hashtags == "#Pemasyarakatan #Kehumasan"
    for person in (editor_sulteng, operator_palu):
        assert client_for(person).get(url).status_code == 404


def test_unit_hashtags_form_scoped(palu_unit, operator_palu, operator_pelaihari, client_for):
    url = reverse("news:hashtags_unit", kwargs={"unit_pk": palu_unit.pk})
    assert client_for(operator_palu).post(url, {"hashtags": "#LapasPalu"}).status_code == 302
    assert HashtagSet.objects.get(unit=palu_unit).hashtags == "#LapasPalu"
    assert client_for(operator_pelaihari).get(url).status_code == 404
    missing = reverse("news:hashtags_unit", kwargs={"unit_pk": 999999})
    assert client_for(operator_palu).get(missing).status_code == 404


def test_too_long_hashtags_are_refused_with_a_message(central_admin, client_for):
    response = client_for(central_admin).post(
        reverse("news:hashtags_default"), {"hashtags": "#a " * 600}
    )
    assert response.status_code == 200
    assert not HashtagSet.objects.exists()


# --- The short link --------------------------------------------------------------------------


def test_short_link_redirects_and_counts_the_channel(shared_story, client):
    kit = ShareKit.objects.get(story=shared_story)
    response = client.get(f"/b/{kit.code}/?c=ig")
    assert response.status_code == 302
    assert response["Location"] == paths.story_path(shared_story.slug)
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    client.get(f"/b/{kit.code}/?c=ig")
    client.get(f"/b/{kit.code}/?c=bogus")
    client.get(f"/b/{kit.code}/")
    counts = dict(ShareVisit.objects.filter(kit=kit).values_list("channel", "visits"))
    assert counts == {"ig": 2, "fb": 0, "wa": 0, "x": 0, "tt": 0, "other": 1, "direct": 1}


def test_short_link_head_and_link_previews_are_not_counted(shared_story, client):
    kit = ShareKit.objects.get(story=shared_story)
    assert client.head(f"/b/{kit.code}/?c=wa").status_code == 302
    preview = client.get(f"/b/{kit.code}/?c=wa", HTTP_USER_AGENT="WhatsApp/2.23.20.0")
    assert preview.status_code == 302
    assert ShareVisit.objects.get(kit=kit, channel="wa").visits == 0


def test_unknown_short_link_is_a_404_page(client, db):
    response = client.get("/b/zzzzzzz/?c=ig")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert client.get("/b/" + "a" * 40 + "/").status_code == 404


def test_short_link_of_a_withdrawn_story_redirects_without_counting(shared_story, client):
    kit = ShareKit.objects.get(story=shared_story)
    force_state(shared_story, State.WITHDRAWN)
    assert client.get(f"/b/{kit.code}/?c=fb").status_code == 302
    assert ShareVisit.objects.get(kit=kit, channel="fb").visits == 0


def test_short_link_refuses_writes(shared_story, client):
    kit = ShareKit.objects.get(story=shared_story)
    assert client.post(f"/b/{kit.code}/").status_code == 405


def test_share_page_queries_do_not_grow_with_tags_and_photos(
    shared_story, operator_palu, client_for
):
    client = client_for(operator_palu)
    client.get(share_url(shared_story))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(share_url(shared_story)).status_code == 200
        return len(queries)

    one = count()
    for number in range(2):
        attach_photo(shared_story, caption=f"Foto {number}")
        shared_story.tags.add(Tag.objects.create(name=f"tag {number}", slug=f"tag-{number}"))
    assert count() == one
