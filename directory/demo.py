"""Demo records of the staff directory: the demo people with logins, and some without."""

from accounts.models import Kanwil, Unit, User

from .models import StaffMember
from .services import link_by_nip

# People without a portal login; one of them joins the demo Zoom session with her NIP.
WITHOUT_LOGIN = [
    ("199007152015032004", "Siti Rohmah", "", "A.Md.", "lapas-perempuan-kelas-iii-palu", "II/c"),
    ("198811022012121003", "Hendra Saputra", "", "S.H.", "rutan-kelas-iib-pelaihari", "III/a"),
    ("199412192019032001", "Dewi Lestari", "", "S.Kom.", "lapas-perempuan-kelas-iii-palu", "III/a"),
]


def seed_directory() -> None:
    """Create the demo records once; logins with the same NIP are linked."""
    for nip, name, front, back, unit_slug, golongan in WITHOUT_LOGIN:
        StaffMember.objects.get_or_create(
            nip=nip,
            defaults={
                "full_name": name,
                "front_title": front,
                "back_title": back,
                "unit": Unit.objects.get(slug=unit_slug),
                "golongan": golongan,
                "position": "Penjaga Tahanan",
            },
        )
    for user in User.objects.exclude(nip="").prefetch_related("role_assignments"):
        assignment = user.role_assignments.first()
        if assignment is None or assignment.directorate_id:
            place = {"directorate": assignment.directorate} if assignment else None
        elif assignment.unit_id:
            place = {"unit": assignment.unit}
        else:
            place = {"kanwil": Kanwil.objects.get(pk=assignment.kanwil_id)}
        if place is None:
            continue
        StaffMember.objects.get_or_create(
            nip=user.nip, defaults={"full_name": user.full_name, "position": user.position, **place}
        )
    link_by_nip(nips=set(User.objects.exclude(nip="").values_list("nip", flat=True)))
