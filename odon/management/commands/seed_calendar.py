"""Fill the working-day calendar from the holidays package."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from odon.services import seed_calendar


class Command(BaseCommand):
    help = (
        "Add Indonesia's holidays and joint-leave days for some years (default: last, this, next)."
    )

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int)

    def handle(self, *args, years, **options):
        this_year = timezone.now().year
        chosen = years or [this_year - 1, this_year, this_year + 1]
        added = seed_calendar(years=chosen)
        self.stdout.write(f"{added} days off added for {', '.join(map(str, chosen))}.")
