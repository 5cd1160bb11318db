"""A training session, its agenda and its materials."""

import math

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import exactly_one_of


class SessionKind(models.TextChoices):
    """What kind of gathering a session is."""

    PENGUATAN = "penguatan", _("Strengthening (Penguatan)")
    BIMTEK = "bimtek", _("Technical guidance (Bimtek)")
    WEBINAR = "webinar", _("Webinar")
    SOSIALISASI = "sosialisasi", _("Socialisation (Sosialisasi)")
    RAKOR = "rakor", _("Coordination meeting (Rakor)")
    FGD = "fgd", _("Focus group discussion (FGD)")
    ASISTENSI = "asistensi", _("Assistance (Asistensi)")
    PELATIHAN = "pelatihan", _("Training course (Pelatihan)")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    """Where participants are: online (daring), in person (luring) or both."""

    ONLINE = "online", _("Online (daring)")
    IN_PERSON = "in_person", _("In person (luring)")
    HYBRID = "hybrid", _("Hybrid")


class Platform(models.TextChoices):
    """The video platform of an online or hybrid session."""

    NONE = "", _("None")
    ZOOM = "zoom", _("Zoom")
    MEET = "meet", _("Google Meet")
    TEAMS = "teams", _("Microsoft Teams")
    YOUTUBE = "youtube", _("YouTube")
    OTHER = "other", _("Other")


class PresenceRule(models.TextChoices):
    """How a participant counts as present: minimum minutes, or a share of the schedule."""

    MINUTES = "minutes", _("Minimum minutes")
    SHARE = "share", _("Share of the scheduled time")


class TrainingSession(models.Model):
    """One training event: when, by whom, how to join, what it credits and who counts as present.

    Times are stored in UTC together with the IANA zone the session is held in.
    """

    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300, blank=True, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    organiser_directorate = models.ForeignKey(
        "accounts.Directorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_trainings",
        verbose_name=_("organising directorate"),
    )
    organiser_kanwil = models.ForeignKey(
        "accounts.Kanwil",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_trainings",
        verbose_name=_("organising Kanwil"),
    )
    organiser_unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_trainings",
        verbose_name=_("organising unit"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=40)
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices)
    place = models.CharField(_("place"), max_length=200, blank=True, default="")
    platform = models.CharField(
        _("platform"), max_length=12, choices=Platform.choices, blank=True, default=""
    )
    meeting_id = models.CharField(_("meeting ID"), max_length=60, blank=True, default="")
    join_url = models.URLField(_("join link"), max_length=500, blank=True, default="")
    passcode = models.CharField(_("passcode"), max_length=60, blank=True, default="")
    recording_url = models.URLField(_("recording link"), max_length=500, blank=True, default="")
    description = models.TextField(_("description"), blank=True, default="")
    jp_credited = models.DecimalField(
        _("JP credited"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Lesson hours (Jam Pelajaran) credited to each person present."),
    )
    jp_justification = models.CharField(
        _("reason for more JP than the duration"),
        max_length=300,
        blank=True,
        default="",
        help_text=_("Needed when the JP exceed the planned minutes divided by 45."),
    )
    presence_rule = models.CharField(
        _("presence rule"), max_length=10, choices=PresenceRule.choices
    )
    presence_min_minutes = models.PositiveIntegerField(_("minimum minutes"), null=True, blank=True)
    presence_min_percent = models.PositiveSmallIntegerField(
        _("minimum share (%)"), null=True, blank=True
    )
    checkin_code = models.CharField(_("check-in code"), max_length=12)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(
                    "organiser_directorate", "organiser_kanwil", "organiser_unit"
                ),
                name="training_session_one_organiser",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="training_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SessionKind.values), name="training_session_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=Mode.values), name="training_session_mode_valid"
            ),
            models.CheckConstraint(
                condition=Q(platform__in=Platform.values), name="training_session_platform_valid"
            ),
            models.CheckConstraint(
                condition=Q(jp_credited__gte=0), name="training_session_jp_not_negative"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        presence_rule=PresenceRule.MINUTES,
                        presence_min_minutes__gt=0,
                        presence_min_percent__isnull=True,
                    )
                    | Q(
                        presence_rule=PresenceRule.SHARE,
                        presence_min_percent__gte=1,
                        presence_min_percent__lte=100,
                        presence_min_minutes__isnull=True,
                    )
                ),
                name="training_session_presence_rule_complete",
            ),
            models.CheckConstraint(
                condition=~Q(checkin_code=""), name="training_session_has_checkin_code"
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["organiser_unit", "starts_at"]),
            models.Index(fields=["organiser_kanwil", "starts_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:session_detail", kwargs={"pk": self.pk})

    @property
    def organiser(self):
        """The one directorate, Kanwil or unit that organises the session."""
        return self.organiser_directorate or self.organiser_kanwil or self.organiser_unit

    @property
    def scheduled_minutes(self) -> int:
        """Length of the schedule in whole minutes."""
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def required_minutes(self) -> int:
        """Minutes a person must attend to count as present under the session's rule."""
        if self.presence_rule == PresenceRule.MINUTES:
            return int(self.presence_min_minutes or 0)
        return math.ceil(self.scheduled_minutes * (self.presence_min_percent or 0) / 100)


class AgendaKind(models.TextChoices):
    """The parts of a session's programme."""

    OPENING = "opening", _("Opening remarks")
    PRESENTATION = "presentation", _("Presentation")
    DISCUSSION = "discussion", _("Questions and answers")
    BREAK = "break", _("Break")
    CLOSING = "closing", _("Closing")
    OTHER = "other", _("Other")


class AgendaItem(models.Model):
    """One part of the programme, in order, with its times."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("session"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=AgendaKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    appearance = models.ForeignKey(
        "training.Appearance",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name=_("speaker"),
    )

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="training_agenda_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgendaKind.values), name="training_agenda_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=F("starts_at")),
                name="training_agenda_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class MaterialVisibility(models.TextChoices):
    """Who may open a material."""

    INVITED = "invited", _("Invited participants and organisers")
    STAFF = "staff", _("All portal staff")


class Material(models.Model):
    """A file or a link handed out with a session, served only to those allowed."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="materials",
        verbose_name=_("session"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"), upload_to="training/materials/%Y/%m/", blank=True, default=""
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True, default="")
    url = models.URLField(_("link"), max_length=500, blank=True, default="")
    visibility = models.CharField(
        _("visible to"),
        max_length=10,
        choices=MaterialVisibility.choices,
        default=MaterialVisibility.INVITED,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["session", "position", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="training_material_file_or_link",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=MaterialVisibility.values),
                name="training_material_visibility_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_link(self) -> bool:
        """A link rather than an uploaded file."""
        return bool(self.url)
