"""URLs of the training pages (signed-in)."""

from django.urls import path

from .views import (
    attendance,
    certificates,
    directory_match,
    imports,
    manage,
    people,
    programme,
    sessions,
)

app_name = "training"

urlpatterns = [
    path("", sessions.session_list, name="session_list"),
    path("new/", sessions.session_create, name="session_create"),
    path("calendar.ics", sessions.calendar_feed, name="calendar"),
    path("calendar/<str:token>.ics", sessions.private_calendar_feed, name="private_calendar"),
    path("<int:pk>/", sessions.session_detail, name="session_detail"),
    path("<int:pk>/edit/", sessions.session_update, name="session_update"),
    path("<int:pk>/join/", sessions.session_join, name="session_join"),
    path("<int:pk>/manage/", manage.session_manage, name="session_manage"),
    path("<int:pk>/speakers/add/", manage.appearance_add, name="appearance_add"),
    path("<int:pk>/agenda/add/", manage.agenda_add, name="agenda_add"),
    path("<int:pk>/materials/add/", manage.material_add, name="material_add"),
    path(
        "<int:pk>/materials/<int:material_pk>/",
        manage.material_download,
        name="material_download",
    ),
    path(
        "<int:pk>/speakers/<int:appearance_pk>/edit/",
        programme.appearance_edit,
        name="appearance_edit",
    ),
    path(
        "<int:pk>/speakers/<int:appearance_pk>/remove/",
        programme.appearance_remove,
        name="appearance_remove",
    ),
    path("<int:pk>/agenda/<int:item_pk>/edit/", programme.agenda_edit, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/remove/", programme.agenda_remove, name="agenda_remove"),
    path(
        "<int:pk>/materials/<int:material_pk>/edit/",
        programme.material_edit,
        name="material_edit",
    ),
    path(
        "<int:pk>/materials/<int:material_pk>/remove/",
        programme.material_remove,
        name="material_remove",
    ),
    path("<int:pk>/invite/all/", manage.invite_all, name="invite_all"),
    path("<int:pk>/invite/unit/", manage.invite_unit, name="invite_unit"),
    path("<int:pk>/invitations/", programme.invitee_list, name="invitee_list"),
    path(
        "<int:pk>/invitations/<int:invitee_pk>/edit/",
        programme.invitee_edit,
        name="invitee_edit",
    ),
    path(
        "<int:pk>/invitations/<int:invitee_pk>/remove/",
        programme.invitee_remove,
        name="invitee_remove",
    ),
    path("<int:pk>/coverage/", manage.coverage_add, name="coverage_add"),
    path(
        "<int:pk>/coverage/<int:coverage_pk>/remove/",
        programme.coverage_remove,
        name="coverage_remove",
    ),
    path("<int:pk>/attendees/", attendance.attendee_list, name="attendee_list"),
    path(
        "<int:pk>/attendees.<str:extension>",
        attendance.attendee_export,
        name="attendee_export",
    ),
    path("<int:pk>/attendees/record/", attendance.attendance_record, name="attendance_record"),
    path("<int:pk>/check-in/", attendance.check_in, name="check_in"),
    path("<int:pk>/matching/", attendance.matching_queue, name="matching_queue"),
    path("<int:pk>/matching/<int:row_pk>/", attendance.matching_resolve, name="matching_resolve"),
    path(
        "<int:pk>/matching/<int:row_pk>/add-to-directory/",
        directory_match.matching_add_member,
        name="matching_add_member",
    ),
    path("<int:pk>/imports/new/", imports.import_upload, name="import_upload"),
    path("<int:pk>/imports/confirm/", imports.import_confirm, name="import_confirm"),
    path("<int:pk>/imports/<int:import_pk>/", imports.import_detail, name="import_detail"),
    path(
        "<int:pk>/imports/<int:import_pk>/progress/",
        imports.import_progress,
        name="import_progress",
    ),
    path(
        "<int:pk>/certificates/issue/",
        certificates.certificates_issue,
        name="certificates_issue",
    ),
    path("<int:pk>/certificates/zip/", certificates.bundle_request, name="bundle_request"),
    path(
        "<int:pk>/certificates/zip/<int:bundle_pk>/",
        certificates.bundle_download,
        name="bundle_download",
    ),
    path("certificates/<str:number>.pdf", certificates.certificate_pdf, name="certificate_pdf"),
    path(
        "certificates/<str:number>/revoke/",
        certificates.certificate_revoke,
        name="certificate_revoke",
    ),
    path("me/", people.my_history, name="my_history"),
    path("me/calendar-link/", people.calendar_link_reset, name="calendar_link_reset"),
    path("me/calendar-link/stop/", people.calendar_link_stop, name="calendar_link_stop"),
    path("people/<int:pk>/", people.person_history, name="person_history"),
    path("people/<int:pk>/siasn.csv", people.person_siasn, name="person_siasn"),
    path("units/<slug:slug>/", people.unit_participation, name="unit_participation"),
    path("speakers/", people.speaker_list, name="speaker_list"),
    path("speakers/new/", people.speaker_create, name="speaker_create"),
    path("speakers/<int:pk>/", people.speaker_detail, name="speaker_detail"),
]
