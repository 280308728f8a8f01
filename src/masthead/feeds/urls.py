"""Feeds, sitemaps and robots.txt; included before Wagtail's page tree, which serves the rest.

"feed" and "atom" are reserved slugs (masthead.core.models.RESERVED_SLUGS), so no page hides
these routes and no route hides a page.
"""

from django.urls import path, re_path

from masthead.feeds import views

app_name = "feeds"

SECTION = r"^(?P<section_path>(?:[^/]+/)+)"

urlpatterns = [
    path("feed/", views.site_rss, name="site"),
    path("feed/atom/", views.site_atom, name="site_atom"),
    path("tags/<str:slug>/feed/", views.tag_rss, name="tag"),
    path("tags/<str:slug>/feed/atom/", views.tag_atom, name="tag_atom"),
    path("authors/<str:slug>/feed/", views.author_rss, name="author"),
    path("authors/<str:slug>/feed/atom/", views.author_atom, name="author_atom"),
    re_path(SECTION + r"feed/$", views.section_rss, name="section"),
    re_path(SECTION + r"feed/atom/$", views.section_atom, name="section_atom"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_part"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
