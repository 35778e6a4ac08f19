package org.masthead.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one authentication provider: email and password checked against {@code accounts}, behind the
 * {@link LoginThrottle}. The password is checked before the account's status, so a disabled account answers
 * like a wrong password, with the same timing; an unknown email is checked against a dummy hash by
 * {@link DaoAuthenticationProvider} itself and answers the same way too.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    AuthenticationProvider accountAuthenticationProvider(
            AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            SignInFailures failures) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ThrottledAuthenticationProvider(passwords, throttle, failures);
    }

    /** Refuses attempts from an address that failed too often; counts every failure, known email or not. */
    static final class ThrottledAuthenticationProvider implements AuthenticationProvider {

        private final AuthenticationProvider delegate;
        private final LoginThrottle throttle;
        private final SignInFailures failures;

        ThrottledAuthenticationProvider(
                AuthenticationProvider delegate, LoginThrottle throttle, SignInFailures failures) {
            this.delegate = delegate;
            this.throttle = throttle;
            this.failures = failures;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String email = authentication.getName() == null
                    ? ""
                    : authentication.getName().strip();
            String remoteAddr = authentication.getDetails() instanceof WebAuthenticationDetails details
                            && details.getRemoteAddress() != null
                    ? details.getRemoteAddress()
                    : "";
            var blocked = throttle.blockedUntil(email, remoteAddr);
            if (blocked.isPresent()) {
                failures.refused(email, remoteAddr, blocked.get());
                throw new SignInThrottledException(blocked.get());
            }
            try {
                Authentication result = delegate.authenticate(authentication);
                throttle.succeeded(email, remoteAddr);
                return result;
            } catch (AuthenticationException ex) {
                throttle.failed(email, remoteAddr);
                throw ex;
            } catch (IllegalArgumentException ex) {
                // A password the encoder cannot take at all (bcrypt: over 72 bytes) is simply a wrong one.
                throttle.failed(email, remoteAddr);
                throw new BadCredentialsException("Bad credentials", ex);
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
