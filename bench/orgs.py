"""Units, their operators and the Kanwil editors of the benchmark data set."""

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.text import slugify

from accounts.models import Kanwil, Role, RoleAssignment, Unit, User
from bench.corpus_places import (
    FIRST_NAMES,
    HEAD_TITLE,
    LAST_NAMES,
    TOWNS,
    UNIT_KINDS,
    UNITS_PER_KANWIL,
)

EMAIL_DOMAIN = "bench.humas.test"
PREFIXES = sorted((kind[1] for kind in UNIT_KINDS), key=len, reverse=True)
CLASS_WORD = re.compile(r"^Kelas (?:IIA|IIB|III|II|I) ")


@dataclass
class UnitInfo:
    """What story generation needs to know about one unit."""

    id: int
    kanwil_id: int
    operator_id: int
    city: str
    weight: float
    fields: dict[str, str] = field(default_factory=dict)


def person_name(rng: random.Random) -> str:
    """An Indonesian-looking full name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def short_name(name: str) -> tuple[str, str]:
    """("Lapas Sragen", "Sragen") for "Lapas Kelas IIB Sragen"."""
    for prefix in PREFIXES:
        if name.startswith(prefix + " "):
            town = CLASS_WORD.sub("", name[len(prefix) + 1 :])
            return f"{prefix} {town}", town
    return name, name.split(" ")[-1]


def _new_units(rng: random.Random, target: int) -> list[Unit]:
    """Generated units that bring each Kanwil to its share of target, with valid classes."""
    existing = list(Unit.objects.select_related("kanwil"))
    names = {unit.name for unit in existing}
    taken = {(unit.unit_type, short_name(unit.name)[1]) for unit in existing}
    have = Counter(unit.kanwil.slug for unit in existing)
    scale = target / sum(UNITS_PER_KANWIL.values())
    kinds = [(kind[0], kind[1], kind[3]) for kind in UNIT_KINDS]
    kind_weights = [kind[2] for kind in UNIT_KINDS]
    new = []
    for kanwil in Kanwil.objects.order_by("slug"):
        want = round(UNITS_PER_KANWIL.get(kanwil.slug, 10) * scale) - have[kanwil.slug]
        towns = TOWNS.get(kanwil.slug) or [kanwil.province]
        town_weights = [1 / (rank + 1) ** 0.6 for rank in range(len(towns))]
        for _attempt in range(want * 50):
            if want <= 0:
                break
            unit_type, prefix, classes = rng.choices(kinds, weights=kind_weights)[0]
            unit_class = rng.choices([c for c, _w in classes], weights=[w for _c, w in classes])[0]
            place, _bar, city = rng.choices(towns, weights=town_weights)[0].partition("|")
            name = f"{prefix} Kelas {unit_class} {place}" if unit_class else f"{prefix} {place}"
            if name in names or (unit_type, place) in taken:
                continue
            names.add(name)
            taken.add((unit_type, place))
            new.append(
                Unit(
                    name=name,
                    slug=slugify(name)[:120],
                    unit_type=unit_type,
                    unit_class=unit_class,
                    city=city or place,
                    kanwil=kanwil,
                )
            )
            want -= 1
    return new


def _user(email: str, full_name: str) -> User:
    return User(email=email, full_name=full_name, password="!" + get_random_string(40))


@transaction.atomic
def build_organisation(rng: random.Random, target_units: int) -> list[UnitInfo]:
    """Add units up to target_units, an operator for each unit and an editor for each Kanwil."""
    Unit.objects.bulk_create(_new_units(rng, target_units))
    units = list(Unit.objects.select_related("kanwil").order_by("id"))
    kanwils = list(Kanwil.objects.order_by("id"))
    operators = User.objects.bulk_create(
        [_user(f"operator.{unit.slug}@{EMAIL_DOMAIN}", person_name(rng)) for unit in units]
    )
    editors = User.objects.bulk_create(
        [_user(f"editor.{kanwil.slug}@{EMAIL_DOMAIN}", person_name(rng)) for kanwil in kanwils]
    )
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(user=user, role=Role.OPERATOR, unit=unit)
            for user, unit in zip(operators, units, strict=True)
        ]
        + [
            RoleAssignment(user=user, role=Role.EDITOR, kanwil=kanwil)
            for user, kanwil in zip(editors, kanwils, strict=True)
        ]
    )
    kakanwil = {kanwil.pk: person_name(rng) for kanwil in kanwils}
    infos = []
    for unit, operator in zip(units, operators, strict=True):
        unit_short, town = short_name(unit.name)
        infos.append(
            UnitInfo(
                id=unit.pk,
                kanwil_id=unit.kanwil_id,
                operator_id=operator.pk,
                city=unit.city,
                # Some units write far more than others.
                weight=rng.lognormvariate(0, 0.8),
                fields={
                    "unit": unit.name,
                    "unit_short": unit_short,
                    "town": town,
                    "head_title": HEAD_TITLE.get(unit.unit_type, "Kepala"),
                    "head_name": person_name(rng),
                    "kanwil": f"Kanwil Ditjenpas {unit.kanwil.province}",
                    "kakanwil": kakanwil[unit.kanwil_id],
                },
            )
        )
    by_kanwil = Counter(unit.kanwil_id for unit in units)
    print(
        f"  {len(units)} units over {len(by_kanwil)} Kanwil "
        f"({min(by_kanwil.values())}–{max(by_kanwil.values())} each), "
        f"{len(operators)} operators, {len(editors)} editors"
    )
    return infos
