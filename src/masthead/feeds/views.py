"""Thin views: feeds with conditional GET, the sitemap index and parts, robots.txt."""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import condition, require_safe

from masthead.feeds import feeds
from masthead.feeds import sitemap_entries as sitemap_data
from masthead.feeds.sitemap_xml import news_response, urlset_response
from masthead.feeds.sitemaps import NewsSitemap, sitemap_part


def conditional_feed(feed_class):
    """The feed as a view answering If-None-Match and If-Modified-Since with 304 Not Modified,
    from the ids and dates of its stories alone (one query), before anything is rendered."""
    feed = feed_class()
    view = condition(etag_func=feed.etag, last_modified_func=feed.last_modified)(feed)
    return require_safe(view)


site_rss = conditional_feed(feeds.StoryFeed)
site_atom = conditional_feed(feeds.SiteAtomFeed)
section_rss = conditional_feed(feeds.SectionFeed)
section_atom = conditional_feed(feeds.SectionAtomFeed)
tag_rss = conditional_feed(feeds.TagFeed)
tag_atom = conditional_feed(feeds.TagAtomFeed)
author_rss = conditional_feed(feeds.AuthorFeed)
author_atom = conditional_feed(feeds.AuthorAtomFeed)


@require_safe
@x_robots_tag
def sitemap_index(request):
    items = [
        SitemapIndexItem(url, lastmod) for url, lastmod in sitemap_data.index_locations(request)
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )


@require_safe
def sitemap_section(request, section):
    return urlset_response(request, sitemap_part(request, section))


@require_safe
def news_sitemap(request):
    return news_response(request, NewsSitemap(request))


@require_safe
def robots_txt(request):
    return HttpResponse(sitemap_data.robots_txt(), content_type="text/plain; charset=utf-8")
