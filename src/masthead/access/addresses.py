"""The address a request comes from, as throttling counts it.

Behind Varnish or nginx every request arrives from the proxy's address: counted as is, one
attacker would lock every reader out. With MASTHEAD_TRUSTED_PROXIES set, a request from one of
those addresses is counted against the last address in X-Forwarded-For that is not a trusted
proxy (the one the nearest proxy saw; anything further left the client may have written).
"""

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.MASTHEAD_TRUSTED_PROXIES
    if remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed([hop.strip() for hop in forwarded]):
        if hop and hop not in trusted:
            return hop
    return remote
