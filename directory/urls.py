"""URLs of the staff directory (signed-in)."""

from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.member_list, name="member_list"),
    path("new/", views.member_create, name="member_create"),
    path("<int:pk>/", views.member_detail, name="member_detail"),
    path("<int:pk>/edit/", views.member_edit, name="member_edit"),
    path("<int:pk>/link/", views.member_link, name="member_link"),
    path("rosters/", views.roster_upload, name="roster_upload"),
    path("rosters/confirm/", views.roster_confirm, name="roster_confirm"),
    path("rosters/<int:pk>/", views.roster_detail, name="roster_detail"),
    path("rosters/<int:pk>/progress/", views.roster_progress, name="roster_progress"),
]
