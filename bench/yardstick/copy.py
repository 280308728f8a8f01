"""A story's body blocks ((type, value) pairs, as Masthead's corpus writes and stores them) as
the HTML of a rich-text field: paragraphs, crossheads and quotes (other blocks are left out)."""

from html import escape


def block_html(kind: str, value) -> str:
    if kind == "heading":
        return f"<h2>{escape(value)}</h2>"
    if kind == "quote":
        return (
            f"<blockquote><p>{escape(value['text'])}</p><p>{escape(value['speaker'])}, "
            f"{escape(value['speaker_description'])}</p></blockquote>"
        )
    return value  # a paragraph: "<p>...</p>" already


def body_html(blocks) -> str:
    return "".join(block_html(kind, value) for kind, value in blocks if kind in KINDS)


KINDS = {"paragraph", "heading", "quote"}
