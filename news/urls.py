"""URLs of the newsroom (signed-in pages)."""

from django.urls import path

from .views import checks, coverage, inbox, photos, share, stories

app_name = "news"

urlpatterns = [
    path("desk/", stories.unit_desk, name="unit_desk"),
    path("queue/", stories.review_queue, name="review_queue"),
    path("new/", stories.story_create, name="story_create"),
    path("<int:pk>/", stories.story_detail, name="story_detail"),
    path("<int:pk>/edit/", stories.story_edit, name="story_edit"),
    path("<int:pk>/comment/", stories.story_comment, name="story_comment"),
    path("<int:pk>/coverage/", coverage.coverage_add, name="coverage_add"),
    path("<int:pk>/changes/<str:against>/", stories.story_changes, name="story_changes"),
    path("<int:pk>/photos/upload/", photos.photo_upload, name="photo_upload"),
    path("<int:pk>/photos/<int:photo_pk>/edit/", photos.photo_update, name="photo_update"),
    path("<int:pk>/photos/<int:photo_pk>/delete/", photos.photo_delete, name="photo_delete"),
    path(
        "<int:pk>/photos/<int:photo_pk>/move/<str:direction>/",
        photos.photo_move,
        name="photo_move",
    ),
    path("photos/<int:pk>/<str:kind>.jpg", photos.photo_file, name="photo_file"),
    path(
        "<int:pk>/photos/<int:photo_pk>/focus/",
        share.photo_focal_point,
        name="photo_focal_point",
    ),
    path("<int:pk>/bagikan/", share.share_page, name="share_page"),
    path("<int:pk>/bagikan/<str:kind>.jpg", share.share_card, name="share_card"),
    path("hashtags/", share.hashtags_edit, name="hashtags_default"),
    path("hashtags/unit/<int:unit_pk>/", share.hashtags_edit, name="hashtags_unit"),
    path("<int:pk>/checks/", checks.live_check, name="story_live_check"),
    path("<int:pk>/link-session/<int:session_pk>/", checks.link_session, name="story_link_session"),
    path("<int:pk>/<str:action>/", stories.story_transition, name="story_transition"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/read-all/", inbox.notifications_mark_all_read, name="inbox_read_all"),
    path("inbox/<int:pk>/", inbox.notification_open, name="notification_open"),
    path("inbox/email/", inbox.email_preferences, name="email_preferences"),
]
