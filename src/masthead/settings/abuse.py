"""Abuse limits: login and page-password throttling (django-axes, counted in the database that
every process and server shares), hashed page passwords, where readers land after logging in,
and which uploaded files the app serves (docs/abuse-limits.md).

MASTHEAD_LOGIN_FAILURE_LIMIT     failed logins or page passwords, per name and per address, before
                                 a pause; default 10
MASTHEAD_LOGIN_LOCKOUT_MINUTES   how long the pause lasts after the last failure; default 15
MASTHEAD_TRUSTED_PROXIES         comma-separated addresses of the proxies in front (Varnish, nginx),
                                 e.g. 127.0.0.1,::1: a request from one is counted against the
                                 client address in X-Forwarded-For; default none
"""

import os
import sys
from datetime import timedelta

from masthead.settings.environment import env_list

_base = sys.modules["masthead.settings"]  # the settings being defined, up to this import

INSTALLED_APPS = [*_base.INSTALLED_APPS, "masthead.access", "axes"]
# Last, as django-axes asks: it turns a lockout flagged during the request into its answer.
MIDDLEWARE = [*_base.MIDDLEWARE, "axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "masthead.access.backends.ThrottledLogins",
    "django.contrib.auth.backends.ModelBackend",
]

AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("MASTHEAD_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MASTHEAD_LOGIN_LOCKOUT_MINUTES", "15")))
# Per account and, separately, per address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not wipe the failures: with one account of their own, a guesser could
# otherwise clear their address's count between guesses.
AXES_RESET_ON_SUCCESS = False
# An attempt refused because of a pause is not a failure: it must not lengthen the pause, nor
# count against another account tried from a paused address.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "masthead.access.views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "masthead.access.addresses.client_address"
AXES_ENABLE_ADMIN = False  # the Django admin is not installed
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not recorded, only failures
MASTHEAD_TRUSTED_PROXIES = frozenset(env_list("MASTHEAD_TRUSTED_PROXIES"))

# The reader login (/_util/login/, for pages restricted to logged-in readers) and page passwords
# go back to the page they came from, else to the front page (Django's default is a 404).
LOGIN_REDIRECT_URL = "/"

# The page-password form, and a form sent without its CSRF token, in the site's own design.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "access/password_required.html"  # noqa: S105 (a template)
CSRF_FAILURE_VIEW = "masthead.access.views.csrf_failure"

# Documents only through Wagtail's view, which checks their collection's privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
