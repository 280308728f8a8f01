"""The reference story, read from ../shared/seed/reference-article-page.txt.

The file is the text of a real article page as a reader's browser shows it; this module takes
the story's own parts (headline, standfirst, body) from it and leaves the page furniture.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

QUOTE = re.compile(r"^“(?P<text>.+)” (?P<verb>said) (?P<speaker>[^,]+), (?P<description>.+?)\.\s*$")
CREDIT = "reports Asian Lite News"


@dataclass(frozen=True)
class ReferenceStory:
    headline: str
    standfirst: str
    paragraphs: list  # ("paragraph", text) or ("quote", {text, verb, speaker, description})
    also_read_headline: str


def seed_path() -> Path:
    path = Path(settings.MASTHEAD_SEED_DIR) / "reference-article-page.txt"
    if not path.is_file():
        raise ImproperlyConfigured(
            f"The demo needs the reference story at {path} (the shared folder beside the "
            "repository); set MASTHEAD_SEED_DIR to the folder that holds it."
        )
    return path


def read_reference(path: Path | None = None) -> ReferenceStory:
    lines = [line.strip() for line in (path or seed_path()).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    # Page furniture first: date, reading time; then headline and standfirst+credit.
    headline, standfirst_line = lines[2], lines[3]
    if not standfirst_line.endswith(CREDIT):
        raise ValueError(f"reference page: expected the standfirst to end with {CREDIT!r}")
    standfirst = standfirst_line[: -len(CREDIT)]
    also_read_at = next(i for i, line in enumerate(lines) if line.startswith("ALSO READ:"))
    blocks = [_block(line) for line in lines[4:also_read_at]]
    also_read = lines[also_read_at].split(":", 1)[1].strip()
    return ReferenceStory(headline, standfirst, blocks, also_read)


def _block(line: str):
    match = QUOTE.match(line)
    if match:
        return ("quote", match.groupdict())
    return ("paragraph", line)
