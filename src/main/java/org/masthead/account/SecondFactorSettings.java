package org.masthead.account;

import java.util.EnumSet;
import java.util.Set;

import org.masthead.security.Role;
import org.masthead.settings.BooleanSetting;
import org.masthead.settings.RoleSetSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The roles whose members must sign in with a second factor ({@value #REQUIRED_ROLES}): an admin changes them on
 * the settings page; the property is the default, and without it {@code ADMIN} (none with demo content, so the demo
 * accounts sign in with their documented passwords alone).
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorSettings {

    static final String REQUIRED_ROLES = "masthead.security.second-factor-required-roles";
    static final String NEW_DEVICE_CHECK = "masthead.security.new-device-check";

    /**
     * Whether a sign-in from a new device is e-mailed to the member, and, for an account with neither an
     * authenticator app nor a passkey, needs a code e-mailed to them first. On by default; off with demo content.
     */
    @Bean
    BooleanSetting newDeviceCheck(Environment environment, SignInSecurityProperties properties) {
        boolean demo = environment.getProperty("masthead.demo-content", Boolean.class, false);
        Boolean configured = properties.newDeviceCheck();
        return new BooleanSetting(NEW_DEVICE_CHECK, configured != null ? configured : !demo);
    }

    @Bean
    RoleSetSetting secondFactorRequiredRoles(Environment environment, SignInSecurityProperties properties) {
        String configured = properties.secondFactorRequiredRoles();
        RoleSetSetting parser = new RoleSetSetting(REQUIRED_ROLES, Set.of());
        Set<Role> defaults;
        if (configured != null) {
            defaults = parser.parse(configured);
        } else if (environment.getProperty("masthead.demo-content", Boolean.class, false)) {
            defaults = EnumSet.noneOf(Role.class);
        } else {
            defaults = EnumSet.of(Role.ADMIN);
        }
        return new RoleSetSetting(REQUIRED_ROLES, defaults);
    }
}
