"""Compile the translation catalogues without GNU gettext, or check they are complete."""

import os
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogue_paths() -> list[Path]:
    """Every <locale path>/<language>/LC_MESSAGES/*.po, in a stable order."""
    found: set[Path] = set()
    for locale_path in settings.LOCALE_PATHS:
        found.update(Path(locale_path).glob("*/LC_MESSAGES/*.po"))
    return sorted(found)


def plural_count(catalogue: polib.POFile) -> int | None:
    """The nplurals=N of the Plural-Forms header, if the header has one."""
    for part in catalogue.metadata.get("Plural-Forms", "").split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "nplurals" and value.strip().isdigit():
            return int(value.strip())
    return None


def entry_problem(entry: polib.POEntry, nplurals: int | None) -> str | None:
    """Why an entry cannot ship ("fuzzy", "untranslated"), or None when it is fine."""
    if entry.fuzzy:
        return "fuzzy"
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        expected = range(nplurals) if nplurals else sorted(forms) or [0]
        if any(not forms.get(index) for index in expected):
            return "untranslated"
        return None
    return None if entry.msgstr else "untranslated"


def describe(path: Path) -> str:
    """A path relative to the project when it lives inside it."""
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Replace the file atomically, and only when its content differs."""
    if path.is_file() and path.read_bytes() == data:
        return False
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


class Command(BaseCommand):
    help = (
        "Compile every locale/<language>/LC_MESSAGES/*.po file to .mo in pure Python "
        "(no GNU gettext needed). With --check, compile nothing and fail when any "
        "entry is untranslated or fuzzy."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only verify: exit non-zero listing every untranslated or fuzzy entry.",
        )

    def handle(self, *args, check: bool = False, **options):
        paths = catalogue_paths()
        if not paths:
            if check:
                raise CommandError("No translation catalogues (*.po) found under LOCALE_PATHS.")
            self.stdout.write("No translation catalogues (*.po) found; nothing to compile.")
            return
        if check:
            self.check_catalogues(paths)
        else:
            self.compile_catalogues(paths)

    def load(self, path: Path) -> polib.POFile:
        try:
            return polib.pofile(str(path), wrapwidth=0)
        except (OSError, ValueError) as error:
            raise CommandError(f"{describe(path)}: cannot read the catalogue: {error}") from error

    def check_catalogues(self, paths: list[Path]) -> None:
        problems = []
        for path in paths:
            catalogue = self.load(path)
            nplurals = plural_count(catalogue)
            for entry in catalogue:
                if entry.obsolete:
                    continue
                problem = entry_problem(entry, nplurals)
                if problem:
                    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
                    problems.append(
                        f"  {describe(path)}:{entry.linenum}: {problem}: {entry.msgid!r}{context}"
                    )
        if problems:
            raise CommandError(
                f"{len(problems)} translation entr{'y' if len(problems) == 1 else 'ies'} "
                "must be translated and reviewed (not fuzzy):\n" + "\n".join(problems)
            )
        self.stdout.write(
            self.style.SUCCESS(f"All entries translated in {len(paths)} catalogue(s).")
        )

    def compile_catalogues(self, paths: list[Path]) -> None:
        for path in paths:
            catalogue = self.load(path)
            target = path.with_suffix(".mo")
            changed = write_if_changed(target, catalogue.to_binary())
            total = len([entry for entry in catalogue if not entry.obsolete])
            shipped = len(catalogue.translated_entries())
            state = "compiled" if changed else "up to date"
            self.stdout.write(
                f"{describe(target)}: {state} ({shipped} of {total} messages translated)"
            )
