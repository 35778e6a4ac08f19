package org.masthead.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many connections one client may hold ({@code masthead.http.*}, beside the caching headers of the same group).
 *
 * @param connectionsPerClient open connections one client address may hold at once; one more is closed as soon as
 *     it is accepted ({@code 0}: no budget)
 * @param trustedProxies addresses or CIDR ranges (the reverse proxy, Varnish, the load balancer) that carry many
 *     readers on one address and so have no budget
 */
@ConfigurationProperties("masthead.http")
record ClientConnectionProperties(@DefaultValue("128") int connectionsPerClient, List<String> trustedProxies) {

    ClientConnectionProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
