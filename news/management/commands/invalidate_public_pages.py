"""Make every cached public page stale, e.g. after a database restore."""

from django.core.management.base import BaseCommand, CommandError

from news.public import cache as public_cache


class Command(BaseCommand):
    help = (
        "Make every cached public page and feed stale, so the next requests are built from the "
        "database again. Run it after restoring the database."
    )

    def handle(self, *args, **options):
        before = public_cache.current_version()
        public_cache.invalidate()
        after = public_cache.current_version()
        if not after or after == before:
            raise CommandError("The cache could not be reached; cached pages are unchanged.")
        self.stdout.write("Cached public pages are stale; they are rebuilt on their next request.")
