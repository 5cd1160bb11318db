"""Tie rows of an attendance file to people (or unit rooms), in a fixed number of queries.

Order of the rules: the e-mail address; an 18-digit NIP in the display name; a unit's name in
the display name (then the person by name among that unit's people, else the unit's room);
the name alone when exactly one person carries it. Everything else waits in the matching queue.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.functions import Lower

from accounts.models import RoleAssignment, Unit, User

from .models import Invitee, MatchStatus, TrainingSession
from .parsers import ParsedRow

_NIP = re.compile(r"(?<!\d)(\d{8})[\s.\-]?(\d{6})[\s.\-]?(\d)[\s.\-]?(\d{3})(?!\d)")
_CLASS = re.compile(r"\bkelas\s+(?:iii|iib|iia|ii|i|iv)\b")
_SEPARATORS = re.compile(r"[-|/(),:;_\[\]–—]+")
MIN_NAME_LENGTH = 4
# Short forms people type in their Zoom names.
_ABBREVIATIONS = {
    "lapas perempuan": "lpp",
    "rutan perempuan": "rutan perempuan",
    "lapas narkotika": "lapas narkotika",
    "lembaga pemasyarakatan": "lapas",
    "rumah tahanan negara": "rutan",
}


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def nip_in(text: str) -> str:
    """An 18-digit NIP written in the text (spaces allowed between its parts), or ''."""
    match = _NIP.search(text)
    return "".join(match.groups()) if match else ""


def unit_keys(unit_name: str) -> set[str]:
    """Ways a unit's name appears in display names: in full, without its class, abbreviated."""
    full = normalise(unit_name)
    short = " ".join(_CLASS.sub(" ", full).split())
    keys = {full, short}
    for long_form, abbreviation in _ABBREVIATIONS.items():
        if short.startswith(long_form):
            keys.add(abbreviation + short[len(long_form) :])
    return {key for key in keys if len(key) >= MIN_NAME_LENGTH}


def name_candidates(display_name: str) -> list[str]:
    """The display name and its parts between separators, normalised."""
    parts = [display_name, *_SEPARATORS.split(display_name)]
    seen = []
    for part in parts:
        value = normalise(part)
        if len(value) >= MIN_NAME_LENGTH and value not in seen:
            seen.append(value)
    return seen


@dataclass
class RowMatch:
    """What one row was matched to."""

    status: str = MatchStatus.UNMATCHED
    user_id: int | None = None
    invitee_id: int | None = None


@dataclass
class MatchResult:
    """Matches of every row, and where each matched person attends for."""

    matches: list[RowMatch]
    # user id -> (invitee id or None, organisation name)
    organisation_of: dict[int, tuple[int | None, str]] = field(default_factory=dict)

    def count(self, *statuses: str) -> int:
        """Rows matched by any of the given rules."""
        return sum(1 for match in self.matches if match.status in statuses)


class Matcher:
    """Loads what matching needs once per file and matches rows in memory."""

    def __init__(self, session: TrainingSession):
        self.session = session
        self._names: dict[str, list[int]] | None = None
        self._units: list[tuple[str, int]] | None = None
        self._unit_people: dict[int, dict[str, list[int]]] | None = None
        self._invitees: dict[tuple[str, int], Invitee] | None = None

    # --- Lazily loaded lookups (one query each) ---------------------------------------

    @property
    def invitees(self) -> dict[tuple[str, int], Invitee]:
        if self._invitees is None:
            self._invitees = {}
            for invitee in Invitee.objects.filter(session=self.session).select_related(
                "unit", "kanwil", "directorate"
            ):
                if invitee.unit_id:
                    self._invitees[("unit", invitee.unit_id)] = invitee
                elif invitee.kanwil_id:
                    self._invitees[("kanwil", invitee.kanwil_id)] = invitee
                else:
                    self._invitees[("directorate", invitee.directorate_id)] = invitee
        return self._invitees

    @property
    def names(self) -> dict[str, list[int]]:
        if self._names is None:
            self._names = defaultdict(list)
            for pk, full_name in User.objects.filter(is_active=True).values_list("pk", "full_name"):
                self._names[normalise(full_name)].append(pk)
        return self._names

    @property
    def units(self) -> list[tuple[str, int]]:
        if self._units is None:
            keys = [
                (key, pk)
                for pk, name in Unit.objects.filter(is_active=True).values_list("pk", "name")
                for key in unit_keys(name)
            ]
            self._units = sorted(keys, key=lambda item: -len(item[0]))
        return self._units

    @property
    def unit_people(self) -> dict[int, dict[str, list[int]]]:
        if self._unit_people is None:
            self._unit_people = defaultdict(lambda: defaultdict(list))
            rows = RoleAssignment.objects.filter(
                unit__isnull=False, user__is_active=True
            ).values_list("unit_id", "user_id", "user__full_name")
            for unit_id, user_id, full_name in rows:
                people = self._unit_people[unit_id][normalise(full_name)]
                if user_id not in people:
                    people.append(user_id)
        return self._unit_people

    # --- Rules --------------------------------------------------------------------------

    def _unit_in(self, normalised: str) -> tuple[int, str] | None:
        padded = f" {normalised} "
        for key, pk in self.units:
            if f" {key} " in padded:
                return pk, " ".join(padded.replace(f" {key} ", " ", 1).split())
        return None

    def _by_name(self, display_name: str, people: dict[str, list[int]]) -> int | None:
        found = {
            pk for candidate in name_candidates(display_name) for pk in people.get(candidate, [])
        }
        return found.pop() if len(found) == 1 else None

    def match(self, rows: list[ParsedRow]) -> MatchResult:
        """Match every row; rows are looked at in order, lookups are shared."""
        emails = {row.email.strip().lower() for row in rows if "@" in row.email}
        by_email = (
            dict(
                User.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails)
                .values_list("email_lower", "pk")
            )
            if emails
            else {}
        )
        nips = {nip_in(row.name) for row in rows} - {""}
        by_nip = dict(User.objects.filter(nip__in=nips).values_list("nip", "pk")) if nips else {}
        matches = []
        for row in rows:
            matches.append(self._match_row(row, by_email, by_nip))
        result = MatchResult(matches=matches)
        result.organisation_of = self.organisations({m.user_id for m in matches} - {None})
        return result

    def _match_row(self, row: ParsedRow, by_email: dict, by_nip: dict) -> RowMatch:
        email = row.email.strip().lower()
        if email in by_email:
            return RowMatch(MatchStatus.EMAIL, user_id=by_email[email])
        nip = nip_in(row.name)
        if nip in by_nip:
            return RowMatch(MatchStatus.NIP, user_id=by_nip[nip])
        found = self._unit_in(normalise(row.name))
        if found is not None:
            unit_id, rest = found
            person = self._by_name(rest, self.unit_people.get(unit_id, {})) if rest else None
            if person is not None:
                return RowMatch(MatchStatus.UNIT_NAME, user_id=person)
            invitee = self.invitees.get(("unit", unit_id))
            if invitee is not None:
                return RowMatch(MatchStatus.GROUP, invitee_id=invitee.pk)
        person = self._by_name(row.name, self.names)
        if person is not None:
            return RowMatch(MatchStatus.NAME, user_id=person)
        return RowMatch()

    def organisations(self, user_ids: set[int]) -> dict[int, tuple[int | None, str]]:
        """For each person: the invitee they attend for (unit, else Kanwil, else directorate)."""
        if not user_ids:
            return {}
        result: dict[int, tuple[int | None, str]] = {}
        rank: dict[int, int] = {}
        rows = (
            RoleAssignment.objects.filter(user_id__in=user_ids)
            .values_list(
                "user_id",
                "unit_id",
                "unit__name",
                "kanwil_id",
                "kanwil__name",
                "directorate_id",
                "directorate__name",
            )
            .order_by("user_id", "id")
        )
        for user_id, unit_id, unit_name, kanwil_id, kanwil_name, dir_id, dir_name in rows:
            if unit_id:
                key, name, order = ("unit", unit_id), unit_name, 0
            elif kanwil_id:
                key, name, order = ("kanwil", kanwil_id), kanwil_name, 1
            else:
                key, name, order = ("directorate", dir_id), dir_name, 2
            invitee = self.invitees.get(key)
            score = order if invitee is not None else order + 10
            if user_id not in rank or score < rank[user_id]:
                rank[user_id] = score
                result[user_id] = (invitee.pk if invitee else None, name)
        for user_id in user_ids:
            result.setdefault(user_id, (None, ""))
        return result
