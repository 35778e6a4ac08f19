package org.masthead.newsletter;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Newsletter signup settings ({@code masthead.newsletter.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender of newsletter emails (signup and editions); the default of the setting admins change
 * @param replyTo where readers' replies go (empty: to the sender); the default of the setting admins change
 * @param unsubscribeMailto optional address for the {@code mailto:} form of {@code List-Unsubscribe}
 * @param confirmValidity how long a confirmation link works
 * @param unsubscribeValidity how long an unsubscribe link works
 * @param maxPerAddress signups per address within {@code rateWindow}
 * @param maxPerIp signups per IP address within {@code rateWindow}
 */
@Validated
@ConfigurationProperties("masthead.newsletter")
public record NewsletterProperties(
        @DefaultValue("newsletter@localhost") @NotBlank String from,
        @DefaultValue("") String replyTo,
        @DefaultValue("") String unsubscribeMailto,
        @DefaultValue("48h") @NotNull Duration confirmValidity,
        @DefaultValue("365d") @NotNull Duration unsubscribeValidity,
        @DefaultValue("3") @Min(1) int maxPerAddress,
        @DefaultValue("20") @Min(1) int maxPerIp,
        @DefaultValue("1h") @NotNull Duration rateWindow) {}
