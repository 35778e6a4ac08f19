package org.masthead.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.masthead.outbox.OutgoingCredentials;
import org.masthead.outbox.OutgoingRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs each webhook delivery as it is sent (so a retry carries a fresh time): {@code X-Masthead-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the webhook's secret>}. A receiver recomputes it and
 * refuses a delivery whose time is too old. A delivery whose webhook was deleted meanwhile is not sent: the
 * attempt fails, and the outbox gives up after its attempts.
 */
@Component
class WebhookSignature implements OutgoingCredentials {

    static final String HEADER = "X-Masthead-Signature";

    // the table, not Webhooks: the outbox that calls this is what Webhooks reads deliveries from
    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookSignature(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WebhookDispatch.KIND;
    }

    @Override
    public Map<String, String> headersFor(OutgoingRequest request) {
        long id = Long.parseLong(request.headers().getOrDefault(WebhookDispatch.WEBHOOK_ID, "0"));
        String secret = jdbc.sql("select secret from webhooks where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("Webhook #" + id + " was deleted; not sent"));
        long time = clock.instant().getEpochSecond();
        return Map.of(HEADER, "t=" + time + ",v1=" + sign(secret, time + "." + request.body()));
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
