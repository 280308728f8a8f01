vcl 4.1;

# Varnish in front of `masthead serve`: see docs/varnish.md.
#
# Needs Varnish 7 and the xkey vmod (Debian bookworm: `apt-get install varnish varnish-modules`).
# Run it, for example, as
#
#   MASTHEAD_PURGE_SECRET=... varnishd -a :80 -f /etc/varnish/masthead.vcl -s malloc,1g
#
# with the same MASTHEAD_PURGE_SECRET in Varnish's environment as in Masthead's (with systemd:
# `Environment=MASTHEAD_PURGE_SECRET=...` in `systemctl edit varnish`); without it no purge is
# accepted.
#
# What it does:
# - caches what Masthead says it may share, for as long as it says: `s-maxage` (else
#   `max-age`) in Cache-Control, with `stale-while-revalidate` as grace; nothing else;
# - passes to Masthead, uncached: the editor (/admin/), reader search (/search/), anything but
#   GET and HEAD, and requests from logged-in people (Django's `sessionid` cookie) or with an
#   Authorization header; other cookies, and utm_*/fbclid/gclid parameters, are dropped from
#   cacheable requests;
# - takes `PURGE` requests with an `xkey-purge: <tag> <tag> ...` header from the `purgers` ACL
#   that carry the shared secret in `X-Masthead-Purge-Secret` (Masthead sends them when content
#   changes, see MASTHEAD_VARNISH_URLS) and answers 200 with the number of objects purged, in the
#   body and the `xkey-purged` header; the ACL alone is not enough, since a TLS proxy on the same
#   host forwards every reader from 127.0.0.1;
# - keeps https and plain-http answers apart (X-Forwarded-Proto is part of the cache key), so
#   Masthead's redirect to https is never replayed to https readers, nor a page to http ones;
# - keeps the dependency tags (`xkey`, `Surrogate-Key`) from readers unless the request has an
#   `X-Masthead-Debug` header.

import std;
import xkey;

# The Masthead server. Change the address to where `masthead serve` listens.
backend masthead {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may purge: the machines that run Masthead (its server and its worker publish content).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    call vcl_req_host;
    if (req.method == "PURGE") {
        call masthead_purge;
    }
    unset req.http.X-Masthead-Purge-Secret;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|search)(/|\?|$)") {
        return (pass);
    }
    # Reader pages are the same for everyone: analytics or CSRF cookies change nothing.
    unset req.http.Cookie;
    # Nor do tracking parameters (Masthead ignores them too): one copy with or without them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    return (hash);
}

# Hard purge: the objects are gone at once, so once Masthead's purge has returned no reader gets
# the old version (a correction or a pulled story must not be served again even once); the next
# request for each page waits for one fetch, which Varnish shares among the readers who asked.
sub masthead_purge {
    if (client.ip !~ purgers
        || std.getenv("MASTHEAD_PURGE_SECRET") == ""
        || !req.http.X-Masthead-Purge-Secret
        || req.http.X-Masthead-Purge-Secret != std.getenv("MASTHEAD_PURGE_SECRET")) {
        return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
        return (synth(400, "No xkey-purge header: nothing to purge"));
    }
    set req.http.xkey-purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged"));
}

sub vcl_hash {
    # Then the built-in hash of the URL and host.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Masthead failed while refreshing a page in grace: keep serving the copy we have.
        return (abandon);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(^|[ ,])(s-maxage|max-age)=[1-9]"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        # Not shareable: for the next 2 minutes, fetch it for each request without waiting.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish has set the TTL from s-maxage (else max-age) and the grace from
    # stale-while-revalidate (RFC 5861): within it a reader gets the old copy at once while one
    # background fetch refreshes it.
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Varnish-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
    if (!req.http.X-Masthead-Debug) {
        unset resp.http.xkey;
        unset resp.http.Surrogate-Key;
    }
}

sub vcl_synth {
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.xkey-purged = req.http.xkey-purged;
        set resp.body = req.http.xkey-purged + {"
"};
        return (deliver);
    }
}
