package org.masthead.account;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Test accounts with unique emails, created through the service, and helpers for requests. */
final class StaffFixtures {

    static final String PASSWORD = "correct horse battery";

    private StaffFixtures() {}

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example.org";
    }

    /** A fresh client address for each test, so throttling counts never mix between tests. */
    static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    static RequestPostProcessor from(String remoteAddr) {
        return request -> {
            request.setRemoteAddr(remoteAddr);
            return request;
        };
    }

    static Account create(AccountService accounts, TransactionTemplate transaction, String prefix, Role role) {
        return transaction.execute(status ->
                accounts.createWithPassword(Actor.importing("test"), uniqueEmail(prefix), prefix, role, PASSWORD));
    }

    static StaffUser principal(Account account) {
        return new StaffUser(
                account.getId(), account.getEmail(), account.getDisplayName(), account.getRole(), "{noop}x", true);
    }
}
