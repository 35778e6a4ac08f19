package org.masthead.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member signed in part-way ({@link SignInSteps}) who asks for a newsroom page is sent to the step still to do:
 * the code page, or the set-up of the second factor their role requires. Everyone else passes.
 */
class SecondFactorGate extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> step =
                SignInSteps.pendingStep(SecurityContextHolder.getContext().getAuthentication());
        if (step.isPresent()) {
            response.sendRedirect(request.getContextPath() + pageOf(step.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    static String pageOf(String step) {
        return step.equals(SignInSteps.SETUP) ? SignInSteps.SETUP_PAGE : SignInSteps.CODE_PAGE;
    }

    /** After the password: to the pending step's page if there is one, else where the member was going. */
    static AuthenticationSuccessHandler successHandler(SignInCompletion completion) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/admin");
        next.setRequestCache(StaffRequestCache.get());
        return (request, response, authentication) -> {
            SignInSteps.rememberDevice(request);
            Optional<String> step = SignInSteps.pendingStep(authentication);
            if (step.isPresent()) {
                response.sendRedirect(request.getContextPath() + pageOf(step.get()));
            } else {
                if (authentication.getPrincipal() instanceof StaffUser member) {
                    completion.completed(member, request, response);
                }
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    static boolean isPending(Authentication authentication) {
        return SignInSteps.pendingStep(authentication).isPresent();
    }
}
