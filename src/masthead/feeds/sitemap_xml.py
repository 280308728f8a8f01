"""The XML of a sitemap part and of the news sitemap, one string per <url>, joined.

A part carries up to 50,000 URLs: Django's template loop spent more on each than reading the
story did, so each <url> is one f-string here. Every value is escaped as the templates'
autoescape did (`&`, `<`, `>`, `"`, `'`), dates are printed as their `date:"c"` filter did
(in the current time zone), and nothing stands between two tags, as in their `{% spaceless %}`:
the same bytes as Django's sitemap view with the templates that were here before.
"""

import html

from django.contrib.sitemaps.views import x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import http_date

from masthead.feeds.sitemap_entries import NewsEntry, SitemapEntry

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n\n'
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET = f'<urlset {SITEMAP_NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
NEWS_URLSET = f'<urlset {SITEMAP_NS} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'


def _text(value) -> str:
    """A value as element text: escaped; whitespace alone dropped (nothing between two tags)."""
    text = html.escape(str(value))
    return "" if text.isspace() else text


def url_element(origin: str, entry: SitemapEntry, zone) -> str:
    lastmod = (
        f"<lastmod>{entry.lastmod.astimezone(zone).isoformat()}</lastmod>" if entry.lastmod else ""
    )
    images = "".join(
        f"<image:image><image:loc>{_text(image)}</image:loc></image:image>"
        for image in entry.images
    )
    return f"<url><loc>{_text(origin + entry.location)}</loc>{lastmod}{images}</url>"


def news_url_element(origin: str, entry: NewsEntry, zone=None) -> str:
    return (
        f"<url><loc>{_text(origin + entry.location)}</loc><news:news><news:publication>"
        f"<news:name>{_text(entry.publication_name)}</news:name>"
        f"<news:language>{_text(entry.language)}</news:language></news:publication>"
        f"<news:publication_date>{_text(entry.publication_date)}</news:publication_date>"
        f"<news:title>{_text(entry.title)}</news:title></news:news></url>"
    )


@x_robots_tag
def urlset_response(request, sitemap, urlset: str = URLSET, element=url_element):
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
    body = "".join([element(origin, entry, zone) for entry in entries])
    content = f"{XML_DECLARATION}{urlset}\n{body}\n</urlset>\n"
    lastmods = [entry.lastmod for entry in entries]
    headers = None
    if lastmods and all(lastmods):
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return HttpResponse(content, content_type="application/xml", headers=headers)


def news_response(request, sitemap):
    return urlset_response(request, sitemap, NEWS_URLSET, news_url_element)
