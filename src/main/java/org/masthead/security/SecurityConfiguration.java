package org.masthead.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

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

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<RejectedFormRescue> rescues,
            AuthenticationFailureHandler signInFailureHandler)
            throws Exception {
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
                                // The read-only content API: reads and CORS preflights; any other method is denied.
                                .requestMatchers(HttpMethod.GET, "/api/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.HEAD, "/api/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.OPTIONS, "/api/**")
                                .permitAll()
                                .requestMatchers("/newsletter", "/newsletter/**")
                                .permitAll()
                                .requestMatchers("/login")
                                .permitAll()
                                .requestMatchers("/account/set-password/*")
                                .permitAll()
                                .requestMatchers("/admin", "/admin/**")
                                .authenticated()
                                .anyRequest()
                                .denyAll())
                // The newsletter's public POSTs carry no token (their forms sit on sessionless, cacheable pages);
                // double opt-in, single-use emailed tokens, rate limits and a honeypot protect them instead.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/newsletter", "/newsletter/**"))
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
                                rescues.orderedStream().toList())))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        // a saved request (an admin page asked for before signing in) wins; otherwise the dashboard
                        .defaultSuccessUrl("/admin")
                        .failureHandler(signInFailureHandler))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
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
