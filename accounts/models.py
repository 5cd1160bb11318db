"""People, organisations and the roles that tie them together."""

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .managers import UserManager
from .nip import validate_nip


class TimeZone(models.TextChoices):
    """The four IANA zones Indonesian units live in."""

    JAKARTA = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
    PONTIANAK = "Asia/Pontianak", _("WIB (Asia/Pontianak)")
    MAKASSAR = "Asia/Makassar", _("WITA (Asia/Makassar)")
    JAYAPURA = "Asia/Jayapura", _("WIT (Asia/Jayapura)")


class Directorate(models.Model):
    """Ditjenpas headquarters itself or one of its directorates."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_head_office = models.BooleanField(_("head office"), default=False)

    class Meta:
        ordering = ["-is_head_office", "name"]
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_head_office"],
                condition=Q(is_head_office=True),
                name="directorate_single_head_office",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def time_zone(self) -> str:
        """Headquarters sits in Jakarta."""
        return TimeZone.JAKARTA


class Kanwil(models.Model):
    """A regional office (Kantor Wilayah Direktorat Jenderal Pemasyarakatan)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    province = models.CharField(_("province"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TimeZone.choices)

    class Meta:
        ordering = ["province"]
        verbose_name = _("Kanwil")
        verbose_name_plural = _("Kanwil")
        constraints = [
            models.CheckConstraint(
                condition=Q(time_zone__in=TimeZone.values), name="kanwil_time_zone_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:kanwil", kwargs={"slug": self.slug})


class UnitType(models.TextChoices):
    """Kinds of technical units (UPT Pemasyarakatan)."""

    LAPAS = "lapas", _("Lapas")
    LAPAS_PEREMPUAN = "lapas_perempuan", _("Lapas Perempuan")
    LAPAS_NARKOTIKA = "lapas_narkotika", _("Lapas Narkotika")
    LAPAS_PEMUDA = "lapas_pemuda", _("Lapas Pemuda")
    LAPAS_TERBUKA = "lapas_terbuka", _("Lapas Terbuka")
    LPKA = "lpka", _("LPKA")
    RUTAN = "rutan", _("Rutan")
    RUTAN_PEREMPUAN = "rutan_perempuan", _("Rutan Perempuan")
    CABANG_RUTAN = "cabang_rutan", _("Cabang Rutan")
    BAPAS = "bapas", _("Bapas")
    RUPBASAN = "rupbasan", _("Rupbasan")


class UnitClass(models.TextChoices):
    """Classes a unit may carry; empty where none applies or it is unknown."""

    NONE = "", _("No class")
    I = "I", _("Kelas I")  # noqa: E741 - the class is literally called "I"
    II = "II", _("Kelas II")
    IIA = "IIA", _("Kelas IIA")
    IIB = "IIB", _("Kelas IIB")
    III = "III", _("Kelas III")


# Lapas and Rutan use I/IIA/IIB/III; LPKA, Bapas and Rupbasan use I/II.
CLASSES_BY_TYPE_GROUP = {
    "custodial": (
        [
            UnitType.LAPAS,
            UnitType.LAPAS_PEREMPUAN,
            UnitType.LAPAS_NARKOTIKA,
            UnitType.LAPAS_PEMUDA,
            UnitType.LAPAS_TERBUKA,
            UnitType.RUTAN,
            UnitType.RUTAN_PEREMPUAN,
        ],
        ["", "I", "IIA", "IIB", "III"],
    ),
    "two_class": ([UnitType.LPKA, UnitType.BAPAS, UnitType.RUPBASAN], ["", "I", "II"]),
    "branch": ([UnitType.CABANG_RUTAN], [""]),
}


def _unit_class_matches_type() -> Q:
    condition = Q()
    for types, classes in CLASSES_BY_TYPE_GROUP.values():
        condition |= Q(unit_type__in=types, unit_class__in=classes)
    return condition


class Unit(models.Model):
    """A technical unit (UPT): Lapas, Rutan, LPKA, Bapas, Rupbasan."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    unit_type = models.CharField(_("type"), max_length=30, choices=UnitType.choices)
    unit_class = models.CharField(
        _("class"), max_length=4, choices=UnitClass.choices, blank=True, default=""
    )
    city = models.CharField(
        _("city or regency"),
        max_length=120,
        help_text=_("Where the unit actually stands, which may differ from its name."),
    )
    kanwil = models.ForeignKey(
        Kanwil, on_delete=models.PROTECT, related_name="units", verbose_name=_("Kanwil")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZone.choices,
        blank=True,
        default="",
        help_text=_("Leave empty to use the time zone of the Kanwil."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit_type__in=UnitType.values), name="unit_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(time_zone="") | Q(time_zone__in=TimeZone.values),
                name="unit_time_zone_valid",
            ),
            models.CheckConstraint(
                condition=_unit_class_matches_type(), name="unit_class_matches_type"
            ),
        ]
        indexes = [models.Index(fields=["kanwil", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:unit", kwargs={"slug": self.slug})

    @property
    def effective_time_zone(self) -> str:
        """The unit's own zone, else its Kanwil's."""
        return self.time_zone or self.kanwil.time_zone


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True)
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        default="",
        validators=[validate_nip],
        help_text=_("18 digits: birth date, appointment month, gender, serial number."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Whether the person may open the technical administration site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Raised when the person's roles, authenticators or notifications change, so every session
    # reads what it keeps about the person again (accounts.session_state).
    session_version = models.PositiveIntegerField(
        _("session data version"), default=0, editable=False
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_ci_unique",
                violation_error_message=_("Someone already uses this e-mail address."),
            ),
            models.UniqueConstraint(
                fields=["nip"],
                condition=~Q(nip=""),
                name="user_nip_unique_when_set",
                violation_error_message=_("Someone already has this NIP."),
            ),
            models.CheckConstraint(
                condition=Q(nip="") | Q(nip__regex=r"^[0-9]{18}$"),
                name="user_nip_format",
                violation_error_message=_("NIP must be 18 digits."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:person_detail", kwargs={"pk": self.pk})

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Role(models.TextChoices):
    """What a person may do, always within one organisation."""

    OPERATOR = "operator", _("Unit operator")
    EDITOR = "editor", _("Kanwil editor")
    ADMIN = "admin", _("Central admin")
    STAFF = "staff", _("Staff")


ORGANISATION_FIELDS = ("unit", "kanwil", "directorate")


def only(chosen: str, fields: tuple[str, ...] = ORGANISATION_FIELDS) -> Q:
    """A condition that holds when ``chosen`` is the only one of the foreign keys set."""
    return Q(**{f"{name}__isnull": name != chosen for name in fields})


def exactly_one_of(*fields: str) -> Q:
    """A condition that holds when exactly one of the nullable foreign keys is set."""
    condition = Q()
    for chosen in fields:
        condition |= only(chosen, fields)
    return condition


class RoleAssignment(models.Model):
    """One role of one person in one organisation."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    kanwil = models.ForeignKey(
        Kanwil, null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    directorate = models.ForeignKey(
        Directorate,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            # The organisation a role is scoped to must fit the role.
            models.CheckConstraint(
                condition=(
                    Q(role=Role.OPERATOR) & only("unit")
                    | Q(role=Role.EDITOR) & only("kanwil")
                    | Q(role=Role.ADMIN) & only("directorate")
                    | Q(role=Role.STAFF) & exactly_one_of(*ORGANISATION_FIELDS)
                ),
                name="role_scope_matches_role",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(unit__isnull=False),
                name="role_unique_per_unit",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "kanwil"],
                condition=Q(kanwil__isnull=False),
                name="role_unique_per_kanwil",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "directorate"],
                condition=Q(directorate__isnull=False),
                name="role_unique_per_directorate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.organisation}"

    @property
    def organisation(self) -> Unit | Kanwil | Directorate | None:
        """The one organisation this role is scoped to."""
        return self.unit or self.kanwil or self.directorate


class Invitation(models.Model):
    """A link, sent by e-mail, with which an invited person sets their password."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person")
    )
    role_assignment = models.ForeignKey(
        RoleAssignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_accepted_and_revoked",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_person",
            ),
        ]

    def __str__(self) -> str:
        return _("Invitation for %(email)s") % {"email": self.user.email}


class AuditEvent(models.Model):
    """Who changed what about people and roles, and when."""

    actor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=60)
    subject = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        verbose_name=_("person concerned"),
    )
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"
