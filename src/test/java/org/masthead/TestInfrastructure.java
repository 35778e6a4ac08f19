package org.masthead;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What every test context adds to the application (with {@link TestClockConfiguration}): the SQL statement counter
 * registered with Hibernate, an SMTP server that tests choose at run time, and the application's own CSRF token
 * repository given back before each test ({@link ApplicationCsrfTokens}). Kept in the one shared context by
 * {@link IntegrationTest} and {@link HttpTest}: a setting a test needs is a bean it sets, not a context property.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    HibernatePropertiesCustomizer sqlStatementCounter() {
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, new SqlStatementCounter());
    }

    @Bean
    ApplicationCsrfTokens applicationCsrfTokens(ApplicationContext context) {
        return new ApplicationCsrfTokens(context);
    }

    @Bean
    TestSmtp testSmtp() {
        return new TestSmtp();
    }

    /** The application asks for its sender at each use; null (no bean) while no test has chosen a server. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JavaMailSenderImpl javaMailSender(TestSmtp smtp) {
        return smtp.sender();
    }
}
