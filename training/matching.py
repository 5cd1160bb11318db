"""Tie rows of an attendance file to people (or unit rooms), in a fixed number of queries.

A *person* is a staff directory record (``directory.StaffMember``, keyed by NIP), a portal
login, or both when the record is linked to the login; a match always carries both ids where
both exist, so the credit lands on the directory record and follows the login.

The rules, first that applies wins:

1. NIP: an 18-digit NIP written in the display name (spaces, dots or hyphens between its parts
   allowed) finds the directory record with that NIP, else the login with that NIP.
2. E-mail: the row's e-mail address (any case) finds the login with it, else the one directory
   record with it (two records sharing an address match neither).
3. Unit and name: a unit's name (in full, without its class, or abbreviated: "Lapas Palu",
   "LPP Palu") in the display name, and the rest of the display name is the name of exactly one
   person of that unit (directory records of the unit and logins with a role there). When the
   rest names nobody, the row is the unit's room if the unit is invited.
4. Name only: the display name (or a part between separators) is the name of exactly one person
   *within the session's invited scope*: invited units, the units and office of an invited
   Kanwil, invited directorates. A namesake elsewhere never matches, so a Sulteng session cannot
   credit someone of Kanwil Kalsel by name.

Everything else waits in the matching queue, where the organiser picks a directory record or a
login, a unit room, ignores the row, or creates the directory record on the spot.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
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


Person = tuple[int | None, int | None]  # (user id, directory record id)


@dataclass
class RowMatch:
    """What one row was matched to."""

    status: str = MatchStatus.UNMATCHED
    user_id: int | None = None
    invitee_id: int | None = None
    staff_id: int | None = None


@dataclass
class MatchResult:
    """Matches of every row, and where each matched person attends for."""

    matches: list[RowMatch]
    # user id -> (invitee id or None, organisation name)
    organisation_of: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    # directory record id -> (invitee id or None, organisation name), for records without login
    organisation_of_staff: dict[int, tuple[int | None, str]] = field(default_factory=dict)

    def count(self, *statuses: str) -> int:
        """Rows matched by any of the given rules."""
        return sum(1 for match in self.matches if match.status in statuses)


def _unique(found: set[Person]) -> Person | None:
    return next(iter(found)) if len(found) == 1 else None


class Matcher:
    """Loads what matching needs once per file and matches rows in memory."""

    def __init__(self, session: TrainingSession):
        self.session = session
        self._scoped_names: dict[str, set[Person]] | None = None
        self._units: list[tuple[str, int]] | None = None
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
    def units(self) -> list[tuple[str, int]]:
        if self._units is None:
            keys = [
                (key, pk)
                for pk, name in Unit.objects.filter(is_active=True).values_list("pk", "name")
                for key in unit_keys(name)
            ]
            self._units = sorted(keys, key=lambda item: -len(item[0]))
        return self._units

    def invited_scope(self, prefix: str = "") -> Q:
        """Organisations the session invited, as a condition on anything with unit, kanwil
        and directorate keys (a role or a directory record)."""
        units = [pk for kind, pk in self.invitees if kind == "unit"]
        kanwils = [pk for kind, pk in self.invitees if kind == "kanwil"]
        directorates = [pk for kind, pk in self.invitees if kind == "directorate"]
        return (
            Q(**{f"{prefix}unit_id__in": units})
            | Q(**{f"{prefix}unit__kanwil_id__in": kanwils})
            | Q(**{f"{prefix}kanwil_id__in": kanwils})
            | Q(**{f"{prefix}directorate_id__in": directorates})
        )

    def _in_scope(self, unit_id, unit_kanwil_id, kanwil_id, directorate_id) -> bool:
        """Whether an organisation lies within the invited scope (the same rule as
        ``invited_scope``, in memory)."""
        invited = self.invitees
        if unit_id:
            return ("unit", unit_id) in invited or ("kanwil", unit_kanwil_id) in invited
        if kanwil_id:
            return ("kanwil", kanwil_id) in invited
        return ("directorate", directorate_id) in invited

    def _load_people(self, unit_ids: set[int]) -> dict[int, dict[str, set[Person]]]:
        """Names of the people of the given units, and (once) of the invited scope: one query
        over directory records and one over roles, each name normalised once."""
        from directory.models import StaffMember, StaffStatus

        people: dict[int, dict[str, set[Person]]] = defaultdict(lambda: defaultdict(set))
        load_scope = self._scoped_names is None
        if not load_scope and not unit_ids:
            return people
        scoped: dict[str, set[Person]] = defaultdict(set)
        where = Q(unit_id__in=unit_ids)
        if load_scope and self.invitees:
            where |= self.invited_scope()
        records = StaffMember.objects.filter(where, status=StaffStatus.ACTIVE).values_list(
            "full_name",
            "user_id",
            "pk",
            "unit_id",
            "unit__kanwil_id",
            "kanwil_id",
            "directorate_id",
        )
        for full_name, user_id, pk, unit_id, unit_kanwil, kanwil_id, directorate_id in records:
            name = normalise(full_name)
            if unit_id in unit_ids:
                people[unit_id][name].add((user_id, pk))
            if load_scope and self._in_scope(unit_id, unit_kanwil, kanwil_id, directorate_id):
                scoped[name].add((user_id, pk))
        logins = RoleAssignment.objects.filter(
            where, user__is_active=True, user__staff_record__isnull=True
        ).values_list(
            "user__full_name",
            "user_id",
            "unit_id",
            "unit__kanwil_id",
            "kanwil_id",
            "directorate_id",
        )
        for full_name, user_id, unit_id, unit_kanwil, kanwil_id, directorate_id in logins:
            name = normalise(full_name)
            if unit_id in unit_ids:
                people[unit_id][name].add((user_id, None))
            if load_scope and self._in_scope(unit_id, unit_kanwil, kanwil_id, directorate_id):
                scoped[name].add((user_id, None))
        if load_scope:
            self._scoped_names = scoped
        return people

    @property
    def scoped_names(self) -> dict[str, set[Person]]:
        """Names of the people within the invited scope."""
        if self._scoped_names is None:
            self._load_people(set())
        return self._scoped_names

    # --- Rules --------------------------------------------------------------------------

    def _unit_in(self, normalised: str) -> tuple[int, str] | None:
        padded = f" {normalised} "
        for key, pk in self.units:
            if f" {key} " in padded:
                return pk, " ".join(padded.replace(f" {key} ", " ", 1).split())
        return None

    @staticmethod
    def _by_name(display_name: str, people: dict[str, set[Person]]) -> Person | None:
        found = {
            person
            for candidate in name_candidates(display_name)
            for person in people.get(candidate, ())
        }
        return _unique(found)

    def _identities(self, rows: list[ParsedRow]) -> tuple[dict, dict]:
        """People by NIP and by e-mail address for the NIPs and addresses in the file."""
        from directory.models import StaffMember

        nips = {nip_in(row.name) for row in rows} - {""}
        emails = {row.email.strip().lower() for row in rows if "@" in row.email}
        by_nip: dict[str, Person] = {}
        by_email: dict[str, Person] = {}
        if nips:
            for nip, pk, staff_id in User.objects.filter(nip__in=nips).values_list(
                "nip", "pk", "staff_record__id"
            ):
                by_nip[nip] = (pk, staff_id)
            for nip, user_id, pk in StaffMember.objects.filter(nip__in=nips).values_list(
                "nip", "user_id", "pk"
            ):
                by_nip[nip] = (user_id, pk)
        if emails:
            shared: dict[str, set[Person]] = defaultdict(set)
            for email, user_id, pk in (
                StaffMember.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails)
                .values_list("email_lower", "user_id", "pk")
            ):
                shared[email].add((user_id, pk))
            by_email = {email: found.pop() for email, found in shared.items() if len(found) == 1}
            for email, pk, staff_id in (
                User.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails)
                .values_list("email_lower", "pk", "staff_record__id")
            ):
                by_email[email] = (pk, staff_id)
        return by_nip, by_email

    def match(self, rows: list[ParsedRow]) -> MatchResult:
        """Match every row; rows are looked at in order, lookups are shared."""
        by_nip, by_email = self._identities(rows)
        units_in = [self._unit_in(normalise(row.name)) for row in rows]
        unit_people = self._load_people({found[0] for found in units_in if found})
        matches = [
            self._match_row(row, found, by_nip, by_email, unit_people)
            for row, found in zip(rows, units_in, strict=True)
        ]
        result = MatchResult(matches=matches)
        result.organisation_of = self.organisations({m.user_id for m in matches} - {None})
        result.organisation_of_staff = self.organisations_of_staff(
            {m.staff_id for m in matches if m.staff_id and not m.user_id}
        )
        return result

    def _match_row(self, row, found, by_nip, by_email, unit_people) -> RowMatch:
        nip = nip_in(row.name)
        if nip in by_nip:
            return RowMatch(MatchStatus.NIP, *_ids(by_nip[nip]))
        email = row.email.strip().lower()
        if email in by_email:
            return RowMatch(MatchStatus.EMAIL, *_ids(by_email[email]))
        if found is not None:
            unit_id, rest = found
            person = self._by_name(rest, unit_people.get(unit_id, {})) if rest else None
            if person is not None:
                return RowMatch(MatchStatus.UNIT_NAME, *_ids(person))
            invitee = self.invitees.get(("unit", unit_id))
            if invitee is not None:
                return RowMatch(MatchStatus.GROUP, invitee_id=invitee.pk)
        person = self._by_name(row.name, self.scoped_names)
        if person is not None:
            return RowMatch(MatchStatus.NAME, *_ids(person))
        return RowMatch()

    def _invitee_for(self, key: tuple[str, int] | None, order: int):
        invitee = self.invitees.get(key) if key else None
        return invitee, (order if invitee is not None else order + 10)

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
            invitee, score = self._invitee_for(key, order)
            if user_id not in rank or score < rank[user_id]:
                rank[user_id] = score
                result[user_id] = (invitee.pk if invitee else None, name)
        for user_id in user_ids:
            result.setdefault(user_id, (None, ""))
        return result

    def organisations_of_staff(self, staff_ids: set[int]) -> dict[int, tuple[int | None, str]]:
        """For each directory record: the invitee it attends for (its unit, else the unit's
        Kanwil, else its own Kanwil office or directorate) and its organisation's name."""
        from directory.models import StaffMember

        if not staff_ids:
            return {}
        result = {}
        rows = StaffMember.objects.filter(pk__in=staff_ids).values_list(
            "pk",
            "unit_id",
            "unit__name",
            "unit__kanwil_id",
            "kanwil_id",
            "kanwil__name",
            "directorate_id",
            "directorate__name",
        )
        for pk, unit_id, unit_name, unit_kanwil, kanwil_id, kanwil_name, dir_id, dir_name in rows:
            if unit_id:
                invitee = self.invitees.get(("unit", unit_id)) or self.invitees.get(
                    ("kanwil", unit_kanwil)
                )
                name = unit_name
            elif kanwil_id:
                invitee, name = self.invitees.get(("kanwil", kanwil_id)), kanwil_name
            else:
                invitee, name = self.invitees.get(("directorate", dir_id)), dir_name
            result[pk] = (invitee.pk if invitee else None, name)
        return result


def _ids(person: Person) -> tuple[int | None, None, int | None]:
    """A person as the (user_id, invitee_id, staff_id) of a RowMatch."""
    return person[0], None, person[1]
