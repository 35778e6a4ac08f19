package org.masthead.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.masthead.web.ReaderUrls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain. Reader pages ({@link ReaderUrls}) are open to all and stay sessionless; {@code /admin/**} needs a signed-in
 * staff member, and the areas of one role that role. This is the first line only: every service checks each
 * action against its actor again (the feature's {@code *Permissions}). Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script anywhere; JSON-LD data blocks are not executed, so they need no exception. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Browser features a journal never uses, denied to every page (and to anything a page might embed): camera,
     * microphone, location, payments, USB and the other device APIs, and interest-based ad tracking. Passkeys
     * (WebAuthn) are allowed to the site itself only.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), ambient-light-sensor=(), autoplay=(), "
            + "battery=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), "
            + "geolocation=(), gyroscope=(), hid=(), idle-detection=(), interest-cohort=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), publickey-credentials-create=(self), publickey-credentials-get=(self), "
            + "screen-wake-lock=(), serial=(), "
            + "usb=(), xr-spatial-tracking=()";

    /** Newsroom areas for admins only (the services check each action again). */
    static final String[] ADMIN_PATHS = {
        "/admin/accounts",
        "/admin/accounts/**",
        "/admin/sections",
        "/admin/sections/**",
        "/admin/audit",
        "/admin/audit/**",
        "/admin/export",
        "/admin/export/**",
        "/admin/import",
        "/admin/import/**",
        "/admin/subscribers",
        "/admin/subscribers.csv",
        "/admin/subscribers/**",
        "/admin/settings",
        "/admin/settings/**",
        "/admin/cache",
        "/admin/cache/**",
        "/admin/webhooks",
        "/admin/webhooks/**",
        "/admin/authors/*/delete",
        "/admin/authors/*/merge"
    };

    /** Newsroom areas for editors and admins (contributors upload media and edit their own profile elsewhere). */
    static final String[] EDITOR_PATHS = {
        "/admin/topics",
        "/admin/topics/**",
        "/admin/front-page",
        "/admin/front-page/**",
        "/admin/editions",
        "/admin/editions/**",
        "/admin/authors",
        "/admin/authors/**",
        "/admin/media/{id:\\d+}",
        "/admin/media/{id:\\d+}/**"
    };

    /**
     * Whatever has not said how it may be cached (staff pages, sign-in, error pages) is kept by nobody. Reader
     * pages, media and assets say so themselves; a 304 keeps the cached response's headers.
     */
    static final String PRIVATE = "private, no-store";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<RejectedFormRescue> rescues,
            AuthenticationFailureHandler signInFailureHandler,
            StaffSessions staffSessions,
            Clock clock,
            Passkeys passkeys,
            UserDetailsService members,
            ApplicationEventPublisher events,
            SignInCompletion completion,
            MessageSource messages)
            throws Exception {
        // Only a newsroom page asked for before signing in is remembered to return to afterwards, in a cookie: no
        // session row exists before a successful sign-in, and a reader's request never starts a session.
        ApiSecurityProblems apiProblems = new ApiSecurityProblems(messages);
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(ReaderUrls.API.pattern());
        RequestCache requestCache = StaffRequestCache.get();
        http.authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers("/error", "/actuator/health", "/actuator/health/**")
                                .permitAll()
                                // The reader's URLs, open to everyone for reading (the content API among them)
                                .requestMatchers(HttpMethod.GET, ReaderUrls.patterns())
                                .permitAll()
                                // HEAD answers like GET, without the body (uptime monitors, link checkers)
                                .requestMatchers(HttpMethod.HEAD, ReaderUrls.patterns())
                                .permitAll()
                                // The read-only content API's CORS preflights; any other method is denied.
                                .requestMatchers(HttpMethod.OPTIONS, ReaderUrls.apiPatterns())
                                .permitAll()
                                .requestMatchers("/newsletter", "/newsletter/**")
                                .permitAll()
                                // Readership counting (answered by analytics' filter before this chain, sessionless)
                                .requestMatchers("/count")
                                .permitAll()
                                // An edition's links, through the signed redirect (analytics)
                                .requestMatchers(HttpMethod.GET, "/r/*/*")
                                .permitAll()
                                .requestMatchers("/login")
                                .permitAll()
                                .requestMatchers(SignInSteps.CODE_PAGE, SignInSteps.SETUP_PAGE)
                                .authenticated()
                                .requestMatchers("/account/set-password/*")
                                .permitAll()
                                // OPTIONS would answer 200 with the allowed methods whatever the role: refused
                                // like a GET is (the sign-in redirect, or 403 once signed in).
                                .requestMatchers(HttpMethod.OPTIONS, "/admin", "/admin/**")
                                .denyAll()
                                .requestMatchers(ADMIN_PATHS)
                                .hasRole(Role.ADMIN.name())
                                .requestMatchers(EDITOR_PATHS)
                                .hasRole(Role.EDITOR.name())
                                .requestMatchers("/admin", "/admin/**")
                                .authenticated()
                                .anyRequest()
                                .denyAll())
                // The newsletter's public POSTs carry no token (their forms sit on sessionless, cacheable pages);
                // double opt-in, single-use emailed tokens, rate limits and a honeypot protect them instead.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/newsletter", "/newsletter/**", "/count")
                        .csrfTokenRepository(new SessionCsrfTokens()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions
                        // Staff areas send an anonymous visitor to sign in; anywhere else a denied path is simply not
                        // found.
                        .defaultAuthenticationEntryPointFor(
                                signIn(),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"))
                        .defaultAuthenticationEntryPointFor(
                                signIn(),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin"))
                        // The content API answers its refusals as problems (405 to any method but a read).
                        .defaultAuthenticationEntryPointFor(apiProblems, api)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, denied) -> response.sendError(HttpServletResponse.SC_NOT_FOUND),
                                AnyRequestMatcher.INSTANCE)
                        // A refused staff form post keeps its text (draft rescue) before the 403.
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(api, apiProblems)),
                                new RescuingAccessDeniedHandler(
                                        rescues.orderedStream().toList(), staffSessions))))
                // Remembers whose a staff session is (hashed), so a form posted after it expired is kept for them.
                .addFilterAfter(new StaffSessionMarkFilter(staffSessions, clock), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        // a saved request (an admin page asked for before signing in) wins; otherwise the dashboard
                        .successHandler(SecondFactorGate.successHandler(completion))
                        .failureHandler(signInFailureHandler))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.addLogoutHandler((request, response, signedIn) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null) {
                                staffSessions.forget(session.getId());
                            }
                        })
                        .logoutSuccessUrl("/"))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)
                                    && response.getStatus() != HttpServletResponse.SC_NOT_MODIFIED) {
                                response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
                            }
                        })
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        secondFactorSteps(http);
        passkeys.applyTo(http, members, events, completion);
        return http.build();
    }

    /**
     * The redirect to the sign-in page, relative ({@code Location: /login}, which the container leaves relative:
     * {@code server.tomcat.use-relative-redirects}): an absolute one would be built from the request's Host header,
     * which the client chooses.
     */
    private static LoginUrlAuthenticationEntryPoint signIn() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * Sign-in in steps ({@link SignInSteps}): after the password, a member with a second factor (or whose role
     * requires one) is sent to the code page or the set-up page, and no newsroom page lets them in before.
     */
    private static void secondFactorSteps(HttpSecurity http) {
        http.addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class);
    }

    /** An admin may do all an editor may, and an editor all a contributor may: the order of {@link Role}. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
