package org.masthead.newsletter.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.masthead.newsletter.BounceWebhookProperties;
import org.masthead.newsletter.NewsletterService;
import org.masthead.newsletter.NewsletterService.Feedback;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounces and complaints reported by the e-mail provider after sending, through its webhooks: Mailgun's (each
 * request signed: HMAC-SHA256 of its timestamp and token under the signing key, and refused when older than
 * {@code mailgun-max-age}) and Postmark's (basic authentication in the webhook's URL, or a secret token as the
 * URL's last segment). A permanent bounce suppresses the address; a complaint suppresses and unsubscribes it.
 * Other events are acknowledged and ignored. An endpoint that is not configured answers 404.
 */
@RestController
class BounceWebhookController {

    /** Postmark's bounce types that mean the address will not take mail. */
    private static final Set<String> POSTMARK_PERMANENT =
            Set.of("HardBounce", "BadEmailAddress", "ManuallyDeactivated", "Blocked", "SpamNotification");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NewsletterService newsletter;
    private final BounceWebhookProperties properties;
    private final Clock clock;

    BounceWebhookController(NewsletterService newsletter, BounceWebhookProperties properties, Clock clock) {
        this.newsletter = newsletter;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(value = "/newsletter/webhooks/mailgun", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> mailgun(@RequestBody(required = false) String body) {
        if (!properties.mailgunOn()) {
            return problem(HttpStatus.NOT_FOUND, "This webhook is not configured.");
        }
        JsonNode root = parse(body);
        if (root == null) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not JSON.");
        }
        JsonNode signature = root.path("signature");
        String timestamp = signature.path("timestamp").asString("");
        String token = signature.path("token").asString("");
        String given = signature.path("signature").asString("");
        if (!mailgunSignatureValid(timestamp, token, given)) {
            return problem(HttpStatus.UNAUTHORIZED, "The signature does not match the signing key.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException ex) {
            return problem(HttpStatus.BAD_REQUEST, "The timestamp is not a number.");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        if (age.compareTo(properties.mailgunMaxAge()) > 0) {
            return problem(HttpStatus.UNAUTHORIZED, "The request is too old (a replay?).");
        }
        JsonNode event = root.path("event-data");
        String kind = event.path("event").asString("");
        String recipient = event.path("recipient").asString("");
        if ("failed".equals(kind) && "permanent".equals(event.path("severity").asString(""))) {
            JsonNode status = event.path("delivery-status");
            String reason = (status.path("code").asString("") + " "
                            + status.path("description")
                                    .asString(status.path("message").asString("")))
                    .strip();
            newsletter.feedback(
                    recipient,
                    Feedback.BOUNCE,
                    reason.isEmpty() ? event.path("reason").asString("") : reason,
                    "Mailgun");
        } else if ("complained".equals(kind)) {
            newsletter.feedback(recipient, Feedback.COMPLAINT, "marked as spam", "Mailgun");
        }
        return ResponseEntity.ok().build();
    }

    @PostMapping(value = "/newsletter/webhooks/postmark", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> postmark(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        return postmark(authorization, null, body);
    }

    @PostMapping(value = "/newsletter/webhooks/postmark/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> postmarkWithToken(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String token,
            @RequestBody(required = false) String body) {
        return postmark(authorization, token, body);
    }

    private ResponseEntity<?> postmark(String authorization, String token, String body) {
        if (!properties.postmarkOn()) {
            return problem(HttpStatus.NOT_FOUND, "This webhook is not configured.");
        }
        if (!postmarkAuthorised(authorization, token)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"webhooks\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED, "Wrong or missing credentials for this webhook."));
        }
        JsonNode root = parse(body);
        if (root == null) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not JSON.");
        }
        String recordType = root.path("RecordType").asString("");
        String email = root.path("Email").asString("");
        if ("Bounce".equals(recordType)
                && POSTMARK_PERMANENT.contains(root.path("Type").asString(""))) {
            String reason = (root.path("Type").asString("") + " "
                            + root.path("Description").asString(""))
                    .strip();
            newsletter.feedback(email, Feedback.BOUNCE, reason, "Postmark");
        } else if ("SpamComplaint".equals(recordType)) {
            newsletter.feedback(email, Feedback.COMPLAINT, "marked as spam", "Postmark");
        }
        return ResponseEntity.ok().build();
    }

    boolean mailgunSignatureValid(String timestamp, String token, String given) {
        if (timestamp.isEmpty() || token.isEmpty() || given.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.mailgunSigningKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
            byte[] actual;
            try {
                actual = HexFormat.of().parseHex(given.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
            return MessageDigest.isEqual(expected, actual);
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private boolean postmarkAuthorised(String authorization, String token) {
        if (token != null) {
            return !properties.postmarkToken().isBlank() && same(token, properties.postmarkToken());
        }
        if (properties.postmarkPassword().isBlank()
                || authorization == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon >= 0
                & same(decoded.substring(0, Math.max(colon, 0)), properties.postmarkUsername())
                & same(decoded.substring(colon + 1), properties.postmarkPassword());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException ex) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
