vcl 4.1;

# Varnish in front of two Masthead nodes on this host (ports 8081 and 8082), as bench/edge.sh runs it.
# The app purges it with: masthead.cache.purge.varnish-urls=http://127.0.0.1:6081/

import directors;

probe ready {
    .url = "/actuator/health/readiness";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend node_a {
    .host = "127.0.0.1";
    .port = "8081";
    .probe = ready;
    .connect_timeout = 1s;
}

backend node_b {
    .host = "127.0.0.1";
    .port = "8082";
    .probe = ready;
    .connect_timeout = 1s;
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node_a);
    nodes.add_backend(node_b);
}

include "./masthead.vcl";
