# Masthead behind Varnish: what every deployment shares. Included by default.vcl (two app nodes on this host)
# and compose.vcl (docker compose), which declare the backends and the director "nodes".
#
# - Reader pages are cached as the application says (Cache-Control, s-maxage, Vary) and purged by tag: the app
#   sends PURGE with an "xkey" header of surrogate keys after every change, BAN to purge everything.
# - Staff pages, sign-in and anything with a session cookie or credentials are never cached.
# - Grace: while the app nodes are healthy a stale page is served only within stale-while-revalidate; when they
#   are not, up to stale-if-error. A node that fails a fetch is retried on the other.

import std;
import xkey;

acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "No xkey header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, its sign-in and the account pages: never from the cache.
    if (req.url ~ "^/(admin|login|logout|account|actuator)(/|\?|$)") {
        return (pass);
    }
    # A signed-in member (session cookie) or an API client with credentials gets the app's private answer.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)SESSION=") {
        return (pass);
    }
    # Other cookies (analytics) change nothing on a reader's page: without them, the page can come from the cache.
    unset req.http.Cookie;

    # While the app is healthy, serve a stale page only within its stale-while-revalidate (refetched behind it).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes an object by its "xkey" header: the app's Surrogate-Key (space-separated keys)
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # A node that fails (refused, 5xx) is asked once more; the director picks the other node.
    if (beresp.status >= 500 && bereq.retries < 1 && bereq.method != "POST") {
        return (retry);
    }
    # A background refresh that fails keeps the stale page (stale-if-error).
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Keep pages past their TTL for as long as stale-if-error allows, to serve while the app is down.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
                regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", 60s);
    }
    # Set-Cookie, private, no-store and no-cache make the answer uncacheable in the built-in VCL that follows.
}

sub vcl_backend_error {
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    # s-maxage is for this cache, which is purged on every change; not for caches further down the line.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = regsuball(resp.http.Cache-Control, ",\s*s-maxage=[0-9]+", "");
        # Purged on change, the copy here is as fresh as the app's: browsers count max-age from now.
        set resp.http.Age = "0";
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
