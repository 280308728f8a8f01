"""HTTPS, security headers and the purge secret, derived from the site's origin (docs/security.md).

MASTHEAD_BEHIND_TLS_PROXY  1: a TLS front end (nginx, a load balancer) sets X-Forwarded-Proto to
                           `https` or `http` on every request and drops any the client sent;
                           Django then trusts it. Default off.
MASTHEAD_HSTS_SECONDS      Strict-Transport-Security max-age on an https site; default 31536000
                           (a year); 0 sends none.
MASTHEAD_HSTS_PRELOAD      1: add `preload` (only once you mean to submit the host to the browsers'
                           preload lists); default off.
MASTHEAD_CSP_FRAME_SRC     extra origins reader pages may frame (embeds), comma-separated.
MASTHEAD_PURGE_SECRET      the shared secret Varnish wants on every PURGE (docs/varnish.md).

With an `https://` MASTHEAD_BASE_URL: secure session and CSRF cookies, the origin trusted for CSRF,
HSTS; with the proxy setting too: the proxy's header makes requests secure, and plain-http requests
are redirected to the base URL. With an `http://` base URL (the default) nothing changes.
"""

import os
from urllib.parse import urlsplit

from masthead.settings.environment import base_url, env_bool, env_list

ONE_YEAR = 365 * 24 * 3600
PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def https_settings(url: str, behind_proxy: bool, hsts_seconds: int, preload: bool) -> dict:
    """Django's HTTPS settings for a site whose origin is `url`."""
    if urlsplit(url).scheme != "https":
        return {
            "SECURE_PROXY_SSL_HEADER": PROXY_SSL_HEADER if behind_proxy else None,
            "SILENCED_SYSTEM_CHECKS": [],
        }
    return {
        "CSRF_TRUSTED_ORIGINS": [url],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": PROXY_SSL_HEADER if behind_proxy else None,
        # Without the proxy's word every request looks like plain http: redirecting would loop.
        "SECURE_SSL_REDIRECT": behind_proxy,
        "SECURE_HSTS_SECONDS": hsts_seconds,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": preload,
        # Preloading is a promise to the browsers that is slow to take back: asked for, not assumed.
        "SILENCED_SYSTEM_CHECKS": [] if preload else ["security.W021"],
    }


def _hsts_seconds() -> int:
    raw = os.environ.get("MASTHEAD_HSTS_SECONDS", str(ONE_YEAR)).strip()
    if not raw.isdigit():
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"MASTHEAD_HSTS_SECONDS={raw!r}: expected a whole number of seconds, e.g. {ONE_YEAR}"
        )
    return int(raw)


MASTHEAD_BEHIND_TLS_PROXY = env_bool("MASTHEAD_BEHIND_TLS_PROXY", False)
globals().update(
    https_settings(
        base_url(),
        MASTHEAD_BEHIND_TLS_PROXY,
        _hsts_seconds(),
        env_bool("MASTHEAD_HSTS_PRELOAD", False),
    )
)
# Editors' e-mail hashes are not sent to gravatar.com, and the admin loads nothing from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
MASTHEAD_CSP_FRAME_SRC = env_list("MASTHEAD_CSP_FRAME_SRC")
MASTHEAD_PURGE_SECRET = os.environ.get("MASTHEAD_PURGE_SECRET", "").strip()
