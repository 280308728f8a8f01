"""The security headers Masthead sends, built once from the settings: one list for the reader
site, one for the editor (/admin/), used by the outermost WSGI layer for every answer.

Content-Security-Policy (docs/security.md):
- reader pages run no script at all (JSON-LD is a data block, which CSP does not govern) and have
  no inline style; they are cached whole, so a per-response nonce is out of the question and
  later features add scripts as static files;
- embeds may frame the providers in EMBED_FRAME_SRC (plus MASTHEAD_CSP_FRAME_SRC); script-based
  embeds (X/Twitter, Instagram) show their quoted text without the provider's script;
- images may come from the media origin when media live elsewhere (an absolute MEDIA_URL or the
  S3 domain of django-storages);
- Wagtail's editor needs inline scripts and styles (see admin_policy); nothing from elsewhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIX = "/admin/"
# The iframe embeds Wagtail's oEmbed finders get from the common video and audio providers.
EMBED_FRAME_SRC = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://w.soundcloud.com",
    "https://open.spotify.com",
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def media_origins() -> list[str]:
    """Where uploaded images are served from when it is not this site: an absolute MEDIA_URL,
    or the bucket of the object storage that holds the renditions (settings/storage.py)."""
    candidates = [str(settings.MEDIA_URL or "")]
    for alias in ("renditions", "default"):
        options = settings.STORAGES.get(alias, {}).get("OPTIONS", {})
        candidates += storage_origins(options)
    origins = []
    for url in candidates:
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))


def storage_origins(options: dict) -> list[str]:
    """The origins a django-storages S3 backend with these options gives its files' URLs."""
    if not options.get("bucket_name"):
        return []
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        return [options["endpoint_url"]]
    region = options.get("region_name")
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return [f"https://{host}", f"https://{options['bucket_name']}.{host}"]


def reader_policy() -> dict[str, list[str]]:
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *media_origins()],
        "media-src": ["'self'", *media_origins()],
        "frame-src": [*EMBED_FRAME_SRC, *settings.MASTHEAD_CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # As X-Frame-Options: DENY; the editor's previews are under /admin/.
        "frame-ancestors": ["'none'"],
    }


def admin_policy() -> dict[str, list[str]]:
    return {
        "default-src": ["'self'"],
        # Wagtail 8's choosers, date pickers and inline panels render inline scripts whose text
        # varies with the form (field ids, URLs, row numbers), and jQuery runs the scripts of the
        # forms it inserts: neither hashes nor nonces can cover them. Scripts from any other
        # origin stay blocked.
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *media_origins()],
        "media-src": ["'self'", "blob:", *media_origins()],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", *EMBED_FRAME_SRC, *settings.MASTHEAD_CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


def serialise(policy: dict[str, list[str]], https: bool) -> str:
    parts = [" ".join([name, *dict.fromkeys(sources)]) for name, sources in policy.items()]
    if https:
        parts.append("upgrade-insecure-requests")
    return "; ".join(parts)


def common_headers() -> list[tuple[str, str]]:
    """What Django's SecurityMiddleware sends, for the answers that never reach it."""
    headers = [("Permissions-Policy", PERMISSIONS_POLICY)]
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        value = settings.SECURE_REFERRER_POLICY
        value = value if isinstance(value, str) else ",".join(value)
        headers.append(("Referrer-Policy", value))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return headers


def hsts_header() -> tuple[str, str] | None:
    """Django's SecurityMiddleware's value, for secure answers only."""
    seconds = settings.SECURE_HSTS_SECONDS
    if not seconds:
        return None
    value = f"max-age={seconds}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return ("Strict-Transport-Security", value)
