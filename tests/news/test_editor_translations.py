"""The story editor's own words (django-prose-editor's JavaScript) are translated too.

The editor asks Django's JavaScript catalogue for its dialog words and names its toolbar buttons
in English. static/js/story-editor.js lists both, so makemessages collects them into djangojs.po
and `make check-translations` fails while one is untranslated; these tests keep that list in
step with the installed editor.
"""

import re
from pathlib import Path

import django_prose_editor
import polib
from django.conf import settings
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

EDITOR_FILE = Path(settings.BASE_DIR) / "static" / "js" / "story-editor.js"
PACKAGE = Path(django_prose_editor.__file__).parent


def _gettext_calls() -> set[str]:
    return set(re.findall(r'gettext\("([^"]+)"\)', EDITOR_FILE.read_text(encoding="utf-8")))


def _package_strings() -> set[str]:
    """Every string the installed editor's JavaScript passes to gettext()."""
    strings = set()
    for catalogue in PACKAGE.glob("locale/*/LC_MESSAGES/djangojs.po"):
        strings.update(entry.msgid for entry in polib.pofile(str(catalogue)) if entry.msgid)
    return strings


def test_every_string_of_the_editor_is_listed_for_makemessages():
    assert _package_strings(), "django-prose-editor ships no djangojs catalogue any more"
    assert _package_strings() <= _gettext_calls()


def test_every_toolbar_name_the_editor_uses_is_mapped():
    script = (PACKAGE / "static" / "django_prose_editor" / "editor.js").read_text()
    # Toolbar buttons: material("icon", "name") and the heading buttons ("heading N").
    names = set(re.findall(r'material\("[a-z_0-9]+","([^"]+)"\)', script))
    mapped = set(re.findall(r'^\s*"([^"]+)": ', EDITOR_FILE.read_text(), re.MULTILINE))
    assert names, "the editor's toolbar is built differently now: update story-editor.js"
    assert names <= mapped, names - mapped


def test_the_javascript_catalogue_speaks_indonesian(rf):
    with translation.override("id"):
        response = JavaScriptCatalog.as_view()(rf.get("/jsi18n/"))
    text = response.content.decode()
    for english, indonesian in (("Edit Link", "Sunting tautan"), ("Bold", "Tebal")):
        assert f'"{english}": "{indonesian}"' in text
