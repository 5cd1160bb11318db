"""Check 3: a story against the record of the training session it reports on."""

from __future__ import annotations

import difflib
import re

from django.utils.translation import gettext as _

from .base import (
    INFO,
    WARN,
    Field,
    Finding,
    SessionEntry,
    SpeakerEntry,
    StoryInput,
    finding_at,
    sentence_around,
)
from .dates import long_date

_PERSON = r"(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s?)?[A-Z][a-z]+){0,3}"
TITLED_PERSON = re.compile(
    r"\b(?P<title>(?:Wakil\s+Menteri|Menteri|Direktur(?:\s+Jenderal)?|Sekretaris|Kepala|Kasubdit|"
    rf"Kakanwil|Dirjen\w*|Kabid|Ketua)[^,.\n]{{0,90}}?),\s+(?P<name>{_PERSON})\b"
)
REPRESENTATIVE = re.compile(
    r"\bperwakilan\s+(?:dari\s+)?(?P<org>(?:Direktur|Direktorat)\s+[A-Z]\w*(?:\s+(?:dan\s+)?"
    r"[A-Z]\w*){0,4})"
)
ORGANISED_BY = re.compile(
    r"\b(?:diselenggarakan|digelar|dilaksanakan)\s+(?:oleh\s+)?(?P<org>Direktorat\s+[A-Z]\w*"
    r"(?:\s+(?:dan\s+)?[A-Z]\w*){0,5})"
)
SPEAKER_CONTEXT = re.compile(
    r"(?i)\b(materi|narasumber|paparan|pemaparan|disampaikan|membuka|dibuka|arahan|menyampaikan)\b"
)
# The unit's own officials and regional heads comment on a session; they are not its speakers.
LOCAL_TITLE = re.compile(
    r"(?i)^(Kepala\s+(Lapas|Rutan|LPKA|Bapas|Rupbasan|Rumah|Lembaga|Balai|Kantor|Kanwil|Seksi|"
    r"Subseksi|Urusan|Bidang|Bagian|Kesatuan|Pengamanan)|Kakanwil|Ketua)"
)
# The directorate general itself: a session of one of its directorates is also its session.
PARENT_ORGANISER = re.compile(r"(?i)^Direktorat\s+Jenderal\s+Pemasyarakatan$")
STOP_WORDS = frozenset(
    ["dan", "di", "ke", "dari", "yang", "untuk", "bagi", "dengan", "pada", "oleh", "secara"]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP_WORDS}


def looks_like_coverage(session: SessionEntry, story: StoryInput) -> bool:
    """The story's title and lead share the session title's key words."""
    wanted = _words(session.title.split(":")[0])
    if not wanted:
        return False
    have = _words(f"{story.title} {story.lead}")
    return len(wanted & have) / len(wanted) >= 0.66


def _initials_match(written: str, full: str) -> bool:
    """'M. Hilal' fits 'Maulidi Hilal': same surname, initials agree."""
    parts, whole = written.replace(".", ". ").split(), full.split()
    if not parts or not whole or parts[-1].lower() != whole[-1].lower():
        return False
    initials = [part[0].lower() for part in parts[:-1]]
    return initials == [part[0].lower() for part in whole[: len(initials)]]


def find_speaker(name: str, speakers: tuple[SpeakerEntry, ...]) -> SpeakerEntry | None:
    """The canonical speaker a written name stands for, by name, alias or initials."""
    normalised = " ".join(name.split()).lower()
    for speaker in speakers:
        names = [speaker.name, *speaker.aliases]
        if any(" ".join(n.split()).lower() == normalised for n in names):
            return speaker
    for speaker in speakers:
        if _initials_match(name, speaker.name):
            return speaker
    return None


def _same_title(written: str, recorded: str) -> bool:
    written = re.sub(r"\s*\([^)]*\)", "", written).strip().lower()
    recorded = recorded.strip().lower()
    if not recorded or written in recorded or recorded in written:
        return True
    return difflib.SequenceMatcher(None, written, recorded).ratio() >= 0.85


def session_for(story: StoryInput, sessions: tuple[SessionEntry, ...]) -> SessionEntry | None:
    """The linked session, else the one candidate the story clearly reports on."""
    linked = [session for session in sessions if session.linked]
    if linked:
        return linked[0]
    alike = [session for session in sessions if looks_like_coverage(session, story)]
    return alike[0] if len(alike) == 1 else None


def check_training(
    story: StoryInput, fields: list[Field], sessions: tuple[SessionEntry, ...]
) -> list[Finding]:
    """Date, speakers, titles and organiser against the session record."""
    session = session_for(story, sessions)
    if session is None:
        return []
    findings = []
    if story.event_date is not None and story.event_date != session.day:
        findings.append(
            Finding(
                "training.date",
                WARN,
                _("The event date differs from the session record (%(date)s, “%(title)s”).")
                % {"date": long_date(session.day), "title": session.title},
                excerpt=session.title,
                field="event_date",
            )
        )
    for where in fields:
        findings.extend(_speakers(where, session))
        findings.extend(_organiser(where, session))
    return findings


def _speakers(where: Field, session: SessionEntry) -> list[Finding]:
    findings = []
    text = where.text
    for match in TITLED_PERSON.finditer(text):
        left, right = sentence_around(text, match.start(), match.start() + 1)
        if not SPEAKER_CONTEXT.search(text[left:right]) or LOCAL_TITLE.match(match.group("title")):
            continue
        speaker = find_speaker(match.group("name"), session.speakers)
        if speaker is None:
            findings.append(
                finding_at(
                    "training.speaker_unknown",
                    WARN,
                    _("“%(excerpt)s” is not in the session record of “%(title)s”.")
                    % {"excerpt": match.group(0), "title": session.title},
                    where,
                    match.start(),
                    match.end(),
                )
            )
        elif not _same_title(match.group("title"), speaker.position_title):
            findings.append(
                finding_at(
                    "training.title",
                    WARN,
                    _("“%(excerpt)s”: on that day %(name)s was “%(recorded)s”.")
                    % {
                        "excerpt": match.group(0),
                        "name": speaker.name,
                        "recorded": speaker.position_title,
                    },
                    where,
                    match.start(),
                    match.end(),
                )
            )
    for match in REPRESENTATIVE.finditer(text):
        organisation = match.group("org").split(None, 1)[-1].lower()
        known = any(
            organisation in f"{s.position_title} {s.organisation}".lower() for s in session.speakers
        )
        if not known:
            findings.append(
                finding_at(
                    "training.speaker_unknown",
                    WARN,
                    _("“%(excerpt)s” is not in the session record of “%(title)s”.")
                    % {"excerpt": match.group(0), "title": session.title},
                    where,
                    match.start(),
                    match.end(),
                )
            )
    return findings


def _organiser(where: Field, session: SessionEntry) -> list[Finding]:
    if not session.organiser:
        return []
    findings = []
    for match in ORGANISED_BY.finditer(where.text):
        if PARENT_ORGANISER.match(match.group("org")):
            continue
        written = match.group("org").lower()
        recorded = session.organiser.lower()
        if written in recorded or recorded.startswith(written):
            continue
        if difflib.SequenceMatcher(None, written, recorded).ratio() >= 0.8:
            continue
        findings.append(
            finding_at(
                "training.organiser",
                WARN,
                _("“%(excerpt)s”: the session record names %(organiser)s as organiser.")
                % {"excerpt": match.group("org"), "organiser": session.organiser},
                where,
                match.start("org"),
                match.end("org"),
            )
        )
    return findings


def suggest_sessions(story: StoryInput, sessions: tuple[SessionEntry, ...]) -> list[Finding]:
    """Sessions of that day the story seems to cover but is not linked to."""
    if any(session.linked for session in sessions):
        return []
    return [
        Finding(
            "same_event.session",
            INFO,
            _("This looks like coverage of the session “%(title)s”; link it?")
            % {"title": session.title},
            excerpt=session.title,
            field="training",
            data={"session_id": session.id, "can_link": session.can_link},
        )
        for session in sessions
        if looks_like_coverage(session, story)
    ]
