package org.masthead.db;

import javax.sql.DataSource;

import org.masthead.web.FilterOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code masthead.datasource.replica.url} set, the application's data source (Spring Boot's pool, as
 * configured) is wrapped so that readers' read-only transactions go to the replica ({@link ReplicaReads}), and
 * readers' requests are marked ({@link ReplicaReadsFilter}). Without it nothing here exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "masthead.datasource.replica", name = "url")
class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaReads replicaReads(ReplicaProperties properties, Environment environment) {
        return new ReplicaReads(
                properties,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    /** Wraps the data source as it is made, so that everything using it (JPA, JDBC, Flyway) sees the routing. */
    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<ReplicaReads> replicaReads) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource primary && "dataSource".equals(beanName)) {
                    return replicaReads.getObject().route(primary);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<ReplicaReadsFilter> replicaReadsFilter(
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie, ReplicaReads replica) {
        FilterRegistrationBean<ReplicaReadsFilter> registration =
                new FilterRegistrationBean<>(new ReplicaReadsFilter(sessionCookie, replica));
        registration.setOrder(FilterOrder.REPLICA_READS.order());
        return registration;
    }
}
