package org.masthead.account;

import org.masthead.audit.AuditLog;
import org.masthead.security.StaffUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Audits every sign-in, counts failed ones ({@link SignInFailures}), and notes the account's last sign-in. */
@Component
class SignInAuditListener {

    private final AuditLog audit;
    private final AccountService accounts;
    private final SignInFailures failures;

    SignInAuditListener(AuditLog audit, AccountService accounts, SignInFailures failures) {
        this.audit = audit;
        this.accounts = accounts;
        this.failures = failures;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            accounts.markSignedIn(user.getAccountId());
            audit.recordSeparately(
                    user, "account.sign-in", "account #" + user.getAccountId() + " " + user.getEmail(), "");
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInThrottledException) {
            return; // audited where it is refused
        }
        String email = String.valueOf(event.getAuthentication().getName());
        String why = event.getException() instanceof DisabledException ? "account disabled" : "wrong email or password";
        String remoteAddr = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "";
        failures.failed(email, remoteAddr, why);
    }
}
