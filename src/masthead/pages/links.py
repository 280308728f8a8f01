"""Which addresses a menu may link to: http(s), mailto and the site's own (site-relative) URLs."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

ALLOWED_SCHEMES = ("http", "https", "mailto")


def validate_menu_url(value: str) -> None:
    """Refuse anything but an http(s) or mailto link, or a path on this site ("/about/").

    A `javascript:` or `data:` link would run in the reader's browser; a protocol-relative
    ("//host/") or bare ("about/") one does not say where it goes."""
    url = value.strip()
    if any(ord(character) < 33 for character in url):
        raise ValidationError(
            f"“{value}” contains a space or a control character: remove it (write %20 for a space)."
        )
    if url.startswith("/") and not url.startswith("//"):
        return
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValidationError(
            f"“{value}” is not a link a menu may show: use an address starting with https://, "
            "http:// or mailto:, or a path on this site starting with / (e.g. /about/)."
        )
    parts = urlsplit(url)
    if scheme in ("http", "https") and not parts.netloc:
        raise ValidationError(f"“{value}” names no website after {scheme}://.")
    if scheme == "mailto" and not parts.path:
        raise ValidationError(f"“{value}” names no e-mail address after mailto:.")
