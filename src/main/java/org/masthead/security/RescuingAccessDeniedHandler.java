package org.masthead.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A 403 for every refusal, but a form POST refused for a missing or expired CSRF token (typically after the
 * session expired) is first offered to the {@link RejectedFormRescue}s, whose page tells how to get the text back.
 */
class RescuingAccessDeniedHandler implements AccessDeniedHandler {

    private final List<RejectedFormRescue> rescues;
    private final AccessDeniedHandler plain = new AccessDeniedHandlerImpl();

    RescuingAccessDeniedHandler(List<RejectedFormRescue> rescues) {
        this.rescues = List.copyOf(rescues);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (refusal instanceof CsrfException && "POST".equals(request.getMethod())) {
            for (RejectedFormRescue rescue : rescues) {
                Optional<String> page = rescue.rescue(request);
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
}
