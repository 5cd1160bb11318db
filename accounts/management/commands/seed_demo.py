"""Fill a development database with demo accounts (and whatever other apps register)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from accounts import demo


class Command(BaseCommand):
    help = (
        "Create or restore the demo accounts and other demo data (development only; "
        "safe to run again)."
    )

    @no_translations
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: demo accounts share a published password "
                "and must never reach a production database."
            )
        # The demo's own notification e-mails would bury the account table on the console.
        quiet_mail = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
        )
        with quiet_mail, transaction.atomic():
            for path in demo.DEMO_SEEDERS:
                import_string(path)()
            rows = demo.account_rows()
        self._print_table(rows)

    def _print_table(self, rows: list[tuple[str, str, str]]) -> None:
        header = ("E-mail", "Role and organisation", "Password")
        widths = [max(len(row[column]) for row in [header, *rows]) for column in range(3)]

        def line(row) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo accounts:"))
        self.stdout.write("")
        self.stdout.write(line(header).rstrip())
        self.stdout.write(line(["-" * width for width in widths]))
        for row in rows:
            self.stdout.write(line(row).rstrip())
        self.stdout.write("")
        self.stdout.write(
            f"Open {settings.SITE_URL.rstrip('/')}/ and sign in with one of these accounts."
        )
        self.stdout.write(
            "Editors and the admin will be asked to set up two-factor sign-in (an authenticator "
            "app) at their first sign-in."
        )
