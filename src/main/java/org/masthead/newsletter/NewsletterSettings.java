package org.masthead.newsletter;

import org.masthead.settings.EmailAddressSetting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsletter's sender and reply address, changed by admins on the settings page; the properties
 * {@value #FROM} and {@value #REPLY_TO} are their defaults.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterSettings {

    static final String FROM = "masthead.newsletter.from";
    static final String REPLY_TO = "masthead.newsletter.reply-to";

    @Bean
    EmailAddressSetting newsletterFrom(NewsletterProperties properties) {
        return new EmailAddressSetting(FROM, properties.from(), false);
    }

    @Bean
    EmailAddressSetting newsletterReplyTo(NewsletterProperties properties) {
        return new EmailAddressSetting(REPLY_TO, properties.replyTo(), true);
    }
}
