"""A made-up WXR export of any size, written as a stream (tests and `bench/`)."""

from pathlib import Path
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Generated</title><link>https://generated.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://generated.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>desk</wp:author_login>
<wp:author_display_name>The Desk</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>city</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>City</wp:cat_name></wp:category>
"""
WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "road",
    "market",
    "bridge",
    "court",
    "vote",
    "water",
]


def post(number: int, words: int = 300) -> str:
    text = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(words))
    paragraphs = "".join(
        f"<!-- wp:paragraph --><p>{text[i : i + 600]}</p><!-- /wp:paragraph -->\n"
        for i in range(0, len(text), 600)
    )
    day = 1 + number % 28
    return f"""<item><title>{escape(f"Story number {number}")}</title>
<link>https://generated.example/2024/01/{day:02d}/story-{number}/</link>
<dc:creator>desk</dc:creator><category domain="category" nicename="city">City</category>
<content:encoded><![CDATA[{paragraphs}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{1000 + number}</wp:post_id>
<wp:post_date>2024-01-{day:02d} 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-01-{day:02d} 09:00:00</wp:post_date_gmt>
<wp:post_name>story-{number}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item>
"""


def write_export(path: Path, posts: int, words: int = 300) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEAD)
        for number in range(posts):
            handle.write(post(number, words))
        handle.write("</channel></rss>\n")
    return path
