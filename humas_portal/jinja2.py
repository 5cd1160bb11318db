"""The Jinja2 environment of the public news site's templates.

The public pages are the portal's hot path (every visitor, no sign-in); Jinja2 compiles their
templates to Python and renders them several times faster than the Django template language,
which the rest of the portal keeps. Translations come from Django's catalogue, so the same
``makemessages`` run collects both: write ``{{ _("Text") }}`` and, with placeholders,
``{{ _("Text %(name)s")|format(name=value) }}``.
"""

from collections.abc import Callable
from functools import cache, partial

from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import BaseLoader, Environment

from accounts.templatetags.portal_dates import (
    iso_datetime,
    long_date,
    long_datetime,
    time_zone_label,
)
from news.templatetags.news_photos import photo_url
from news.templatetags.news_public import rendition


def truncatewords(text: str, count: int) -> str:
    """At most ``count`` words, with an ellipsis when cut: Django's ``truncatewords`` without
    its lazy-text machinery, which cost more than the rest of a card."""
    words = str(text or "").split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]) + " …"


def truncatechars(text: str, length: int) -> str:
    """At most ``length`` characters, the last an ellipsis when cut: Django's
    ``truncatechars`` for the plain text of descriptions, without its lazy machinery."""
    text = str(text or "")
    if len(text) <= length:
        return text
    return text[: max(length - 1, 0)] + "…"


@cache
def static_url(path: str) -> str:
    """``static()`` once per file and process: the manifest does not change while running."""
    return static(path)


def gettext(message: str) -> str:
    """Django's ``gettext``, remembered per language: a page asks for dozens of strings."""
    return _translated(translation.get_language(), message)


@cache
def gettext_in(language: str | None) -> Callable[[str], str]:
    """The remembered ``gettext`` of one language. Rendering passes it in the context, where
    ``_()`` finds it before the global one: a page's strings then skip looking up the active
    language, which costs more than the translation itself."""
    return partial(_translated, language)


@cache
def _translated(language: str | None, message: str) -> str:
    # The catalogues are loaded once per process and never change while it runs.
    with translation.override(language):
        return translation.gettext(message)


class _Translations:
    """What Jinja2's i18n extension calls: the remembered gettext, Django's others."""

    gettext = staticmethod(gettext)
    ngettext = staticmethod(translation.ngettext)
    pgettext = staticmethod(translation.pgettext)
    npgettext = staticmethod(translation.npgettext)


def url(name: str, *args, **kwargs) -> str:
    """``reverse()`` for templates: ``url("public:search")``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


class IndentStrippingLoader(BaseLoader):
    """Templates without the indentation of their lines.

    Indentation keeps the templates readable and is worth nothing to a browser: on the home
    page it is a quarter of the bytes. The public templates hold no <pre> or <textarea>,
    whose content is whitespace-sensitive; the text of stories comes from variables."""

    def __init__(self, loader: BaseLoader):
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        return "\n".join(line.strip() for line in source.splitlines()), filename, uptodate


def environment(**options) -> Environment:
    """The environment Django's Jinja2 backend builds the public templates with."""
    # Block tags leave no blank lines or indentation behind: smaller pages, same markup.
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    if "loader" in options:
        options["loader"] = IndentStrippingLoader(options["loader"])
    env = Environment(extensions=["jinja2.ext.i18n"], **options)  # noqa: S701 - autoescape is on
    env.install_gettext_translations(_Translations, newstyle=False)
    env.globals.update(static=static_url, url=url, SITE_URL=settings.SITE_URL)
    env.filters.update(
        iso_datetime=iso_datetime,
        long_date=long_date,
        long_datetime=long_datetime,
        time_zone_label=time_zone_label,
        truncatewords=truncatewords,
        truncatechars=truncatechars,
        linebreaksbr=linebreaksbr,
        photo_url=photo_url,
        rendition=rendition,
    )
    return env
