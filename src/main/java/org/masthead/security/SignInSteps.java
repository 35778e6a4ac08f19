package org.masthead.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Sign-in in steps. A password that is right for a member who has a second factor (or whose role requires one)
 * signs them in only part-way: their authentication carries the password factor and one pending step
 * ({@link #CODE} or {@link #SETUP}) and none of their role's authorities, so no newsroom page lets them in
 * ({@link SecondFactorGate} sends them to the step's page instead). Once the step is done, {@link #complete} gives
 * them their role, with every factor they used recorded as a Spring Security {@link FactorGrantedAuthority}
 * ({@code FACTOR_PASSWORD}, {@code FACTOR_TOTP}, {@code FACTOR_WEBAUTHN}...).
 */
public final class SignInSteps {

    /** Pending: a code from their authenticator app (or a recovery code). */
    public static final String CODE = "SIGN_IN_STEP_CODE";
    /** Pending: a code e-mailed to them (a new device, and neither an authenticator app nor a passkey). */
    public static final String EMAILED_CODE = "SIGN_IN_STEP_EMAILED_CODE";
    /** Pending: setting up a second factor their role requires. */
    public static final String SETUP = "SIGN_IN_STEP_SETUP";

    public static final String CODE_PAGE = "/login/second-factor";
    public static final String SETUP_PAGE = "/login/second-factor/setup";

    /** The session attribute holding the User-Agent it was signed in from (cut to 300 characters). */
    public static final String USER_AGENT = SignInSteps.class.getName() + ".userAgent";

    /** The factor an authenticator app's code (or a recovery code standing in for it) proves. */
    public static final String TOTP_FACTOR = "TOTP";

    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SignInSteps() {}

    /** {@code member} signed in with {@code factors} so far, with {@code step} still to do. */
    public static Authentication pending(
            StaffUser member, String step, Collection<? extends GrantedAuthority> factors) {
        List<GrantedAuthority> authorities = new ArrayList<>(factorsOf(factors));
        authorities.add(new SimpleGrantedAuthority(step));
        return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
    }

    /** The step still to do, if any. */
    public static Optional<String> pendingStep(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.equals(CODE) || a.equals(EMAILED_CODE) || a.equals(SETUP))
                .findFirst();
    }

    /**
     * Ends the pending step: {@code member} is signed in with their role and the factors used (those of
     * {@code before} and {@code factor}), and the context is saved in the session under a new id.
     */
    public static void complete(
            StaffUser member,
            Authentication before,
            String factor,
            HttpServletRequest request,
            HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
        authorities.addAll(factorsOf(before.getAuthorities()));
        authorities.add(FactorGrantedAuthority.fromFactor(factor));
        Authentication done = UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(done);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    /** Keeps the User-Agent the member signs in from in their session (their security page lists sessions by it). */
    public static void rememberDevice(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            request.getSession()
                    .setAttribute(USER_AGENT, userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent);
        }
    }

    /**
     * Where the member was going when they were asked to sign in (a newsroom page, as a path), forgotten once
     * answered; the dashboard otherwise.
     */
    public static String nextPath(HttpServletRequest request, HttpServletResponse response) {
        RequestCache cache = StaffRequestCache.get();
        SavedRequest saved = cache.getRequest(request, response);
        if (saved != null) {
            cache.removeRequest(request, response);
            String path = URI.create(saved.getRedirectUrl()).getPath();
            path = path == null
                    ? ""
                    : path.substring(
                            Math.min(path.length(), request.getContextPath().length()));
            if (path.equals("/admin") || path.startsWith("/admin/")) {
                return path;
            }
        }
        return "/admin";
    }

    private static List<GrantedAuthority> factorsOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .filter(a -> a instanceof FactorGrantedAuthority)
                .map(a -> (GrantedAuthority) a)
                .toList();
    }
}
