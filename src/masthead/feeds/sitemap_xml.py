"""The XML of a sitemap part and of the news sitemap, written by Django's XML generator (as its
syndication feeds are), element by element, straight from the stories' rows.

A part carries up to 50,000 URLs: Django's template loop spent more on each than reading the
story did. The generator escapes every text and refuses a character XML cannot hold.
"""

import io

from django.contrib.sitemaps.views import x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.xmlutils import SimplerXMLGenerator

from masthead.feeds.sitemap_entries import NewsEntry, SitemapEntry

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
URLSET = {"xmlns": SITEMAP_NS, "xmlns:image": "http://www.google.com/schemas/sitemap-image/1.1"}
NEWS_URLSET = {"xmlns": SITEMAP_NS, "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9"}


def url_element(xml: SimplerXMLGenerator, origin: str, entry: SitemapEntry, zone) -> None:
    xml.startElement("url", {})
    xml.addQuickElement("loc", origin + entry.location)
    if entry.lastmod:
        xml.addQuickElement("lastmod", entry.lastmod.astimezone(zone).isoformat())
    for image in entry.images:
        xml.startElement("image:image", {})
        xml.addQuickElement("image:loc", image)
        xml.endElement("image:image")
    xml.endElement("url")


def news_url_element(xml: SimplerXMLGenerator, origin: str, entry: NewsEntry, zone=None) -> None:
    xml.startElement("url", {})
    xml.addQuickElement("loc", origin + entry.location)
    xml.startElement("news:news", {})
    xml.startElement("news:publication", {})
    xml.addQuickElement("news:name", entry.publication_name)
    xml.addQuickElement("news:language", entry.language)
    xml.endElement("news:publication")
    xml.addQuickElement("news:publication_date", str(entry.publication_date))
    xml.addQuickElement("news:title", entry.title)
    xml.endElement("news:news")
    xml.endElement("url")


@x_robots_tag
def urlset_response(request, sitemap, urlset: dict = URLSET, element=url_element):
    """The page of `sitemap` that ?p= asks for (Django's sitemap view's answer: not found past
    the last page; Last-Modified where every entry has a lastmod)."""
    page = request.GET.get("p", 1)
    try:
        entries = sitemap.paginator.page(page).object_list
    except EmptyPage:
        raise Http404(f"Page {page} empty") from None
    except PageNotAnInteger:
        raise Http404(f"No page '{page}'") from None
    origin = f"{sitemap.get_protocol()}://{sitemap.get_domain()}"
    zone = timezone.get_current_timezone()
    stream = io.StringIO()
    xml = SimplerXMLGenerator(stream, "utf-8")
    xml.startDocument()
    xml.startElement("urlset", urlset)
    for entry in entries:
        element(xml, origin, entry, zone)
    xml.endElement("urlset")
    xml.endDocument()
    content = stream.getvalue()
    lastmods = [entry.lastmod for entry in entries]
    headers = None
    if lastmods and all(lastmods):
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return HttpResponse(content, content_type="application/xml", headers=headers)


def news_response(request, sitemap):
    return urlset_response(request, sitemap, NEWS_URLSET, news_url_element)
