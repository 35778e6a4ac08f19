package org.masthead.account;

import org.masthead.security.StaffUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the staff member signing in by email, whatever its case. An account without a password yet is treated
 * exactly like an unknown email (so the provider checks the password against a dummy hash, same timing).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public StaffUser loadUserByUsername(String email) {
        return accounts.findByEmail(email.strip())
                .filter(Account::hasPassword)
                .map(a -> new StaffUser(
                        a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getPasswordHash(), a.isEnabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No account with a password for that email"));
    }
}
