package org.masthead.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One filter chain. Reader pages are open to all and stay sessionless; {@code /admin/**} needs a signed-in
 * staff member, with finer rules checked per action. Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script anywhere; JSON-LD data blocks are not executed, so they need no exception. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Browser features a journal never uses, denied to every page (and to anything a page might embed): camera,
     * microphone, location, payments, USB and the other device APIs, and interest-based ad tracking.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), ambient-light-sensor=(), autoplay=(), "
            + "battery=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), "
            + "geolocation=(), gyroscope=(), hid=(), idle-detection=(), interest-cohort=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
            + "usb=(), xr-spatial-tracking=()";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<RejectedFormRescue> rescues,
            AuthenticationFailureHandler signInFailureHandler,
            StaffSessions staffSessions,
            Clock clock)
            throws Exception {
        // Only a newsroom page asked for before signing in is remembered (in a session) to return to afterwards;
        // a reader's request, even one refused or not found, never starts a session.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**")));
        http.authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers("/error", "/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .requestMatchers(
                                        HttpMethod.GET,
                                        "/",
                                        "/articles/**",
                                        "/sections/**",
                                        "/authors/**",
                                        "/topics/**",
                                        "/search",
                                        "/feed.xml",
                                        "/sitemap.xml",
                                        "/robots.txt",
                                        "/preview/**",
                                        "/media/**",
                                        "/css/**",
                                        "/js/**",
                                        "/img/**",
                                        "/favicon.ico")
                                .permitAll()
                                .requestMatchers("/newsletter", "/newsletter/**")
                                .permitAll()
                                .requestMatchers("/login")
                                .permitAll()
                                .requestMatchers("/account/set-password/*")
                                .permitAll()
                                // OPTIONS would answer 200 with the allowed methods whatever the role: refused
                                // like a GET is (the sign-in redirect, or 403 once signed in).
                                .requestMatchers(HttpMethod.OPTIONS, "/admin", "/admin/**")
                                .denyAll()
                                .requestMatchers("/admin", "/admin/**")
                                .authenticated()
                                .anyRequest()
                                .denyAll())
                // The newsletter's public POSTs carry no token (their forms sit on sessionless, cacheable pages);
                // double opt-in, single-use emailed tokens, rate limits and a honeypot protect them instead.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/newsletter", "/newsletter/**")
                        .csrfTokenRepository(new SessionCsrfTokens()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions
                        // Staff areas send an anonymous visitor to sign in; anywhere else a denied path is simply not
                        // found.
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin"))
                        .defaultAuthenticationEntryPointFor(
                                (request, response, denied) -> response.sendError(HttpServletResponse.SC_NOT_FOUND),
                                AnyRequestMatcher.INSTANCE)
                        // A refused staff form post keeps its text (draft rescue) before the 403.
                        .accessDeniedHandler(new RescuingAccessDeniedHandler(
                                rescues.orderedStream().toList(), staffSessions)))
                // Remembers whose a staff session is (hashed), so a form posted after it expired is kept for them.
                .addFilterAfter(new StaffSessionMarkFilter(staffSessions, clock), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        // a saved request (an admin page asked for before signing in) wins; otherwise the dashboard
                        .defaultSuccessUrl("/admin")
                        .failureHandler(signInFailureHandler))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.addLogoutHandler((request, response, signedIn) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null) {
                                staffSessions.forget(session.getId());
                            }
                        })
                        .logoutSuccessUrl("/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** An admin may do all an editor may, and an editor all a contributor may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_EDITOR > ROLE_CONTRIBUTOR
                """);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
