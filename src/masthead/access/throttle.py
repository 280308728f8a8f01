"""Throttling of page passwords with django-axes' counters (in the database, shared by every
process and server): a page's restriction counts as the account, the reader's address as the
address, exactly as for logins, so one address guessing at logins and page passwords alike is
counted once."""

import logging
import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials

logger = logging.getLogger("masthead.access")


def page_credentials(restriction) -> dict:
    return get_credentials(f"page-password-{restriction.pk}")


def is_locked(request, restriction) -> bool:
    return not AxesProxyHandler.is_allowed(request, page_credentials(restriction))


def record_failure(request, restriction) -> bool:
    """Count a wrong password; whether the page is now locked for this reader."""
    AxesProxyHandler.user_login_failed(
        sender=__name__, credentials=page_credentials(restriction), request=request
    )
    return bool(getattr(request, "axes_locked_out", False))


def lockout_message() -> str:
    cool_off = get_cool_off()
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    wait = f"Try again in {minutes} minutes." if minutes else "Ask the newsroom to unlock it."
    return f"Too many wrong attempts from your address or for this account. {wait}"


def log_lockout(request, what: str) -> None:
    logger.warning(
        "Throttled: %s from %s refused after too many failures (%s)",
        what,
        getattr(request, "axes_ip_address", "?"),
        request.path,
    )
