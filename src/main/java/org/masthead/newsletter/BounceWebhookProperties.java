package org.masthead.newsletter;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounce and complaint webhooks of the e-mail providers ({@code masthead.newsletter.webhooks.*}). An endpoint
 * whose secret is empty is off (it answers 404).
 *
 * @param mailgunSigningKey Mailgun's HTTP webhook signing key: each request's signature is the HMAC-SHA256 of its
 *     timestamp and token under this key
 * @param mailgunMaxAge how old a Mailgun request's timestamp may be (older ones are replays and refused)
 * @param postmarkUsername the user name of the basic authentication Postmark sends (set in the webhook's URL)
 * @param postmarkPassword its password
 * @param postmarkToken a secret in the webhook's URL ({@code /newsletter/webhooks/postmark/{token}}), instead of or
 *     besides basic authentication
 */
@Validated
@ConfigurationProperties("masthead.newsletter.webhooks")
public record BounceWebhookProperties(
        @DefaultValue("") String mailgunSigningKey,
        @DefaultValue("15m") @NotNull Duration mailgunMaxAge,
        @DefaultValue("") String postmarkUsername,
        @DefaultValue("") String postmarkPassword,
        @DefaultValue("") String postmarkToken) {

    public boolean mailgunOn() {
        return !mailgunSigningKey.isBlank();
    }

    public boolean postmarkOn() {
        return !postmarkToken.isBlank() || !postmarkPassword.isBlank();
    }
}
