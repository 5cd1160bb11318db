"""URLs of the people desk, the personal desk and the organisation directory."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("desk/", views.dashboard, name="dashboard"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("people/", views.person_list, name="person_list"),
    path("people/invite/", views.person_invite, name="person_invite"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("organisations/", views.kanwil_list, name="kanwil_list"),
    path("organisations/kanwil/<slug:slug>/", views.kanwil_detail, name="kanwil_detail"),
    path("organisations/units/<slug:slug>/", views.unit_detail, name="unit_detail"),
]
