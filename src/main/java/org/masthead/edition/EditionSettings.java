package org.masthead.edition;

import org.masthead.settings.SettingsStore;
import org.masthead.settings.TextSetting;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journal's postal address in every edition's footer ({@value #POSTAL_ADDRESS}, changed by admins on the
 * settings page; the property is its default). Anti-spam law in many countries requires it: while it is empty no
 * edition can be sent, and the edition page says so before anyone tries.
 */
@Configuration(proxyBeanMethods = false)
class EditionSettings {

    static final String POSTAL_ADDRESS = "masthead.newsletter.postal-address";

    @Bean
    TextSetting newsletterPostalAddress(EditionProperties properties) {
        return new TextSetting(POSTAL_ADDRESS, properties.postalAddress(), 300);
    }

    /** The postal address as it is now. */
    @Bean
    PostalAddress postalAddress(SettingsStore settings, @Qualifier("newsletterPostalAddress") TextSetting setting) {
        return () -> settings.get(setting);
    }

    /** The postal address as it is now (empty while none is set). */
    @FunctionalInterface
    interface PostalAddress {
        String get();
    }
}
