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
 * A test over real HTTP ({@link HttpPage}, {@link StaffHttp}, a browser) against the server on its random port
 * ({@code @LocalServerPort}): what a browser gets, the servlet container's limits, error dispatches and headers
 * included. The same configuration as {@link IntegrationTest}, so both share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestInfrastructure.class})
@ActiveProfiles("test")
public @interface HttpTest {}
