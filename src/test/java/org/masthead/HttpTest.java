package org.masthead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test over real HTTP ({@link HttpPage}, {@link StaffHttp}, a browser) against the server on its random port
 * ({@code @LocalServerPort}): what a browser gets, the servlet container's limits, error dispatches and headers
 * included. Built on {@link IntegrationTest}, so both share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
public @interface HttpTest {}
