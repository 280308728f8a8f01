"""A made-up WordPress export the size of a newsroom's archive, for `bench/wordpress_import.py`
and the import's tests: deterministic (the same file for the same arguments), written as a
stream (constant memory whatever the count).

Each post has a Gutenberg body of 300 to 1,500 words (most near 600, as `seed-corpus`'s):
paragraphs, headings, a quote, a list; one of five authors; a category of six (one nested),
one to three of twenty tags; every third post a featured image, an attachment of its own whose
file (a small PNG) is written under `uploads/`.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from xml.sax.saxutils import escape

SITE = "https://archive.example"
AUTHORS = ["amara", "ben", "chiara", "dmitri", "eve"]
CATEGORIES = [  # (id, slug, name, parent slug)
    (2, "local", "Local", ""),
    (3, "valley", "Valley", "local"),
    (4, "business", "Business", ""),
    (5, "sport", "Sport", ""),
    (6, "culture", "Culture", ""),
    (7, "opinion", "Opinion", ""),
]
TAGS = [f"topic-{n}" for n in range(20)]
WORDS = [
    "council",
    "budget",
    "river",
    "school",
    "road",
    "market",
    "bridge",
    "court",
    "vote",
    "water",
    "harbour",
    "station",
    "hospital",
    "library",
    "festival",
    "season",
    "team",
    "match",
    "league",
    "farm",
    "price",
    "rent",
    "housing",
    "plan",
    "mayor",
    "minister",
    "report",
    "police",
    "fire",
    "storm",
    "flood",
    "museum",
    "theatre",
    "street",
    "park",
    "tram",
]
MIN_WORDS, MODE_WORDS, MAX_WORDS = 300, 600, 1500
IMAGE_EVERY = 3  # a featured image on every third post
FIRST_POST_ID = 10_000


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def head() -> str:
    authors = "".join(
        f"<wp:author><wp:author_id>{n + 1}</wp:author_id><wp:author_login>{login}"
        f"</wp:author_login><wp:author_display_name>{login.title()} Writer"
        f"</wp:author_display_name></wp:author>\n"
        for n, login in enumerate(AUTHORS)
    )
    categories = "".join(
        f"<wp:category><wp:term_id>{term}</wp:term_id><wp:category_nicename>{slug}"
        f"</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
        f"<wp:cat_name>{name}</wp:cat_name></wp:category>\n"
        for term, slug, name, parent in CATEGORIES
    )
    tags = "".join(
        f"<wp:tag><wp:term_id>{100 + n}</wp:term_id><wp:tag_slug>{tag}</wp:tag_slug>"
        f"<wp:tag_name>{tag.replace('-', ' ').title()}</wp:tag_name></wp:tag>\n"
        for n, tag in enumerate(TAGS)
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>The Archive</title><link>{SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>
{authors}{categories}{tags}"""


def sentence(rng: random.Random, words: int) -> str:
    chosen = rng.choices(WORDS, k=words)
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def body(rng: random.Random, length: int) -> str:
    """Gutenberg blocks of about `length` words."""
    blocks, written = [], 0
    while written < length:
        kind = rng.random()
        if blocks and kind < 0.08:
            text = sentence(rng, 5).rstrip(".")
            blocks.append(f"<!-- wp:heading -->\n<h2>{text}</h2>\n<!-- /wp:heading -->")
            written += 5
        elif blocks and kind < 0.12:
            text = sentence(rng, 18)
            blocks.append(
                '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>'
                f"{text}</p><cite>{rng.choice(AUTHORS).title()}</cite></blockquote>\n"
                "<!-- /wp:quote -->"
            )
            written += 18
        elif blocks and kind < 0.15:
            items = "".join(f"<li>{sentence(rng, 6)}</li>" for _ in range(3))
            blocks.append(f"<!-- wp:list -->\n<ul>{items}</ul>\n<!-- /wp:list -->")
            written += 18
        else:
            count = rng.randint(3, 6)
            text = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(count))
            blocks.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
            written += len(text.split())
    return "\n\n".join(blocks)


def attachment(number: int, post_id: int) -> tuple[str, str]:
    """(the item, the file's path under uploads/) of post `number`'s featured image."""
    month = 1 + number % 12
    relative = f"2024/{month:02d}/photo-{number}.png"
    item = f"""<item><title>Photo {number}</title>
<link>{SITE}/photo-{number}/</link><dc:creator>amara</dc:creator>
<content:encoded><![CDATA[]]></content:encoded>
<excerpt:encoded><![CDATA[Caption of photo {number}.]]></excerpt:encoded>
<wp:post_id>{post_id + 1}</wp:post_id><wp:post_date>2024-{month:02d}-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-{month:02d}-01 09:00:00</wp:post_date_gmt>
<wp:post_name>photo-{number}</wp:post_name><wp:status>inherit</wp:status>
<wp:post_parent>{post_id}</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>{SITE}/wp-content/uploads/{relative}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
<wp:meta_value><![CDATA[Alt text of photo {number}]]></wp:meta_value></wp:postmeta>
</item>
"""
    return item, relative


def post(number: int, rng: random.Random) -> str:
    post_id = FIRST_POST_ID + 2 * number
    month, day = 1 + number % 12, 1 + number % 28
    slug = f"story-{number}"
    length = int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
    _term, cat_slug, cat_name, _parent = rng.choice(CATEGORIES)
    tags = "".join(
        f'<category domain="post_tag" nicename="{tag}">{tag.replace("-", " ").title()}</category>'
        for tag in rng.sample(TAGS, rng.randint(1, 3))
    )
    thumbnail = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{post_id + 1}</wp:meta_value></wp:postmeta>"
        if number % IMAGE_EVERY == 0
        else ""
    )
    return f"""<item><title>{escape(sentence(rng, 7).rstrip("."))} ({number})</title>
<link>{SITE}/2024/{month:02d}/{day:02d}/{slug}/</link>
<dc:creator>{AUTHORS[number % len(AUTHORS)]}</dc:creator>
<category domain="category" nicename="{cat_slug}">{cat_name}</category>{tags}
<content:encoded><![CDATA[{body(rng, length)}]]></content:encoded>
<excerpt:encoded><![CDATA[{sentence(rng, 20)}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>2024-{month:02d}-{day:02d} 10:{number % 60:02d}:00</wp:post_date>
<wp:post_date_gmt>2024-{month:02d}-{day:02d} 09:{number % 60:02d}:00</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>{thumbnail}</item>
"""


def write_archive(folder: Path, posts: int, seed: str = "wxr-archive") -> tuple[Path, Path]:
    """Write `folder/export.xml` and `folder/uploads/`; return both paths."""
    rng = random.Random(seed)  # noqa: S311 (made-up copy)
    uploads = folder / "uploads"
    image = png()
    export = folder / "export.xml"
    with export.open("w", encoding="utf-8") as handle:
        handle.write(head())
        for number in range(posts):
            handle.write(post(number, rng))
            if number % IMAGE_EVERY == 0:
                item, relative = attachment(number, FIRST_POST_ID + 2 * number)
                handle.write(item)
                (uploads / relative).parent.mkdir(parents=True, exist_ok=True)
                (uploads / relative).write_bytes(image)
        handle.write("</channel></rss>\n")
    return export, uploads
