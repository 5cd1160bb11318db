"""The pure-Python catalogue compiler and its --check mode."""

import gettext
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

HEADER = """\
# Test catalogue.
#, fuzzy
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: id\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""

COMPLETE = (
    HEADER
    + """
msgid "Publish"
msgstr "Terbitkan"

msgctxt "news status"
msgid "Draft"
msgstr "Draf"

msgid "%(count)s unit"
msgid_plural "%(count)s units"
msgstr[0] "%(count)s unit kerja"

#~ msgid "Removed long ago"
#~ msgstr ""
"""
)

INCOMPLETE = (
    HEADER
    + """
msgid "Publish"
msgstr "Terbitkan"

msgid "Reject"
msgstr ""

#, fuzzy
msgid "Review"
msgstr "Tinjauan lama"

msgid "%(count)s news item"
msgid_plural "%(count)s news items"
msgstr[0] ""
"""
)


def write_catalogue(root: Path, text: str, language: str = "id", domain: str = "django") -> Path:
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{domain}.po"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("compile_translations", *args, stdout=out)
    return out.getvalue()


def test_compiles_every_catalogue_to_a_readable_mo(tmp_path):
    write_catalogue(tmp_path, COMPLETE)
    write_catalogue(tmp_path, COMPLETE, domain="djangojs")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        output = run()

    assert "django.mo: compiled" in output
    assert "djangojs.mo: compiled" in output
    mo_path = tmp_path / "id" / "LC_MESSAGES" / "django.mo"
    with mo_path.open("rb") as stream:
        catalogue = gettext.GNUTranslations(stream)
    # Looked up through aliases, so makemessages never mistakes these for portal strings.
    single, plural, in_context = catalogue.gettext, catalogue.ngettext, catalogue.pgettext
    assert single("Publish") == "Terbitkan"
    assert in_context("news status", "Draft") == "Draf"
    assert plural("%(count)s unit", "%(count)s units", 3) == "%(count)s unit kerja"
    assert single("Removed long ago") == "Removed long ago"


def test_leaves_an_unchanged_mo_alone(tmp_path):
    write_catalogue(tmp_path, COMPLETE)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        run()
        output = run()
    assert "django.mo: up to date" in output


def test_compiling_skips_untranslated_and_fuzzy_entries(tmp_path):
    write_catalogue(tmp_path, INCOMPLETE)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        output = run()

    assert "1 of 4 messages translated" in output
    with (tmp_path / "id" / "LC_MESSAGES" / "django.mo").open("rb") as stream:
        catalogue = gettext.GNUTranslations(stream)
    single = catalogue.gettext
    assert single("Publish") == "Terbitkan"
    assert single("Review") == "Review"


def test_check_passes_on_a_complete_catalogue_and_writes_nothing(tmp_path):
    write_catalogue(tmp_path, COMPLETE)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        output = run("--check")
    assert "All entries translated" in output
    assert not list(tmp_path.rglob("*.mo"))


def test_check_lists_every_untranslated_fuzzy_and_plural_entry(tmp_path):
    write_catalogue(tmp_path, INCOMPLETE)
    with override_settings(LOCALE_PATHS=[tmp_path]), pytest.raises(CommandError) as caught:
        run("--check")

    message = str(caught.value)
    assert "3 translation entries" in message
    assert "untranslated: 'Reject'" in message
    assert "fuzzy: 'Review'" in message
    assert "untranslated: '%(count)s news item'" in message
    assert "Publish" not in message
    # The (fuzzy) header entry is not a problem.
    assert "''" not in message


def test_check_wants_every_plural_form_the_header_announces(tmp_path):
    text = COMPLETE.replace("nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);")
    write_catalogue(tmp_path, text)
    with override_settings(LOCALE_PATHS=[tmp_path]), pytest.raises(CommandError) as caught:
        run("--check")
    assert "untranslated: '%(count)s unit'" in str(caught.value)


def test_check_fails_without_catalogues_but_compiling_does_not(tmp_path):
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert "nothing to compile" in run()
        with pytest.raises(CommandError, match="No translation catalogues"):
            run("--check")


def test_check_exits_non_zero_from_the_command_line(tmp_path):
    write_catalogue(tmp_path, INCOMPLETE)
    code = (
        "import django, sys\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        f"settings.LOCALE_PATHS = [{str(tmp_path)!r}]\n"
        "from django.core.management import execute_from_command_line\n"
        "execute_from_command_line(['manage.py', 'compile_translations', '--check'])\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "humas_portal.settings_test"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "untranslated: 'Reject'" in result.stderr
