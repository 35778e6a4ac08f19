package org.masthead;

import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Gives the application back its own CSRF token repository before every test. spring-security-test's
 * {@code with(csrf())} swaps the repository inside the context's {@link CsrfFilter} for one of its own (which
 * starts sessions the application never starts), and the swap outlives the MockMvc test; without this, a real-HTTP
 * test sharing the context ({@code SessionlessHttpTests}) would test spring-security-test's repository instead.
 */
public class ApplicationCsrfTokens implements SmartInitializingSingleton {

    private final ApplicationContext context;
    private final Map<CsrfFilter, CsrfTokenRepository> originals = new IdentityHashMap<>();

    ApplicationCsrfTokens(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (CsrfFilter filter : filters()) {
            originals.put(filter, (CsrfTokenRepository) ReflectionTestUtils.getField(filter, "tokenRepository"));
        }
    }

    void restore() {
        originals.forEach((filter, repository) -> ReflectionTestUtils.setField(filter, "tokenRepository", repository));
    }

    private Iterable<CsrfFilter> filters() {
        return context.getBeanProvider(FilterChainProxy.class).stream()
                .flatMap(proxy -> proxy.getFilterChains().stream())
                .flatMap(chain -> chain.getFilters().stream())
                .filter(CsrfFilter.class::isInstance)
                .map(CsrfFilter.class::cast)
                .toList();
    }

    /** Restores the repository before each test method (registered in {@code META-INF/spring.factories}). */
    public static class Listener implements TestExecutionListener {

        @Override
        public void beforeTestMethod(TestContext testContext) {
            if (testContext.hasApplicationContext()) {
                testContext
                        .getApplicationContext()
                        .getBeanProvider(ApplicationCsrfTokens.class)
                        .ifAvailable(ApplicationCsrfTokens::restore);
            }
        }
    }
}
