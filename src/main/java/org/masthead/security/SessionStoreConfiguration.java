package org.masthead.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC). Two requests of one session that add the same attribute at once
 * (tabs opened together, uploads sent together: each stores the CSRF token or the staff mark) would both insert
 * the attribute's row and the second would fail with a duplicate key, a 500; PostgreSQL's
 * {@code INSERT … ON CONFLICT DO UPDATE} makes the second an update.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
