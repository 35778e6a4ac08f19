package org.masthead;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Counts the Spring contexts the tests of one JVM start, and says so in the build's output when one more starts
 * ({@code Spring test context #2 started for ...}): the figure to keep at one (see {@link IntegrationTest}).
 * Registered for every Spring test in {@code META-INF/spring.factories}; it starts no context itself.
 */
public class SpringContextCounter implements TestExecutionListener {

    private static final Set<ApplicationContext> SEEN = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        synchronized (SEEN) {
            if (SEEN.add(context)) {
                System.out.println("Spring test context #" + SEEN.size() + " started for "
                        + testContext.getTestClass().getName());
            }
        }
    }

    /** How many distinct contexts the tests of this JVM have used so far. */
    public static int count() {
        synchronized (SEEN) {
            return SEEN.size();
        }
    }
}
