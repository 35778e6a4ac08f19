package org.masthead.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a staff member's open sessions (in the Spring Session JDBC tables), so a disabled account, a changed role
 * or a changed password takes effect on every node at once. Inside a transaction this happens after it commits.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session signed in as {@code email}. */
    void endAll(String email) {
        endAllExcept(email, null);
    }

    /** Ends every session signed in as {@code email} but the one with id {@code keepSessionId} (may be null). */
    void endAllExcept(String email, String keepSessionId) {
        Runnable end = () -> sessions.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }
}
