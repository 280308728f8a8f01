"""django-axes' check, first in AUTHENTICATION_BACKENDS: a name or address with too many recent
failures is refused before any password is checked."""

from axes.backends import AxesStandaloneBackend


class ThrottledLogins(AxesStandaloneBackend):
    """Axes, for logins over HTTP. A call without a request (`Client.login()` in tests, a
    management command) is not a login from the web and has nothing to throttle; axes itself
    would raise there."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
