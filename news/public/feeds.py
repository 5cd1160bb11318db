"""RSS and Atom feeds of published stories: everything, per Kanwil and per unit."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import cache, selectors
from .meta import SITE_NAME, absolute, story_url
from .rendering import respond_whole


class _StoryFeed(Feed):
    """What every feed says about a story."""

    feed_type = Rss201rev2Feed

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.lead

    def item_link(self, item) -> str:
        return story_url(item)

    def item_guid(self, item) -> str:
        return story_url(item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.published_at, item.updated_at)

    def item_author_name(self, item) -> str:
        return item.unit.name

    def item_categories(self, item) -> list[str]:
        return [item.category.name, *(tag.name for tag in item.tags.all())]


class LatestRss(_StoryFeed):
    """Every published story."""

    def title(self) -> str:
        return _("%(site)s: latest news") % {"site": SITE_NAME}

    def description(self) -> str:
        return _("News from the corrections units of Indonesia.")

    def link(self) -> str:
        return absolute(reverse("home"))

    def feed_url(self) -> str:
        return absolute(reverse("public:rss"))

    def items(self):
        return selectors.feed_stories()


class LatestAtom(LatestRss):
    """Every published story, as Atom."""

    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return absolute(reverse("public:atom"))


class KanwilRss(_StoryFeed):
    """The stories of one Kanwil's units."""

    def get_object(self, request, slug: str):
        kanwil = selectors.kanwil_by_slug(slug)
        if kanwil is None:
            raise Http404
        return kanwil

    def title(self, obj) -> str:
        return _("%(site)s: news of %(name)s") % {"site": SITE_NAME, "name": obj.name}

    def description(self, obj) -> str:
        return _("News from the units of %(name)s.") % {"name": obj.name}

    def link(self, obj) -> str:
        return absolute(reverse("public:kanwil", kwargs={"slug": obj.slug}))

    def feed_url(self, obj) -> str:
        return absolute(reverse("public:kanwil_rss", kwargs={"slug": obj.slug}))

    def items(self, obj):
        return selectors.feed_stories(kanwil=obj)


class KanwilAtom(KanwilRss):
    """The stories of one Kanwil's units, as Atom."""

    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def feed_url(self, obj) -> str:
        return absolute(reverse("public:kanwil_atom", kwargs={"slug": obj.slug}))


class UnitRss(_StoryFeed):
    """The stories of one unit."""

    def get_object(self, request, slug: str):
        unit = selectors.unit_by_slug(slug)
        if unit is None:
            raise Http404
        return unit

    def title(self, obj) -> str:
        return _("%(site)s: news of %(name)s") % {"site": SITE_NAME, "name": obj.name}

    def description(self, obj) -> str:
        return _("News from %(name)s.") % {"name": obj.name}

    def link(self, obj) -> str:
        return absolute(reverse("public:unit", kwargs={"slug": obj.slug}))

    def feed_url(self, obj) -> str:
        return absolute(reverse("public:unit_rss", kwargs={"slug": obj.slug}))

    def items(self, obj):
        return selectors.feed_stories(unit=obj)


class UnitAtom(UnitRss):
    """The stories of one unit, as Atom."""

    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def feed_url(self, obj) -> str:
        return absolute(reverse("public:unit_atom", kwargs={"slug": obj.slug}))


def _cached_feed(feed_class: type[Feed], name: str):
    """A view serving a feed from the public cache."""
    feed = feed_class()

    @require_safe
    def view(request, **kwargs):
        key = cache.page_key("feed", name, *sorted(kwargs.items()))
        return respond_whole(key, lambda: feed(request, **kwargs))

    view.__name__ = view.__qualname__ = f"{name}_feed"
    view.__doc__ = feed_class.__doc__
    return view


latest_rss = _cached_feed(LatestRss, "latest_rss")
latest_atom = _cached_feed(LatestAtom, "latest_atom")
kanwil_rss = _cached_feed(KanwilRss, "kanwil_rss")
kanwil_atom = _cached_feed(KanwilAtom, "kanwil_atom")
unit_rss = _cached_feed(UnitRss, "unit_rss")
unit_atom = _cached_feed(UnitAtom, "unit_atom")
