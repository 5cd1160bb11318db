"""Who was invited, who attended, and the attendance files they were read from."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import exactly_one_of

from .sessions import TrainingSession


class Invitee(models.Model):
    """An organisation invited to a session and how many people it is expected to send."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="invitees",
        verbose_name=_("session"),
    )
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kanwil = models.ForeignKey(
        "accounts.Kanwil", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    directorate = models.ForeignKey(
        "accounts.Directorate", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    expected_count = models.PositiveSmallIntegerField(
        _("people expected"),
        default=1,
        help_text=_("The denominator of the participation rate."),
    )
    expected_roles = models.CharField(
        _("who is expected"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("E.g. the head of the unit and the PR staff."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("invited organisation")
        verbose_name_plural = _("invited organisations")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of("unit", "kanwil", "directorate"),
                name="training_invitee_one_organisation",
            ),
            models.CheckConstraint(
                condition=Q(expected_count__gte=1), name="training_invitee_expects_someone"
            ),
            models.UniqueConstraint(
                fields=["session", "unit"],
                condition=Q(unit__isnull=False),
                name="training_invitee_unique_unit",
            ),
            models.UniqueConstraint(
                fields=["session", "kanwil"],
                condition=Q(kanwil__isnull=False),
                name="training_invitee_unique_kanwil",
            ),
            models.UniqueConstraint(
                fields=["session", "directorate"],
                condition=Q(directorate__isnull=False),
                name="training_invitee_unique_directorate",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def organisation(self):
        """The one unit, Kanwil or directorate invited."""
        return self.unit or self.kanwil or self.directorate


class AttendanceStatus(models.TextChoices):
    """How a person took part."""

    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class AttendanceSource(models.TextChoices):
    """Where an attendance record came from."""

    IMPORT = "import", _("Attendance file")
    SELF = "self", _("Self check-in")
    MANUAL = "manual", _("Entered by the organiser")


class Attendance(models.Model):
    """One person's attendance at one session, with the merged time they were connected."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("session"),
    )
    # A person with a login, a directory record, or both (a record linked to its login).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_attendances",
        verbose_name=_("person"),
    )
    staff = models.ForeignKey(
        "directory.StaffMember",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("directory record"),
    )
    invitee = models.ForeignKey(
        Invitee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
        verbose_name=_("attending for"),
    )
    organisation_name = models.CharField(
        _("organisation on that day"), max_length=200, blank=True, default=""
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    minutes_attended = models.PositiveIntegerField(_("minutes attended"), default=0)
    # Merged, clipped [start, end] pairs in UTC ISO format.
    intervals = models.JSONField(_("connected intervals"), default=list, blank=True)
    first_join = models.DateTimeField(_("first joined"), null=True, blank=True)
    last_leave = models.DateTimeField(_("last left"), null=True, blank=True)
    meets_rule = models.BooleanField(_("meets the presence rule"), default=False)
    source = models.CharField(_("source"), max_length=10, choices=AttendanceSource.choices)
    import_file = models.ForeignKey(
        "training.ImportFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attendance file"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["session", "user__full_name", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="training_attendance_one_per_person"
            ),
            # Nulls are distinct, so rows without a directory record never collide.
            models.UniqueConstraint(
                fields=["session", "staff"], name="training_attendance_one_per_record"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(staff__isnull=False),
                name="training_attendance_has_person",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AttendanceStatus.values),
                name="training_attendance_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=AttendanceSource.values),
                name="training_attendance_source_valid",
            ),
            models.CheckConstraint(
                condition=Q(meets_rule=False)
                | Q(status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]),
                name="training_attendance_credit_needs_presence",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "session"]),
            models.Index(fields=["staff", "session"], name="training_attendance_staff"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id or 's' + str(self.staff_id)} @ {self.session_id}: {self.status}"

    @property
    def holder_name(self) -> str:
        """The person's name: the directory's titled name, else the login's name."""
        if self.staff_id is not None:
            return self.staff.titled_name
        return self.user.full_name if self.user_id else ""

    @property
    def holder_nip(self) -> str:
        """The person's NIP from the directory, else from the login."""
        if self.staff_id is not None:
            return self.staff.nip
        return self.user.nip if self.user_id else ""

    @property
    def holder_email(self) -> str:
        """The login's e-mail address, else the directory's."""
        if self.user_id is not None:
            return self.user.email
        return self.staff.email if self.staff_id else ""


class GroupAttendance(models.Model):
    """An invited organisation that joined as a room (e.g. "Rutan Pelaihari") without names."""

    invitee = models.OneToOneField(
        Invitee,
        on_delete=models.CASCADE,
        related_name="group_attendance",
        verbose_name=_("invited organisation"),
    )
    connections = models.PositiveSmallIntegerField(_("connections"), default=1)
    headcount = models.PositiveSmallIntegerField(
        _("people in the room"),
        null=True,
        blank=True,
        help_text=_("As reported by the unit; empty counts one person per connection."),
    )
    minutes_attended = models.PositiveIntegerField(_("minutes attended"), default=0)
    intervals = models.JSONField(_("connected intervals"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=AttendanceSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("group attendance")
        verbose_name_plural = _("group attendances")
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=AttendanceSource.values),
                name="training_group_attendance_source_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitee_id}: {self.connections}"

    @property
    def people(self) -> int:
        """People the room stands for: the reported headcount, else one per connection."""
        return self.headcount if self.headcount is not None else self.connections


class ImportFormat(models.TextChoices):
    """Video platforms whose attendance reports can be read."""

    ZOOM = "zoom", _("Zoom participants report (CSV)")
    TEAMS = "teams", _("Microsoft Teams attendance report")
    MEET = "meet", _("Google Meet attendance report (CSV)")


class ImportStatus(models.TextChoices):
    """Progress of an attendance file import."""

    QUEUED = "queued", _("Queued")
    PROCESSING = "processing", _("Processing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class ImportFile(models.Model):
    """An uploaded attendance file, kept as it was exported."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="import_files",
        verbose_name=_("session"),
    )
    file = models.FileField(_("file"), upload_to="training/imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("content hash"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    source_format = models.CharField(_("format"), max_length=10, choices=ImportFormat.choices)
    encoding = models.CharField(_("encoding"), max_length=20)
    time_zone = models.CharField(_("time zone of the file"), max_length=40)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    matched_rows = models.PositiveIntegerField(_("matched rows"), default=0)
    group_rows = models.PositiveIntegerField(_("rows of unit rooms"), default=0)
    unmatched_rows = models.PositiveIntegerField(_("rows to match by hand"), default=0)
    duplicate_rows = models.PositiveIntegerField(_("duplicate rows"), default=0)
    error = models.TextField(_("error"), blank=True, default="")
    # Background imports: how often the file was queued, and when it was last queued or started.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    attempted_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("attendance file")
        verbose_name_plural = _("attendance files")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "sha256"],
                condition=~Q(status=ImportStatus.FAILED),
                name="training_import_once_per_session",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="training_import_status_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "attempted_at"],
                condition=Q(status__in=[ImportStatus.QUEUED, ImportStatus.PROCESSING]),
                name="training_import_unfinished",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse(
            "training:import_detail", kwargs={"pk": self.session_id, "import_pk": self.pk}
        )


class MatchStatus(models.TextChoices):
    """How a row of an attendance file was tied to a person or a unit."""

    EMAIL = "email", _("E-mail address")
    NIP = "nip", _("NIP in the name")
    UNIT_NAME = "unit_name", _("Unit and name")
    NAME = "name", _("Name")
    GROUP = "group", _("Unit room")
    MANUAL = "manual", _("Matched by hand")
    UNMATCHED = "unmatched", _("Waiting to be matched")
    IGNORED = "ignored", _("Ignored")


class ImportRow(models.Model):
    """One row of an attendance file, its cells as exported and what it was matched to."""

    import_file = models.ForeignKey(
        ImportFile, on_delete=models.CASCADE, related_name="rows", verbose_name=_("file")
    )
    line_number = models.PositiveIntegerField(_("line"))
    cells = models.JSONField(_("cells as exported"), default=dict)
    display_name = models.CharField(_("name in the file"), max_length=255, blank=True)
    email = models.CharField(_("e-mail in the file"), max_length=254, blank=True, default="")
    joined_at = models.DateTimeField(_("joined at"))
    left_at = models.DateTimeField(_("left at"))
    is_duplicate = models.BooleanField(_("duplicate of an earlier row"), default=False)
    match_status = models.CharField(
        _("match"), max_length=12, choices=MatchStatus.choices, default=MatchStatus.UNMATCHED
    )
    matched_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    matched_invitee = models.ForeignKey(
        Invitee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit room"),
    )
    matched_staff = models.ForeignKey(
        "directory.StaffMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("directory record"),
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    class Meta:
        ordering = ["import_file", "line_number"]
        verbose_name = _("attendance file row")
        verbose_name_plural = _("attendance file rows")
        constraints = [
            models.CheckConstraint(
                condition=Q(match_status__in=MatchStatus.values),
                name="training_import_row_match_valid",
            ),
            models.CheckConstraint(
                condition=Q(left_at__gte=models.F("joined_at")),
                name="training_import_row_leaves_after_join",
            ),
        ]
        indexes = [
            models.Index(fields=["import_file", "match_status"]),
            models.Index(fields=["matched_user"]),
        ]

    def __str__(self) -> str:
        return f"{self.import_file_id}:{self.line_number} {self.display_name}"
