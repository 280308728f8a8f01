"""Checking sitemaps against the sitemaps.org XSD, and what the XSD cannot check, by hand."""

import copy
import re
from datetime import datetime

import pytest
from lxml import etree

from tests.feeds.conftest import DATASETS, SITEMAP_NS

SCHEMA = DATASETS / "schemas" / "sitemaps.org__sitemap.xsd"
# W3C datetime with a time zone offset, as lastmod and news:publication_date carry it.
W3C_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def schema() -> etree.XMLSchema:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent: the shared datasets are not on this machine")
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def without_extensions(document):
    """A copy with the image: and news: elements removed: the XSD's ##other wildcard is strict
    and no schema for them is at hand (they are checked by hand instead)."""
    document = copy.deepcopy(document)
    for element in list(document.iter()):
        if isinstance(element.tag, str) and etree.QName(element).namespace != SITEMAP_NS:
            element.getparent().remove(element)
    return document


def assert_valid_urlset(document) -> None:
    assert etree.QName(document).localname == "urlset"
    schema().assertValid(etree.ElementTree(without_extensions(document)))


def parse_w3c(value: str) -> datetime:
    assert W3C_DATETIME.fullmatch(value), value
    return datetime.fromisoformat(value)
