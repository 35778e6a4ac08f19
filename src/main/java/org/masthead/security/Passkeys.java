package org.masthead.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.CredentialRecordOwnerAuthorizationManager;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsFilter;
import org.springframework.security.web.webauthn.registration.WebAuthnRegistrationFilter;

/**
 * Passkeys (WebAuthn) with Spring Security's own filters and its JDBC repositories, wired here rather than through
 * {@code http.webAuthn()} so that a ceremony's challenge is kept without an HTTP session ({@link PasskeyCeremonies})
 * and the member signed in is the same {@link StaffUser} a password signs in. A passkey signs in alone: it is
 * phishing-resistant and asks the authenticator to verify its user (PIN, fingerprint), so it counts as both factors.
 *
 * <p>The relying party is the host of {@code masthead.site-url}, and only its origin is accepted; on a local run
 * (host {@code localhost}) the port the server actually listens on is accepted too.
 *
 * <ul>
 *   <li>{@code POST /webauthn/authenticate/options}, {@code POST /login/webauthn}: sign-in (from /login)
 *   <li>{@code POST /admin/security/passkeys/options}, {@code POST /admin/security/passkeys}: a signed-in member
 *       adds a passkey (from their security page; the newsroom's rules and the second-factor gate apply first)
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class Passkeys implements ApplicationListener<WebServerInitializedEvent> {

    static final String SIGN_IN_OPTIONS = "/webauthn/authenticate/options";
    static final String SIGN_IN = "/login/webauthn";
    static final String REGISTER_OPTIONS = "/admin/security/passkeys/options";
    static final String REGISTER = "/admin/security/passkeys";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final URI site;
    private final String siteName;
    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    Passkeys(
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${masthead.site-url}") String siteUrl,
            @Value("${masthead.site-name:Masthead}") String siteName) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.site = URI.create(siteUrl);
        this.siteName = siteName;
        origins.add(site.getScheme() + "://" + site.getHost() + (site.getPort() < 0 ? "" : ":" + site.getPort()));
    }

    @Bean
    JdbcPublicKeyCredentialUserEntityRepository passkeyUsers() {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    JdbcUserCredentialRepository passkeyCredentials() {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("localhost".equals(site.getHost())) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }

    /** Adds the passkey filters to the one filter chain. */
    void applyTo(
            HttpSecurity http,
            UserDetailsService members,
            ApplicationEventPublisher events,
            SignInCompletion completion) {
        JdbcPublicKeyCredentialUserEntityRepository users = passkeyUsers();
        UserCredentialRepository credentials = new Announced(passkeyCredentials(), events);
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(site.getHost())
                        .name(siteName)
                        .build(),
                origins);
        relyingParty.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        PasskeyCeremonies ceremonies = new PasskeyCeremonies(jdbc, clock);

        PublicKeyCredentialRequestOptionsFilter signInOptions =
                new PublicKeyCredentialRequestOptionsFilter(relyingParty);
        signInOptions.setRequestOptionsRepository(ceremonies.requests());
        signInOptions.setRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN_OPTIONS));

        ProviderManager manager = new ProviderManager(
                new AsStaffMember(new WebAuthnAuthenticationProvider(relyingParty, members), members));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        WebAuthnAuthenticationFilter signIn = new WebAuthnAuthenticationFilter();
        signIn.setAuthenticationManager(manager);
        signIn.setRequiresAuthenticationRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN));
        signIn.setRequestOptionsRepository(ceremonies.requests());
        signIn.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        signIn.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        signIn.setAuthenticationSuccessHandler((request, response, who) -> {
            if (who.getPrincipal() instanceof StaffUser member) {
                completion.completed(member, request, response);
            }
            signedIn(request, response, who);
        });

        PublicKeyCredentialCreationOptionsFilter registerOptions =
                new PublicKeyCredentialCreationOptionsFilter(relyingParty);
        registerOptions.setCreationOptionsRepository(ceremonies.creations());
        registerOptions.setRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, REGISTER_OPTIONS));
        WebAuthnRegistrationFilter register = new WebAuthnRegistrationFilter(credentials, relyingParty);
        register.setCreationOptionsRepository(ceremonies.creations());
        register.setRegisterCredentialMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, REGISTER));
        register.setRemoveCredentialMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, REGISTER + "/{id}"));
        register.setDeleteCredentialAuthorizationManager(
                new CredentialRecordOwnerAuthorizationManager(credentials, users));

        http.addFilterAfter(signInOptions, CsrfFilter.class)
                .addFilterBefore(signIn, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(registerOptions, AuthorizationFilter.class)
                .addFilterAfter(register, AuthorizationFilter.class);
    }

    /** The answer to the sign-in page's script: where to go now. */
    private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication who)
            throws IOException {
        SignInSteps.rememberDevice(request);
        String next = request.getContextPath() + SignInSteps.nextPath(request, response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter()
                .write("{\"authenticated\":true,\"redirectUrl\":\""
                        + next.replace("\\", "").replace("\"", "") + "\"}");
    }

    /** The credentials, as the registration filter saves them: a new one is announced ({@link PasskeyAdded}). */
    record Announced(UserCredentialRepository delegate, ApplicationEventPublisher events)
            implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord record) {
            boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
            delegate.save(record);
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (added && who != null && who.getPrincipal() instanceof StaffUser member) {
                events.publishEvent(new PasskeyAdded(member, record.getLabel()));
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            delegate.delete(credentialId);
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return delegate.findByUserId(userId);
        }
    }

    /**
     * Turns Spring's passkey sign-in (its principal is the passkey's user entity, named by the member's email) into
     * the {@link StaffUser} sign-in every feature expects, with the passkey factor recorded.
     */
    static final class AsStaffMember implements AuthenticationProvider {

        private final AuthenticationProvider delegate;
        private final UserDetailsService members;

        AsStaffMember(AuthenticationProvider delegate, UserDetailsService members) {
            this.delegate = delegate;
            this.members = members;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Authentication result = delegate.authenticate(authentication);
            if (result == null || !(result.getPrincipal() instanceof PublicKeyCredentialUserEntity entity)) {
                return result;
            }
            if (!(members.loadUserByUsername(entity.getName()) instanceof StaffUser member) || !member.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
            List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            UsernamePasswordAuthenticationToken signedIn =
                    UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
            signedIn.setDetails(authentication.getDetails());
            return signedIn;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
