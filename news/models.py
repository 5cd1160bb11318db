"""Stories written by units, their revisions, review trail, photos and notifications."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A story category (Kegiatan, Pembinaan, …), edited by central admins."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    """A free keyword shared by stories."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class State(models.TextChoices):
    """Where a story stands in the review workflow."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Story(models.Model):
    """An activity story of one unit; its working copy plus pointers to key revisions."""

    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="stories", verbose_name=_("unit")
    )
    # The unit's Kanwil, copied at creation so a region's public page is one index scan.
    kanwil = models.ForeignKey(
        "accounts.Kanwil",
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("Kanwil"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead (teras)"), max_length=600)
    body = models.TextField(_("body"))
    event_start = models.DateTimeField(_("event date and time"))
    dateline = models.CharField(_("dateline place"), max_length=80)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="stories", verbose_name=_("category")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="stories", verbose_name=_("tags"))
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="authored_stories", verbose_name=_("authors")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Optimistic concurrency: every content save bumps it; a stale form is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    current_revision = models.ForeignKey(
        "StoryRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_revision = models.ForeignKey(
        "StoryRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_revision = models.ForeignKey(
        "StoryRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_revision = models.ForeignKey(
        "StoryRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    publish_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    correction_note = models.TextField(_("correction note"), blank=True, default="")
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    # Full-text search of published stories. On PostgreSQL a trigger (migration 0005) fills it
    # while the story is published and empties it otherwise; on SQLite it stays empty.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="story_state_valid"),
            models.CheckConstraint(
                condition=~Q(state__in=[State.APPROVED, State.SCHEDULED])
                | Q(approved_revision__isnull=False),
                name="story_approval_binds_revision",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.SCHEDULED) | Q(publish_at__isnull=False),
                name="story_scheduled_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.PUBLISHED)
                | Q(live_revision__isnull=False, published_at__isnull=False),
                name="story_published_has_live_revision",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.WITHDRAWN) | ~Q(correction_note=""),
                name="story_withdrawn_has_note",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "state", "-updated_at"]),
            models.Index(fields=["state", "publish_at"]),
            # The operator's desk, newest change first, by (updated_at, id) keyset.
            models.Index(fields=["unit", "updated_at", "id"], name="story_desk_idx"),
            # Stories around a training session's dates, for its "link a story" choices.
            models.Index(fields=["event_start", "id"], name="story_event_idx"),
            # The review queue of a Kanwil, oldest submission first, by keyset.
            models.Index(
                fields=["kanwil", "submitted_revision", "id"],
                condition=Q(state__in=["submitted", "approved", "scheduled"]),
                name="story_queue_idx",
            ),
            # The public site reads published stories newest first, by (published_at, id)
            # keyset: everything, per Kanwil, per unit and per category.
            models.Index(
                fields=["published_at", "id"],
                condition=Q(state="published"),
                name="story_public_idx",
            ),
            models.Index(
                fields=["kanwil", "published_at", "id"],
                condition=Q(state="published"),
                name="story_public_kanwil_idx",
            ),
            models.Index(
                fields=["unit", "published_at", "id"],
                condition=Q(state="published"),
                name="story_public_unit_idx",
            ),
            models.Index(
                fields=["category", "published_at", "id"],
                condition=Q(state="published"),
                name="story_public_category_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:story_detail", kwargs={"pk": self.pk})


class StoryRevision(models.Model):
    """A snapshot of a story's content, taken at every content save."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead (teras)"))
    body = models.TextField(_("body"))
    event_start = models.DateTimeField(_("event date and time"))
    dateline = models.CharField(_("dateline place"), max_length=80)
    category_name = models.CharField(_("category"), max_length=80)
    tag_names = models.JSONField(_("tags"), default=list, blank=True)
    photos = models.JSONField(_("photos"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        ordering = ["story", "-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["story", "number"], name="revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.story_id} r{self.number}"


class Transition(models.Model):
    """One recorded step of the workflow: who moved the story from where to where."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    note = models.TextField(_("note"), blank=True, default="")
    revision = models.ForeignKey(
        StoryRevision, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")

    def __str__(self) -> str:
        return f"{self.story_id}: {self.from_state} → {self.to_state}"


class Comment(models.Model):
    """An editor's (or author's) remark on a story, tied to the revision it concerns."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=4000)
    revision = models.ForeignKey(
        StoryRevision, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]


class RelatedStory(models.Model):
    """A story listed beside a published story as related news, chosen when it was published."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["story", "position"]
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")
        constraints = [
            models.UniqueConstraint(fields=["story", "position"], name="related_story_position"),
            models.UniqueConstraint(fields=["story", "related"], name="related_story_once"),
            models.CheckConstraint(condition=~Q(related=F("story")), name="related_story_other"),
        ]

    def __str__(self) -> str:
        return f"{self.story_id} → {self.related_id}"


class RenditionState(models.TextChoices):
    """Progress of the derived image sizes of one photo."""

    PENDING = "pending", _("Pending")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Photo(models.Model):
    """One photo of a story: a cleaned original plus renditions made in the background."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    original = models.ImageField(_("photo"), upload_to="photos/original/%Y/%m/")
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=120, blank=True, default="")
    renditions = models.JSONField(_("renditions"), default=dict, blank=True)
    rendition_state = models.CharField(
        max_length=10, choices=RenditionState.choices, default=RenditionState.PENDING
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    # Where the subject is, as fractions of width and height from the top left; every crop is
    # centred on it as far as the edges allow. Empty means the centre.
    focal_x = models.FloatField(_("focal point across"), null=True, blank=True)
    focal_y = models.FloatField(_("focal point down"), null=True, blank=True)

    class Meta:
        ordering = ["story", "position", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(condition=~Q(caption=""), name="photo_caption_required"),
            models.CheckConstraint(
                condition=Q(width__gt=0, height__gt=0), name="photo_has_dimensions"
            ),
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True, focal_y__isnull=True)
                | Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_inside",
            ),
        ]

    def __str__(self) -> str:
        return self.caption

    @property
    def focus(self) -> tuple[float, float] | None:
        """The focal point, or None for the centre."""
        if self.focal_x is None or self.focal_y is None:
            return None
        return (self.focal_x, self.focal_y)


class NotificationKind(models.TextChoices):
    """What a notification is about; people can switch e-mail off per kind."""

    SUBMITTED = "submitted", _("A story was submitted for review")
    COMMENTED = "commented", _("A comment on your story")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested on your story")
    APPROVED = "approved", _("Your story was approved")
    SCHEDULED = "scheduled", _("Your story was scheduled")
    PUBLISHED = "published", _("Your story was published")
    REJECTED = "rejected", _("Your story was rejected")
    WITHDRAWN = "withdrawn", _("Your story was withdrawn")
    ODON_REMINDER = "odon_reminder", _("One Day One News: nothing submitted yet today")
    ODON_DIGEST = "odon_digest", _("One Day One News: daily digest for editors")


class EmailState(models.TextChoices):
    """Delivery of the e-mail copy of a notification (an outbox row)."""

    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not wanted")


class Notification(models.Model):
    """An in-app message, written in the same transaction as the event it reports."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    story = models.ForeignKey(
        Story, null=True, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True, default="")
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email_state = models.CharField(
        max_length=10, choices=EmailState.choices, default=EmailState.PENDING
    )
    email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            # The inbox, newest first, by (created_at, id) keyset.
            models.Index(fields=["recipient", "created_at", "id"], name="notification_inbox_idx"),
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            models.Index(
                fields=["created_at"],
                condition=Q(email_state="pending"),
                name="notification_outbox_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email_state="sent") | Q(email_sent_at__isnull=False),
                name="notification_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(read_at__isnull=True) | Q(read_at__gte=F("created_at")),
                name="notification_read_after_created",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_id}"


class EmailPreference(models.Model):
    """A person's choice to receive (or not) e-mail for one kind of notification."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    send_email = models.BooleanField(_("send e-mail"), default=True)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_preference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.send_email}"


class CoverageKind(models.TextChoices):
    """Where else a published story appeared."""

    MEDIA = "media", _("External media")
    SOCIAL = "social", _("Official social post")


class Platform(models.TextChoices):
    """Official social accounts a story may be posted to."""

    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    WHATSAPP = "whatsapp", _("WhatsApp channel")


class Coverage(models.Model):
    """A place a published story also appeared: an outlet's article or an official post."""

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="coverage", verbose_name=_("story")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CoverageKind.choices)
    outlet = models.CharField(_("outlet"), max_length=120, blank=True, default="")
    platform = models.CharField(
        _("platform"), max_length=20, choices=Platform.choices, blank=True, default=""
    )
    url = models.URLField(_("link"), max_length=500, unique=True)
    appeared_on = models.DateField(_("date"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["story", "kind", "-appeared_on", "id"]
        verbose_name = _("coverage")
        verbose_name_plural = _("coverage")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="media", platform="") & ~Q(outlet="")
                | Q(kind="social", platform__in=Platform.values),
                name="coverage_fields_match_kind",
            ),
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="coverage_url_http",
            ),
        ]
        indexes = [models.Index(fields=["story", "kind"])]

    def __str__(self) -> str:
        return self.outlet or self.get_platform_display()


# The editorial checks' and share kit's models live in their own modules;
# imported here so Django registers them.
from .models_checks import EthicsItem, SubmissionCheck  # noqa: E402, F401  (registered here)
from .sharing.models import HashtagSet, ShareChannel, ShareKit, ShareVisit  # noqa: E402, F401
