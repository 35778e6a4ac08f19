vcl 4.1;

# Varnish in front of the two Masthead services of docker-compose.yml.
# The app purges it with: masthead.cache.purge.varnish-urls=http://varnish/

import directors;

probe ready {
    .url = "/actuator/health/readiness";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend node_a {
    .host = "app1";
    .port = "8080";
    .probe = ready;
    .connect_timeout = 1s;
}

backend node_b {
    .host = "app2";
    .port = "8080";
    .probe = ready;
    .connect_timeout = 1s;
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node_a);
    nodes.add_backend(node_b);
}

include "./masthead.vcl";
