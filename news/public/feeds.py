"""RSS and Atom feeds of published stories: everything, per Kanwil and per unit.

The feeds are written with Django's feed generators straight from the card rows (rows.py): a
feed is two queries (three with its Kanwil or unit) and no model instances.
"""

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import cache, paths, rows, selectors
from .meta import SITE_NAME, absolute
from .rendering import respond_whole

KINDS: dict[str, type[SyndicationFeed]] = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


@dataclass(frozen=True)
class Channel:
    """What a feed says about itself."""

    title: str
    description: str
    link: str


def write_feed(kind: str, channel: Channel, feed_url: str, items: list[rows.Card]) -> HttpResponse:
    """A feed of the given kind ("rss" or "atom") with one entry per story."""
    feed = KINDS[kind](
        title=channel.title,
        link=channel.link,
        description=channel.description,
        subtitle=channel.description,
        language=get_language(),
        feed_url=feed_url,
    )
    for card in items:
        url = absolute(card.url)
        feed.add_item(
            title=card.title,
            link=url,
            # Readers take RSS descriptions and Atom's type="html" summary as HTML: the lead is
            # plain text, so it is escaped once more here and shows as the characters typed.
            description=escape(card.lead),
            unique_id=url,
            pubdate=card.published_at,
            updateddate=max(card.published_at, card.updated_at),
            author_name=card.unit_name,
            categories=[card.category_name, *card.tags],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    if items:
        response["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
    return response


def _latest_channel(slug: str) -> tuple[Channel, dict]:
    channel = Channel(
        title=_("%(site)s: latest news") % {"site": SITE_NAME},
        description=_("News from the corrections units of Indonesia."),
        link=absolute(reverse("home")),
    )
    return channel, {}


def _kanwil_channel(slug: str) -> tuple[Channel, dict]:
    office = rows.office_by_slug(slug)
    if office is None:
        raise Http404
    channel = Channel(
        title=_("%(site)s: news of %(name)s") % {"site": SITE_NAME, "name": office.name},
        description=_("News from the units of %(name)s.") % {"name": office.name},
        link=absolute(office.url),
    )
    return channel, {"kanwil_id": office.pk}


def _unit_channel(slug: str) -> tuple[Channel, dict]:
    unit = rows.active_unit_by_slug(slug)
    if unit is None:
        raise Http404
    channel = Channel(
        title=_("%(site)s: news of %(name)s") % {"site": SITE_NAME, "name": unit.name},
        description=_("News from %(name)s.") % {"name": unit.name},
        link=absolute(unit.url),
    )
    return channel, {"unit_id": unit.pk}


SUBJECTS = {"latest": _latest_channel, "kanwil": _kanwil_channel, "unit": _unit_channel}


def _feed_url(subject: str, kind: str, slug: str) -> str:
    if subject == "latest":
        return absolute(reverse(f"public:{kind}"))
    return absolute(paths.slug_path(f"{subject}_{kind}", slug))


def _feed_view(subject: str, kind: str):
    """A view serving one feed from the public cache."""

    @require_safe
    def view(request, slug: str = ""):
        def build() -> HttpResponse:
            channel, narrowing = SUBJECTS[subject](slug)
            items = selectors.feed_stories(**narrowing)
            return write_feed(kind, channel, _feed_url(subject, kind, slug), items)

        return respond_whole(cache.page_key("feed", subject, kind, slug), build)

    view.__name__ = view.__qualname__ = f"{subject}_{kind}"
    view.__doc__ = f"The {kind.upper()} feed of {subject} stories."
    return view


latest_rss = _feed_view("latest", "rss")
latest_atom = _feed_view("latest", "atom")
kanwil_rss = _feed_view("kanwil", "rss")
kanwil_atom = _feed_view("kanwil", "atom")
unit_rss = _feed_view("unit", "rss")
unit_atom = _feed_view("unit", "atom")
