"""Demo stories for `seed_demo`: every workflow state, with generated photos."""

import io
import random
from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.demo import demo_user
from accounts.models import Kanwil, Role, Unit, User
from accounts.services import grant_role

from . import services
from .checks import blocking
from .demo_content import (
    EVERYDAY_STORIES,
    PALU_BRIEFING,
    PELAIHARI_BRIEFING,
    PUBLIC_STORIES,
    WITA,
    ZOOM_BRIEFING_START,
)
from .models import Category, EthicsItem, State, Story
from .services import checks as check_services
from .services import photos as photo_services
from .services import sharing
from .sharing.selectors import hashtag_sets_for

OPERATORS = {
    "lapas-perempuan-kelas-iii-palu": "operator.palu@humas.test",
    "rutan-kelas-iib-pelaihari": "operator.pelaihari@humas.test",
    "lpka-kelas-ii-palu": "operator.lpka-palu@humas.test",
    "lapas-kelas-iib-banjarbaru": "operator.banjarbaru@humas.test",
    "lapas-perempuan-kelas-iia-pontianak": "operator.pontianak@humas.test",
}
EDITORS = {
    "lapas-perempuan-kelas-iii-palu": "editor.sulteng@humas.test",
    "rutan-kelas-iib-pelaihari": "editor.kalsel@humas.test",
    "lpka-kelas-ii-palu": "editor.sulteng@humas.test",
    "lapas-kelas-iib-banjarbaru": "editor.kalsel@humas.test",
    "lapas-perempuan-kelas-iia-pontianak": "editor.kalbar@humas.test",
}
# Writers and the editor of the extra public stories: (e-mail, name, role, unit or Kanwil slug).
# They only write and publish demo stories, so they get no password to sign in with.
STORY_WRITERS = [
    ("operator.lpka-palu@humas.test", "Siti Rahmah", Role.OPERATOR, "lpka-kelas-ii-palu"),
    (
        "operator.banjarbaru@humas.test",
        "Rahmat Hidayat",
        Role.OPERATOR,
        "lapas-kelas-iib-banjarbaru",
    ),
    (
        "operator.pontianak@humas.test",
        "Yuliana Putri",
        Role.OPERATOR,
        "lapas-perempuan-kelas-iia-pontianak",
    ),
    ("editor.kalbar@humas.test", "Hendra Gunawan", Role.EDITOR, "kalbar"),
]
PHOTO_SIZE = (1600, 1067)
# The extra stories only need pictures big enough for the 1200×630 social card.
PUBLIC_PHOTO_SIZE = (1200, 800)


def demo_photo(seed: int, size: tuple[int, int] = PHOTO_SIZE) -> SimpleUploadedFile:
    """A generated 'meeting room' picture: a wall, a screen with video tiles, a table."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    image = Image.new("RGB", size, (rng.randint(150, 200), rng.randint(150, 190), 170))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, int(height * 0.7), width, height), fill=(110, 80, 60))
    screen = (int(width * 0.2), int(height * 0.12), int(width * 0.8), int(height * 0.58))
    draw.rectangle(screen, fill=(25, 30, 40))
    tile_w, tile_h = (screen[2] - screen[0]) // 4, (screen[3] - screen[1]) // 3
    for row in range(3):
        for column in range(4):
            x, y = screen[0] + column * tile_w, screen[1] + row * tile_h
            colour = tuple(rng.randint(60, 200) for _ in range(3))
            draw.rectangle((x + 6, y + 6, x + tile_w - 6, y + tile_h - 6), fill=colour)
            draw.ellipse(
                (x + tile_w // 3, y + tile_h // 4, x + 2 * tile_w // 3, y + 3 * tile_h // 4),
                fill=(230, 200, 170),
            )
    for person in range(6):
        x = int(width * (0.1 + person * 0.15))
        draw.ellipse((x, int(height * 0.55), x + 90, int(height * 0.66)), fill=(60, 50, 45))
        draw.rectangle((x - 10, int(height * 0.66), x + 100, int(height * 0.8)), fill=(20, 60, 110))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(f"demo-{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")


def seed_story_writers() -> list[User]:
    """Create the operators and the editor of the extra stories once, with their roles."""
    people = []
    for email, full_name, role, slug in STORY_WRITERS:
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            person = User.objects.create_user(email=email, password=None, full_name=full_name)
        organisation = (
            {"unit": Unit.objects.get(slug=slug)}
            if role == Role.OPERATOR
            else {"kanwil": Kanwil.objects.get(slug=slug)}
        )
        grant_role(person=person, role=role, by=None, **organisation)
        people.append(person)
    return people


def _write(
    *,
    unit: Unit,
    spec: dict,
    event_start: datetime,
    category: Category,
    photo_size: tuple[int, int] = PHOTO_SIZE,
) -> Story:
    author = demo_user(OPERATORS[unit.slug])
    story = services.create_story(
        unit=unit,
        by=author,
        title=spec["title"],
        lead=spec["lead"],
        body=spec["body"],
        event_start=event_start,
        dateline=spec.get("dateline", unit.city),
        category=category,
        tag_names=spec.get("tags", []),
    )
    photos = spec.get("photos") or [(f"Kegiatan {unit.name}.", f"Humas {unit.name}")]
    for index, (caption, credit) in enumerate(photos):
        photo_services.add_photo(
            story=story,
            by=author,
            upload=demo_photo(story.pk * 10 + index, photo_size),
            caption=caption,
            credit=credit,
        )
    return story


# The reason a demo writer gives for keeping a flagged passage (the seed stories' errors).
DEMO_OVERRIDE_REASON = "Dipertahankan sesuai naskah asli unit; mohon redaktur memeriksa."


def _demo_overrides(story: Story, author: User) -> dict[str, str]:
    """Explain every block, so the demo stories keep their original errors for the editor."""
    findings = check_services.findings_for(story=story, user=author)
    return {finding.key: DEMO_OVERRIDE_REASON for finding in blocking(findings)}


def _advance(story: Story, state: str, note: str = "") -> None:
    """Walk the story through the real workflow to the wanted state."""
    if state == "draft":
        return
    author = demo_user(OPERATORS[story.unit.slug])
    editor = demo_user(EDITORS[story.unit.slug])
    services.submit_story(
        story=story,
        by=author,
        overrides=_demo_overrides(story, author),
        ethics_ticked=list(EthicsItem.objects.filter(is_active=True).values_list("pk", flat=True)),
    )
    if state == "submitted":
        return
    if state == "changes_requested":
        services.request_changes(story=story, by=editor, note=note)
        return
    if state == "rejected":
        services.reject_story(story=story, by=editor, note=note)
        return
    services.approve_story(story=story, by=editor)
    if state == "scheduled":
        when = timezone.now() + timedelta(days=2)
        services.schedule_story(story=story, by=editor, publish_at=when)
    elif state in ("published", "withdrawn"):
        services.publish_story(story=story, by=editor)
        if state == "withdrawn":
            services.withdraw_story(story=story, by=editor, note=note)


def seed_stories() -> list[Story]:
    """Create the demo stories once; a second run leaves them as they are."""
    seed_story_writers()
    stories = []
    briefing = [
        ("lapas-perempuan-kelas-iii-palu", PALU_BRIEFING),
        ("rutan-kelas-iib-pelaihari", PELAIHARI_BRIEFING),
    ]
    plan = [(slug, spec, ZOOM_BRIEFING_START, "kehumasan", "published") for slug, spec in briefing]
    today = timezone.localdate(timezone=WITA)
    for spec in [*EVERYDAY_STORIES, *PUBLIC_STORIES]:
        day = today - timedelta(days=spec["days_ago"])
        start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=WITA)
        plan.append((spec["unit"], spec, start, spec["category"], spec.get("state", "published")))
    public_titles = {spec["title"] for spec in PUBLIC_STORIES}
    for slug, spec, start, category_slug, state in plan:
        unit = Unit.objects.get(slug=slug)
        existing = Story.objects.filter(unit=unit, title=spec["title"]).first()
        if existing is not None:
            stories.append(existing)
            continue
        category = Category.objects.get(slug=category_slug)
        story = _write(
            unit=unit,
            spec=spec,
            event_start=start,
            category=category,
            photo_size=PUBLIC_PHOTO_SIZE if spec["title"] in public_titles else PHOTO_SIZE,
        )
        _advance(story, state, spec.get("note", ""))
        stories.append(story)
    return stories


DEMO_HASHTAGS = "#Pemasyarakatan #KemenImipas"
DEMO_UNIT_HASHTAGS = {
    "lapas-perempuan-kelas-iii-palu": "#LapasPerempuanPalu #Sulteng",
    "rutan-kelas-iib-pelaihari": "#RutanPelaihari #Kalsel",
}


def seed_share_kit() -> None:
    """Demo hashtags (kept if already set), and cards for every published story without them.

    The cards are queued after the seed's transaction commits; with eager tasks (no Redis, as in
    `make run`) they are drawn before the command ends."""
    admin = demo_user("admin@humas.test")
    if hashtag_sets_for(None)[0] is None:
        sharing.set_hashtags(unit=None, by=admin, text=DEMO_HASHTAGS)
    for slug, text in DEMO_UNIT_HASHTAGS.items():
        unit = Unit.objects.get(slug=slug)
        if hashtag_sets_for(unit)[1] is None:
            sharing.set_hashtags(unit=unit, by=admin, text=text)
    without_cards = Story.objects.filter(state=State.PUBLISHED).filter(
        Q(share_kit__isnull=True) | Q(share_kit__fingerprint="")
    )
    for story_id in without_cards.values_list("pk", flat=True):
        sharing.queue_share_cards(story_id)
