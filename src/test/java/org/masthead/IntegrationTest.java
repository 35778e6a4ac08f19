package org.masthead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application through MockMvc (or its beans directly) against the embedded PostgreSQL, with a
 * movable clock ({@link MutableClock}), the test profile ({@code application-test.properties}: no scheduler, no
 * background jobs) and {@link TestInfrastructure} (statement counter, SMTP chosen at run time).
 *
 * <p>One Spring context for every test class of the build, shared with {@link HttpTest} (the same configuration:
 * the server's random port costs nothing, a second context a start-up). Keep it one: add no
 * {@code @SpringBootTest}, {@code @MockitoBean}, {@code @TestPropertySource}, {@code @DynamicPropertySource} or
 * {@code @Import} to a test class; put what a test needs in {@link TestInfrastructure} as a bean the test sets at
 * run time. {@code SpringContextCountTests} counts the contexts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestInfrastructure.class})
@ActiveProfiles("test")
public @interface IntegrationTest {}
