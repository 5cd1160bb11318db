"""Demo data for development: sample people who can sign in straight away.

`manage.py seed_demo` runs every seeder listed in DEMO_SEEDERS, in order, inside one
transaction. Each seeder is a callable without arguments that must be idempotent: running it
again restores its demo data instead of adding more. Later apps add their demo content (stories,
trainings) by appending the dotted path of their own seeder, e.g. "news.demo.seed_stories";
such seeders find the demo people with `demo_user(email)`.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from .models import Directorate, Kanwil, Role, RoleAssignment, Unit, User
from .nip import validate_nip
from .services import grant_role

# Demo data is refused outside DEBUG, so this well-known password never reaches production.
DEMO_PASSWORD = "humas-demo-2025"  # noqa: S105 - published on purpose for local demos


@dataclass(frozen=True)
class DemoAccount:
    """One demo person and the single role they hold.

    Exactly one of unit, kanwil and directorate names (by slug) the organisation of the role.
    """

    email: str
    full_name: str
    position: str
    nip: str  # 18 bare digits
    role: str
    unit: str = ""
    kanwil: str = ""
    directorate: str = ""
    django_admin: bool = False

    def __post_init__(self) -> None:
        if len([slug for slug in (self.unit, self.kanwil, self.directorate) if slug]) != 1:
            raise ValueError(f"{self.email}: name exactly one of unit, kanwil and directorate.")

    @property
    def organisation(self) -> tuple[str, str]:
        """Which kind of organisation the role is scoped to, and its slug."""
        if self.unit:
            return "unit", self.unit
        if self.kanwil:
            return "kanwil", self.kanwil
        return "directorate", self.directorate


DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount(
        email="operator.palu@humas.test",
        full_name="Nur Aisyah",
        position="Pengelola Humas",
        nip="199203142018012004",
        role=Role.OPERATOR,
        unit="lapas-perempuan-kelas-iii-palu",
    ),
    DemoAccount(
        email="operator.pelaihari@humas.test",
        full_name="Muhammad Rizky Pratama",
        position="Pengelola Humas",
        nip="199507222020011003",
        role=Role.OPERATOR,
        unit="rutan-kelas-iib-pelaihari",
    ),
    DemoAccount(
        email="editor.sulteng@humas.test",
        full_name="Andi Sri Wahyuni",
        position="Pranata Hubungan Masyarakat Ahli Muda",
        nip="198805052010122002",
        role=Role.EDITOR,
        kanwil="sulteng",
    ),
    DemoAccount(
        email="editor.kalsel@humas.test",
        full_name="Ahmad Fauzan Noor",
        position="Pranata Hubungan Masyarakat Ahli Pertama",
        nip="199001172014031005",
        role=Role.EDITOR,
        kanwil="kalsel",
    ),
    DemoAccount(
        email="admin@humas.test",
        full_name="Rina Kusumawati",
        position="Kepala Subbagian Hubungan Masyarakat",
        nip="198509102009122001",
        role=Role.ADMIN,
        directorate="ditjenpas",
        django_admin=True,
    ),
    DemoAccount(
        email="staff@humas.test",
        full_name="Fadli Rahman",
        position="Analis Sumber Daya Manusia Aparatur",
        nip="199302282019021006",
        role=Role.STAFF,
        kanwil="sulteng",
    ),
]

# Dotted paths of the demo seeders, run in this order. Accounts come first: later seeders
# build on the demo people.
DEMO_SEEDERS: list[str] = [
    "accounts.demo.seed_accounts",
    "news.demo.seed_stories",
    "news.demo.seed_share_kit",
    "directory.demo.seed_directory",
    "training.demo.seed_training",
    "odon.demo.seed_odon",
]


ORGANISATION_MODELS = {"unit": Unit, "kanwil": Kanwil, "directorate": Directorate}


def _organisation_of(account: DemoAccount) -> dict[str, Unit | Kanwil | Directorate]:
    """The keyword argument naming the account's organisation, for grant_role."""
    field, slug = account.organisation
    return {field: ORGANISATION_MODELS[field].objects.get(slug=slug)}


def _seed_account(account: DemoAccount) -> User:
    """Create or restore one demo person, their verified address and their role."""
    validate_nip(account.nip)
    profile = {
        "full_name": account.full_name,
        "position": account.position,
        "nip": account.nip,
        "is_active": True,
        "is_staff": account.django_admin,
        "is_superuser": account.django_admin,
    }
    user = User.objects.filter(email__iexact=account.email).first()
    if user is None:
        user = User.objects.create_user(email=account.email, password=DEMO_PASSWORD, **profile)
    else:
        for name, value in profile.items():
            setattr(user, name, value)
        user.set_password(DEMO_PASSWORD)
        user.full_clean(exclude=["password"])
        user.save()

    # allauth signs in only people with a verified address (ACCOUNT_EMAIL_VERIFICATION).
    EmailAddress.objects.filter(user=user, primary=True).exclude(email=user.email).update(
        primary=False
    )
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )

    grant_role(person=user, role=account.role, by=None, **_organisation_of(account))
    return user


def seed_accounts() -> list[User]:
    """Create or restore every demo account; return them in DEMO_ACCOUNTS order.

    Editors and the admin get no authenticator, so they set up two-factor at first sign-in.
    """
    return [_seed_account(account) for account in DEMO_ACCOUNTS]


def demo_user(email: str) -> User:
    """One demo person, for seeders that build on the demo accounts."""
    return User.objects.get(email__iexact=email)


def _organisation_label(assignment: RoleAssignment) -> str:
    if assignment.unit_id:
        return assignment.unit.name
    if assignment.kanwil_id:
        return f"Kanwil {assignment.kanwil.short_name} ({assignment.kanwil.province})"
    return assignment.directorate.short_name


def account_rows() -> list[tuple[str, str, str]]:
    """(e-mail, role and organisation, password) of every demo account, for the summary table."""
    rows = []
    for account in DEMO_ACCOUNTS:
        field, slug = account.organisation
        assignment = RoleAssignment.objects.select_related("unit", "kanwil", "directorate").get(
            user__email__iexact=account.email, role=account.role, **{f"{field}__slug": slug}
        )
        role = f"{assignment.get_role_display()}, {_organisation_label(assignment)}"
        if account.django_admin:
            role += " (+ Django admin)"
        rows.append((account.email, role, DEMO_PASSWORD))
    return rows
