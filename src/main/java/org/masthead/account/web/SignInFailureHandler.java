package org.masthead.account.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.account.SignInThrottledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the sign-in page with the email kept and one of two messages: "wrong email or password" (whatever
 * the reason: unknown email, wrong password, disabled account) or "too many attempts, try again in N minutes".
 */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final Clock clock;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    SignInFailureHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        FlashMap flash = new FlashMap();
        String email = request.getParameter("email");
        flash.put("email", email == null ? "" : email.strip());
        String target;
        if (exception instanceof SignInThrottledException throttled) {
            long seconds =
                    Duration.between(clock.instant(), throttled.getUntil()).toSeconds();
            flash.put("retryMinutes", Math.max(1, (seconds + 59) / 60));
            target = "/login?throttled";
        } else {
            target = "/login?error";
        }
        flash.setTargetRequestPath(request.getContextPath() + "/login");
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + target);
    }
}
