package org.masthead.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when the packaged jar is started without a database, instead of a stack trace. */
public class EmbeddedPostgresMissingFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresMissingException cause) {
        return new FailureAnalysis(
                "No database is configured (spring.datasource.url is not set), and this jar carries no embedded"
                        + " PostgreSQL: the packaged application is meant for a PostgreSQL server of your own.",
                """
                Set SPRING_DATASOURCE_URL to your PostgreSQL (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), \
                for example
                    SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/masthead java -jar masthead.jar
                or, to try Masthead with the embedded database, run it from the source tree: ./mvnw spring-boot:run""",
                cause);
    }
}
