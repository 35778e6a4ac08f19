package org.masthead.account;

import java.time.Instant;

/**
 * A freshly issued one-time link: the raw {@code token} exists only here (the database keeps its hash), so the
 * admin sees it once. The link is {@code /account/set-password/{token}}.
 */
public record SetPasswordLink(Account account, String token, Instant expiresAt) {

    public String path() {
        return "/account/set-password/" + token;
    }
}
