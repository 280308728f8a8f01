"""Django's RSS 2.0 and Atom generators, with what news readers expect beyond them.

Both still write through Django's SimplerXMLGenerator (escaping included); these subclasses only
add elements: the full body (content:encoded in RSS, content in Atom), every author of a story
(where Django writes one), the lead image as a Media RSS element besides the enclosure, and in
RSS the entry's modified date (atom:updated), which RSS 2.0 itself lacks.
"""

from django.utils import feedgenerator

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


def add_media_content(handler, item):
    """<media:content> for the lead image, which many readers take as the story's picture."""
    image = item.get("image")
    if image is not None:
        attributes = {
            "url": image.url,
            "type": image.mime_type,
            "medium": "image",
            "fileSize": str(image.length),
            "width": str(image.width),
            "height": str(image.height),
        }
        handler.addQuickElement("media:content", None, attributes)


class NewsRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with content:encoded, atom:updated and one dc:creator per author."""

    def rss_attributes(self):
        namespaces = {"xmlns:content": CONTENT_NS, "xmlns:dc": DC_NS, "xmlns:media": MEDIA_NS}
        return {**super().rss_attributes(), **namespaces}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:  # as real news feeds carry it (Medium, The Guardian)
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        for author in item.get("authors", ()):
            handler.addQuickElement("dc:creator", author.name)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media_content(handler, item)


class NewsAtomFeed(feedgenerator.Atom1Feed):
    """Atom 1.0 with the body as <content type="html"> and an <author> per author."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            if author.link:
                handler.addQuickElement("uri", author.link)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media_content(handler, item)
