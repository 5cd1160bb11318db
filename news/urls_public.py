"""URLs of the public news site (anonymous visitors), in Indonesian like its readers.

The home page ("/", named "home") is routed by the project's URL map.
"""

from django.urls import path

from .public import feeds, sitemaps, views
from .views import share

app_name = "public"

urlpatterns = [
    path("berita/<slug:slug>/", views.story, name="story"),
    path("kanwil/<slug:slug>/", views.kanwil, name="kanwil"),
    path("kanwil/<slug:slug>/feed/rss/", feeds.kanwil_rss, name="kanwil_rss"),
    path("kanwil/<slug:slug>/feed/atom/", feeds.kanwil_atom, name="kanwil_atom"),
    path("upt/<slug:slug>/", views.unit, name="unit"),
    path("upt/<slug:slug>/feed/rss/", feeds.unit_rss, name="unit_rss"),
    path("upt/<slug:slug>/feed/atom/", feeds.unit_atom, name="unit_atom"),
    path("kategori/<slug:slug>/", views.category, name="category"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("cari/", views.search, name="search"),
    path("feed/rss/", feeds.latest_rss, name="rss"),
    path("feed/atom/", feeds.latest_atom, name="atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Short links printed on share cards and in captions; ?c= names the channel.
    path("b/<str:code>/", share.short_link, name="short_link"),
]
