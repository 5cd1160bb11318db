"""The signed-in pages' data on top of bench/generate.py: a busy Kanwil desk, an inbox, training.

Called by bench/portal.py inside a Django set up on the bench database. Everything goes in with
a few INSERT … SELECT statements, so the build takes seconds to a few minutes; it is done once
per database (a marker person says so).
"""

import random
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.utils.crypto import get_random_string

MARKER_EMAIL = "bench-admin@bench.humas.test"
QUEUED = 2000
PER_PAGE_QUEUE = 25  # news.views.stories.PER_PAGE
REVISIONS = 50
NOTIFICATIONS = 10_000
STAFF = 5000
SESSIONS = 5000
UNITS_PER_SESSION = 20
PEOPLE_PER_SESSION = 100
BIG_SESSION_PEOPLE = 5000
HISTORY_EVERY = 10  # the history persona attends every tenth session
PARTICIPATION_EVERY = 5  # the participation unit is invited to every fifth session
STORY_WORDS = 1500


def _one(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _run(sql: str, params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def is_built() -> bool:
    """Whether this database already has the signed-in pages' data."""
    from accounts.models import User

    return User.objects.filter(email=MARKER_EMAIL).exists()


def _long_body(rng: random.Random, words: int) -> str:
    """A story body of about ``words`` words in paragraphs of about 60."""
    vocabulary = [
        "warga",
        "binaan",
        "lapas",
        "rutan",
        "petugas",
        "kegiatan",
        "pembinaan",
        "kemandirian",
        "kepribadian",
        "layanan",
        "kunjungan",
        "keluarga",
        "remisi",
        "integrasi",
        "kesehatan",
        "kerja",
        "sama",
        "pelatihan",
        "upacara",
        "zona",
        "integritas",
        "kepala",
        "seksi",
        "regu",
        "pengamanan",
        "razia",
        "kamar",
        "hunian",
        "bersih",
        "narkoba",
        "halinar",
    ]
    paragraphs = []
    for _start in range(0, words, 60):
        sentence = " ".join(rng.choice(vocabulary) for _ in range(60))
        paragraphs.append(sentence.capitalize() + ".")
    return "\n\n".join(paragraphs)


def _queue(kanwil_id: int) -> None:
    """Turn QUEUED published stories of the Kanwil into submissions waiting for review."""
    changed = _run(
        "UPDATE news_story SET state = 'submitted', submitted_revision_id = current_revision_id,"
        " approved_revision_id = NULL, live_revision_id = NULL, published_at = NULL"
        " WHERE id IN (SELECT id FROM news_story WHERE kanwil_id = %s AND state = 'published'"
        " ORDER BY id LIMIT %s)",
        [kanwil_id, QUEUED],
    )
    print(f"  {changed:,} stories submitted in the Kanwil", flush=True)


def _long_story(kanwil_id: int, rng: random.Random) -> int:
    """A queued story of STORY_WORDS words with REVISIONS revisions, two of them submitted."""
    from news.models import Story, StoryRevision, Transition

    story = (
        Story.objects.filter(kanwil_id=kanwil_id, state="submitted")
        .select_related("current_revision")
        .order_by("id")
        .first()
    )
    base = story.current_revision
    words = _long_body(rng, STORY_WORDS).split(" ")
    revisions = []
    for number in range(base.number + 1, base.number + REVISIONS):
        changed = list(words)
        for _step in range(6):  # six words changed between revisions
            changed[rng.randrange(len(changed))] = rng.choice(["bersama", "terpadu", "rutin"])
        words = changed
        revisions.append(
            StoryRevision(
                story=story,
                number=number,
                title=base.title,
                lead=base.lead,
                body=" ".join(words),
                event_start=base.event_start,
                dateline=base.dateline,
                category_name=base.category_name,
                tag_names=base.tag_names,
                created_by_id=story.created_by_id,
                created_at=base.created_at + timedelta(minutes=number),
            )
        )
    StoryRevision.objects.bulk_create(revisions)
    last, previous = revisions[-1], revisions[-2]
    Transition.objects.bulk_create(
        [
            Transition(
                story=story,
                actor_id=story.created_by_id,
                action="submit",
                from_state="draft",
                to_state="submitted",
                revision=revision,
                created_at=revision.created_at,
            )
            for revision in (previous, last)
        ]
    )
    Story.objects.filter(pk=story.pk).update(
        current_revision=last, submitted_revision=last, body=last.body
    )
    return story.pk


def _notifications(editor_id: int, kanwil_id: int) -> None:
    """NOTIFICATIONS for the editor about the Kanwil's queued stories, a tenth unread."""
    _run(
        "CREATE TEMP TABLE bench_queued AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn,"
        " id, created_by_id FROM news_story WHERE kanwil_id = %s AND state = 'submitted'",
        [kanwil_id],
    )
    (count,) = _one("SELECT count(*) FROM bench_queued")
    _run(
        "INSERT INTO news_notification (recipient_id, kind, story_id, actor_id, note, created_at,"
        " read_at, email_state, email_sent_at)"
        " SELECT %s, 'submitted', q.id, q.created_by_id, '',"
        "  now() - (n || ' minutes')::interval,"
        "  CASE WHEN n %% 10 = 0 THEN NULL ELSE now() END, 'skipped', NULL"
        " FROM generate_series(1, %s) AS n JOIN bench_queued q ON q.rn = n %% %s",
        [editor_id, NOTIFICATIONS, count],
    )


def _people(unit_ids: list[int]) -> None:
    """STAFF people with a staff role in a unit each."""
    from accounts.models import Role, RoleAssignment, User

    people = User.objects.bulk_create(
        [
            User(
                email=f"staf{index:05d}@bench.humas.test",
                full_name=f"Pegawai Bench {index:05d}",
                password="!" + get_random_string(40),
            )
            for index in range(STAFF)
        ],
        batch_size=1000,
    )
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(user=person, role=Role.STAFF, unit_id=unit_ids[index % len(unit_ids)])
            for index, person in enumerate(people)
        ],
        batch_size=1000,
    )


def _sessions(admin_id: int, directorate_id: int) -> list[int]:
    """SESSIONS sessions over four years, organised by the head office."""
    from training.models import TrainingSession

    start = datetime(2022, 1, 3, 2, 0, tzinfo=UTC)
    sessions = TrainingSession.objects.bulk_create(
        [
            TrainingSession(
                title=f"Bimtek kehumasan angkatan {index + 1}",
                kind="bimtek",
                organiser_directorate_id=directorate_id,
                starts_at=start + timedelta(hours=7 * index),
                ends_at=start + timedelta(hours=7 * index + 3),
                time_zone="Asia/Jakarta",
                mode="online",
                platform="zoom",
                jp_credited=2,
                presence_rule="minutes",
                presence_min_minutes=90,
                checkin_code=f"B{index:06d}",
                created_by_id=admin_id,
            )
            for index in range(SESSIONS)
        ],
        batch_size=1000,
    )
    return [session.pk for session in sessions]


def _training(session_ids: list[int], big: int, unit_id: int, person_id: int) -> None:
    """Invitations and attendance: one session with everyone, a unit and a person often."""
    low, high = min(session_ids), max(session_ids)
    _run(
        "CREATE TEMP TABLE bench_units AS SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id"
        " FROM accounts_unit WHERE is_active"
    )
    _run(
        "CREATE TEMP TABLE bench_staff AS SELECT row_number() OVER (ORDER BY p.id) - 1 AS rn,"
        " p.id AS user_id, r.unit_id FROM accounts_user p"
        " JOIN accounts_roleassignment r ON r.user_id = p.id AND r.role = 'staff'"
        " WHERE p.email LIKE 'staf%%@bench.humas.test'"
    )
    _run("CREATE INDEX ON bench_units (rn)")
    _run("CREATE INDEX ON bench_staff (rn)")
    _run("ANALYZE bench_units")
    _run("ANALYZE bench_staff")
    _run(
        "INSERT INTO training_invitee (session_id, unit_id, expected_count, expected_roles,"
        " invited_at)"
        " SELECT s.id, u.id, 2, '', now() FROM training_trainingsession s"
        " JOIN bench_units u ON u.rn BETWEEN (s.id * 7) %% 600 AND (s.id * 7) %% 600 + %s - 1"
        " WHERE s.id BETWEEN %s AND %s AND s.id <> %s ON CONFLICT DO NOTHING",
        [UNITS_PER_SESSION, low, high, big],
    )
    _run(
        "INSERT INTO training_invitee (session_id, unit_id, expected_count, expected_roles,"
        " invited_at)"
        " SELECT s.id, %s, 3, '', now() FROM training_trainingsession s"
        " WHERE s.id BETWEEN %s AND %s AND s.id %% %s = 0 ON CONFLICT DO NOTHING",
        [unit_id, low, high, PARTICIPATION_EVERY],
    )
    _run(
        "INSERT INTO training_invitee (session_id, unit_id, expected_count, expected_roles,"
        " invited_at) SELECT %s, id, 8, '', now() FROM accounts_unit WHERE is_active"
        " ON CONFLICT DO NOTHING",
        [big],
    )
    _run(
        "INSERT INTO training_invitee (session_id, kanwil_id, expected_count, expected_roles,"
        " invited_at) SELECT %s, id, 5, '', now() FROM accounts_kanwil ON CONFLICT DO NOTHING",
        [big],
    )
    _run("ANALYZE training_invitee")
    attendance = (
        "INSERT INTO training_attendance (session_id, user_id, invitee_id, organisation_name,"
        " status, minutes_attended, intervals, meets_rule, source, note, recorded_at)"
        " SELECT x.session_id, x.user_id, i.id, '', 'present', 150, '[]'::jsonb, true,"
        " 'import', '', now() FROM ({rows}) x"
        " LEFT JOIN training_invitee i ON i.session_id = x.session_id AND i.unit_id = x.unit_id"
        " ON CONFLICT DO NOTHING"
    )
    offset = f"(s.id * 37) %% {STAFF - PEOPLE_PER_SESSION}"
    _run(
        attendance.format(
            rows="SELECT s.id AS session_id, st.user_id, st.unit_id FROM"
            f" training_trainingsession s JOIN bench_staff st ON st.rn BETWEEN {offset}"
            f" AND {offset} + {PEOPLE_PER_SESSION - 1}"
            " WHERE s.id BETWEEN %s AND %s AND s.id <> %s"
        ),
        [low, high, big],
    )
    _run(
        attendance.format(
            rows="SELECT %s AS session_id, user_id, unit_id FROM bench_staff WHERE rn < %s"
        ),
        [big, BIG_SESSION_PEOPLE],
    )
    _run(
        attendance.format(
            rows="SELECT s.id AS session_id, r.user_id, r.unit_id FROM training_trainingsession s"
            " JOIN accounts_roleassignment r ON r.user_id = %s"
            " WHERE s.id BETWEEN %s AND %s AND s.id %% %s = 0"
        ),
        [person_id, low, high, HISTORY_EVERY],
    )


def build(seed: int = 20250206) -> None:
    """Add the signed-in pages' data and the personas to a database from bench/generate.py."""
    from accounts.models import Directorate, Role, RoleAssignment, User

    rng = random.Random(seed)
    kanwil_id, editor_id = _one(
        "SELECT r.kanwil_id, r.user_id FROM accounts_roleassignment r"
        " JOIN news_story s ON s.kanwil_id = r.kanwil_id AND s.state = 'published'"
        " WHERE r.role = 'editor' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
    )
    head_office = Directorate.objects.filter(is_head_office=True).first()
    with transaction.atomic():
        admin = User.objects.create(
            email=MARKER_EMAIL, full_name="Admin Pusat Bench", password="!" + get_random_string(40)
        )
        RoleAssignment.objects.create(user=admin, role=Role.ADMIN, directorate=head_office)
        _queue(kanwil_id)
        story_id = _long_story(kanwil_id, rng)
        _notifications(editor_id, kanwil_id)
        print(f"  {NOTIFICATIONS:,} notifications for editor {editor_id}", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM accounts_unit WHERE is_active ORDER BY id")
            unit_ids = [row[0] for row in cursor.fetchall()]
        _people(unit_ids)
        session_ids = _sessions(admin.pk, head_office.pk)
        print(f"  {STAFF:,} staff and {len(session_ids):,} sessions", flush=True)
        person_id = User.objects.get(email="staf00007@bench.humas.test").pk
        _training(session_ids, session_ids[len(session_ids) // 2], unit_ids[3], person_id)
    _run("ANALYZE")
    print(f"  long story {story_id}, editor {editor_id}, Kanwil {kanwil_id}", flush=True)
