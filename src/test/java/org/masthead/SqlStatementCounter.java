package org.masthead;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread, so a test can measure what one request
 * costs without counting other threads' work. Registered with Hibernate by {@link TestInfrastructure} in every
 * test context (not by the build), so a test run from an IDE counts the same; {@link #count()} fails rather than
 * answer 0 where no Hibernate in this JVM has it ({@code SqlStatementCounterTests}).
 */
public class SqlStatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile boolean registered;

    public SqlStatementCounter() {
        registered = true;
    }

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** The statements prepared on this thread since {@link #reset()}. */
    public static int count() {
        if (!registered) {
            throw new IllegalStateException("The SQL statement counter is not registered with Hibernate: "
                    + "count in a test context (@IntegrationTest, @HttpTest), whose TestInfrastructure registers it");
        }
        return COUNT.get()[0];
    }
}
