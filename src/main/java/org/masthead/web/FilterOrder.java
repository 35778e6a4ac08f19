package org.masthead.web;

import org.springframework.core.Ordered;

/**
 * The servlet filters in the order a request meets them, with the order each registers at: the one place that
 * order is decided. The application's own filters take theirs from here; the rows marked as Spring's record where
 * Spring Boot, Spring Session and Spring Security put theirs by default (a test checks the running application
 * against this table, so moving one of them with a property means changing it here too). Tomcat's own WebSocket
 * upgrade filter comes after all of them.
 */
public enum FilterOrder {
    /** Spring Boot: UTF-8 for every request and response. */
    CHARACTER_ENCODING(Ordered.HIGHEST_PRECEDENCE, true),
    /** Spring Boot (actuator): an observation (metrics, traces) of every request. */
    OBSERVATION(Ordered.HIGHEST_PRECEDENCE + 1, true),
    /** A request failing for want of the database before any controller gets the 503 page. */
    DATABASE_OUTAGE(Ordered.HIGHEST_PRECEDENCE + 20, false),
    /** The content API's per-client rate limit: a refused request does no further work. */
    API_RATE_LIMIT(Ordered.HIGHEST_PRECEDENCE + 30, false),
    /** An imported archive's old addresses answer 301, before the page cache and security. */
    LEGACY_REDIRECT(Ordered.HIGHEST_PRECEDENCE + 31, false),
    /** {@code analytics}: the readership counting endpoint answers here, before sessions and security. */
    READERSHIP_BEACON(Ordered.HIGHEST_PRECEDENCE + 33, false),
    /** Ours, with a read replica configured: a reader's request may read from the replica (db.ReplicaReadsFilter). */
    REPLICA_READS(Ordered.HIGHEST_PRECEDENCE + 35, false),
    /** The reader's pages from memory, before sessions, security and MVC cost anything. */
    PUBLIC_PAGE(Ordered.HIGHEST_PRECEDENCE + 40, false),
    /** Fingerprinted stylesheets and scripts are cached for a year. */
    FINGERPRINTED_ASSET(Ordered.HIGHEST_PRECEDENCE + 41, false),
    /**
     * Spring Session: loads a staff member's session from PostgreSQL ({@code SessionRepositoryFilter},
     * {@code spring.session.servlet.filter-order}).
     */
    SPRING_SESSION(Ordered.HIGHEST_PRECEDENCE + 50, true),
    /** Spring Boot: form bodies of PUT, PATCH and DELETE. */
    FORM_CONTENT(-9900, true),
    /** An image upload over the limit is sent back to its form before the CSRF check reads its body. */
    UPLOAD_TOO_LARGE(-110, false),
    /** An export upload over the limit, likewise. */
    IMPORT_TOO_LARGE(-109, false),
    /** Spring Boot: the request bound to the thread. */
    REQUEST_CONTEXT(-105, true),
    /** Spring Security's filter chain ({@code spring.security.filter.order}). */
    SPRING_SECURITY(-100, true),
    /** {@code web}: {@code /error} asked for directly is not found (it has no error to show). */
    ERROR_PATH(-90, false),
    /** {@code web}: the health endpoints answer JSON whatever the client accepts (no 406 to a monitor). */
    HEALTH_ACCEPT(-89, false),
    /** Spring Boot (Thymeleaf): the fingerprinted asset URLs written into pages; last, at no order of its own. */
    RESOURCE_URL_ENCODING(Ordered.LOWEST_PRECEDENCE, true);

    private final int order;
    private final boolean springs;

    FilterOrder(int order, boolean springs) {
        this.order = order;
        this.springs = springs;
    }

    /** The order to register the filter at. */
    public int order() {
        return order;
    }

    /** Registered by Spring at its default order, which this row records. */
    public boolean springs() {
        return springs;
    }
}
