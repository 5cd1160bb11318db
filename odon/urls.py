"""URLs of One Day One News (signed-in pages)."""

from django.urls import path

from .views import admin, boards, recaps

app_name = "odon"

urlpatterns = [
    path("", boards.home, name="home"),
    path("kanwil/<slug:slug>/", boards.kanwil_board, name="kanwil_board"),
    path("kanwil/<slug:slug>/recaps/", recaps.recap_list, name="recap_list"),
    path("national/", boards.national_board, name="national_board"),
    path("national/recaps/", recaps.national_recaps, name="national_recaps"),
    path("recaps/<int:pk>/<str:kind>/", recaps.recap_download, name="recap_download"),
    path("units/<int:pk>/<str:day>/", boards.unit_day, name="unit_day"),
    path("calendar/", admin.calendar_list, name="calendar"),
    path("calendar/<int:pk>/", admin.calendar_change, name="calendar_change"),
    path("calendar/<int:pk>/remove/", admin.calendar_remove, name="calendar_remove"),
    path("settings/", admin.settings_edit, name="settings"),
]
