"""Rebuild the One Day One News roll-up from the stories' workflow steps."""

from django.core.management.base import BaseCommand

from odon.rollup import rebuild


class Command(BaseCommand):
    help = "Recompute the daily roll-up from the stories (run once after installing, or to repair)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} submitted stories counted.")
