package org.masthead.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A 403 for every refusal, but a form POST refused for a missing or expired CSRF token (typically after the
 * session expired) is first offered to the {@link RejectedFormRescue}s, whose page tells how to get the text back.
 * They may keep the text only for the staff member the request belongs to: the one signed in, or the one whose
 * expired session the request still names ({@link StaffSessions}); anyone else's post is kept for nobody.
 */
class RescuingAccessDeniedHandler implements AccessDeniedHandler {

    private final List<RejectedFormRescue> rescues;
    private final StaffSessions staffSessions;
    private final AccessDeniedHandler plain = new AccessDeniedHandlerImpl();

    RescuingAccessDeniedHandler(List<RejectedFormRescue> rescues, StaffSessions staffSessions) {
        this.rescues = List.copyOf(rescues);
        this.staffSessions = staffSessions;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (refusal instanceof CsrfException && "POST".equals(request.getMethod())) {
            OptionalLong staffMember = staffMember(request);
            for (RejectedFormRescue rescue : rescues) {
                Optional<String> page = rescue.rescue(request, staffMember);
                if (page.isPresent()) {
                    AccessDeniedHandlerImpl forward = new AccessDeniedHandlerImpl();
                    forward.setErrorPage(page.get());
                    forward.handle(request, response, refusal);
                    return;
                }
            }
        }
        plain.handle(request, response, refusal);
    }

    private OptionalLong staffMember(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffUser member) {
            return OptionalLong.of(member.getAccountId());
        }
        String sessionId = request.getRequestedSessionId();
        return sessionId == null || sessionId.isBlank() ? OptionalLong.empty() : staffSessions.owner(sessionId);
    }
}
