package org.masthead.db;

/**
 * No datasource is configured and the embedded PostgreSQL cannot start, because its binaries are not on the
 * classpath: the packaged jar leaves them out (a production server brings its own PostgreSQL).
 */
class EmbeddedPostgresMissingException extends IllegalStateException {

    EmbeddedPostgresMissingException() {
        super("No database configured: set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and"
                + " SPRING_DATASOURCE_PASSWORD) to your PostgreSQL. The packaged jar carries no embedded PostgreSQL;"
                + " for the embedded one, run from the source tree with ./mvnw spring-boot:run.");
    }
}
