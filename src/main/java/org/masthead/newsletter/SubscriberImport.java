package org.masthead.newsletter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a journal's readers from another platform: a CSV export of Mailchimp's audience, Substack's subscribers
 * or Ghost's members (or any CSV with an e-mail column). The format is told by the header; the encoding by its
 * byte-order mark, else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what spreadsheet programs write);
 * the delimiter by the header line. Each address is checked and imported as a confirmed subscriber with the
 * consent date, confirmation date and IP the export carries, and {@code import:<format>} as its source. Nothing
 * ever re-subscribes an address that unsubscribed or was suppressed here, nor one the export says unsubscribed
 * or bounced there; duplicates and invalid addresses are skipped and reported, line by line. A dry run reports
 * the same without writing. Admins only; every import (and dry run) is audited.
 */
@Service
public class SubscriberImport {

    /** Problems listed in a report at most (the counts are always complete). */
    static final int MAX_LINES = 500;

    /** The export formats told apart by their header. */
    public enum Format {
        MAILCHIMP,
        SUBSTACK,
        GHOST,
        GENERIC
    }

    /** Why a row was not imported. */
    public enum Skip {
        INVALID,
        DUPLICATE,
        ALREADY_SUBSCRIBED,
        UNSUBSCRIBED_HERE,
        SUPPRESSED_HERE,
        UNSUBSCRIBED_THERE
    }

    /** A row not imported: its line in the file, its address as written, why. */
    public record Line(long line, String email, Skip reason) {}

    /**
     * What an import did (or, in a dry run, would do).
     *
     * @param imported subscribers added (or that would be)
     * @param withoutConsentDate of those, how many had no consent date in the export (the import's time is kept)
     * @param skipped per reason, how many rows were not imported
     * @param lines the rows not imported, up to {@value #MAX_LINES}
     */
    public record Report(
            boolean dryRun,
            Format format,
            String encoding,
            long rows,
            long imported,
            long withoutConsentDate,
            Map<Skip, Long> skipped,
            List<Line> lines) {}

    /** A file the import cannot read at all (no header, no e-mail column, not CSV); the key says why. */
    public static class UnreadableException extends RuntimeException {

        private final String messageKey;

        UnreadableException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String getMessageKey() {
            return messageKey;
        }
    }

    private record Columns(
            String email,
            List<String> consent,
            List<String> confirmed,
            List<String> ip,
            String unsubscribedWhen,
            String subscribedFlag,
            String disabledFlag) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SubscriberImport(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Report run(Actor by, String fileName, byte[] bytes, boolean dryRun) {
        NotAllowedException.require(NewsletterPermissions.canReadSubscribers(by), by, "import subscribers");
        Decoded decoded = decode(bytes);
        String text = decoded.text();
        char delimiter = delimiter(text);
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        Instant now = clock.instant();
        Map<Skip, Long> skipped = new java.util.EnumMap<>(Skip.class);
        List<Line> lines = new ArrayList<>();
        long rows = 0;
        long imported = 0;
        long withoutConsent = 0;
        Format format;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            List<String> header = parser.getHeaderNames();
            if (header == null || header.isEmpty()) {
                throw new UnreadableException("subscribers.import.error.no-header");
            }
            format = format(header);
            Columns columns = columns(format, header);
            Set<String> seen = new HashSet<>();
            Map<String, Known> known = known();
            String source = "import:" + format.name().toLowerCase(Locale.ROOT);
            for (CSVRecord record : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                String written = value(record, columns.email());
                String email = written.toLowerCase(Locale.ROOT);
                Skip skip = null;
                if (!valid(email)) {
                    skip = Skip.INVALID;
                } else if (!seen.add(email)) {
                    skip = Skip.DUPLICATE;
                } else if (unsubscribedThere(record, columns)) {
                    skip = Skip.UNSUBSCRIBED_THERE;
                } else {
                    Known here = known.get(email);
                    if (here != null) {
                        skip = here.suppressed()
                                ? Skip.SUPPRESSED_HERE
                                : "UNSUBSCRIBED".equals(here.status())
                                        ? Skip.UNSUBSCRIBED_HERE
                                        : Skip.ALREADY_SUBSCRIBED;
                    }
                }
                if (skip != null) {
                    skipped.merge(skip, 1L, Long::sum);
                    if (lines.size() < MAX_LINES) {
                        lines.add(new Line(line, written, skip));
                    }
                    continue;
                }
                Optional<Instant> consent = firstDate(record, columns.consent());
                Instant consentedAt = consent.orElse(now);
                if (consent.isEmpty()) {
                    withoutConsent++;
                }
                Instant confirmedAt = firstDate(record, columns.confirmed()).orElse(consentedAt);
                String ip = columns.ip().stream()
                        .map(c -> value(record, c))
                        .filter(v -> !v.isEmpty())
                        .findFirst()
                        .orElse("");
                imported++;
                if (!dryRun) {
                    jdbc.sql("""
                                    insert into subscribers (email, status, source, consent_ip, consented_at,
                                                             confirmed_at, created_at, updated_at, all_editions)
                                    values (:email, 'CONFIRMED', :source, :ip, :consented, :confirmed, :now, :now,
                                            true)
                                    on conflict (email) do nothing""")
                            .param("email", email)
                            .param("source", source)
                            .param("ip", ip.length() > 64 ? ip.substring(0, 64) : ip)
                            .param("consented", Timestamp.from(consentedAt))
                            .param("confirmed", Timestamp.from(confirmedAt))
                            .param("now", Timestamp.from(now))
                            .update();
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException ex) {
            throw new UnreadableException("subscribers.import.error.not-csv");
        }
        Report report =
                new Report(dryRun, format, decoded.charset().name(), rows, imported, withoutConsent, skipped, lines);
        audit.record(
                by,
                dryRun ? "subscribers.import-dry-run" : "subscribers.import",
                "subscribers",
                fileName + " (" + format.name().toLowerCase(Locale.ROOT) + ", "
                        + decoded.charset().name() + "): "
                        + rows + " rows, " + imported + (dryRun ? " would be imported" : " imported") + ", skipped "
                        + skipped);
        return report;
    }

    record Decoded(String text, Charset charset) {}

    /** The text of the file: by its byte-order mark, else UTF-8 if valid, else Windows-1252. */
    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            Charset windows = Charset.forName("windows-1252");
            return new Decoded(new String(bytes, windows), windows);
        }
    }

    /** Comma, semicolon or tab: whichever the header line has most of (outside quotes). */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    static Format format(List<String> header) {
        Set<String> names = new HashSet<>();
        for (String name : header) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        if (names.contains("email address") && (names.contains("optin_time") || names.contains("confirm_time"))) {
            return Format.MAILCHIMP;
        }
        if (names.contains("subscribed_to_emails") || (names.contains("email") && names.contains("labels"))) {
            return Format.GHOST;
        }
        if (names.contains("active_subscription") || names.contains("email_disabled")) {
            return Format.SUBSTACK;
        }
        return Format.GENERIC;
    }

    private static Columns columns(Format format, List<String> header) {
        Map<String, String> byLower = new HashMap<>();
        for (String name : header) {
            byLower.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
        }
        return switch (format) {
            case MAILCHIMP ->
                new Columns(
                        byLower.get("email address"),
                        present(byLower, "optin_time", "confirm_time"),
                        present(byLower, "confirm_time"),
                        present(byLower, "confirm_ip", "optin_ip"),
                        firstPresent(byLower, "unsub_time", "clean_time"),
                        null,
                        null);
            case SUBSTACK ->
                new Columns(
                        byLower.get("email"),
                        present(byLower, "subscription_created_at", "created_at", "subscribed_at"),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        firstPresent(byLower, "email_disabled"));
            case GHOST ->
                new Columns(
                        byLower.get("email"),
                        present(byLower, "created_at"),
                        List.of(),
                        List.of(),
                        firstPresent(byLower, "deleted_at"),
                        firstPresent(byLower, "subscribed_to_emails", "subscribed"),
                        null);
            case GENERIC -> {
                String email = firstPresent(byLower, "email", "e-mail", "email address", "e-mail address", "mail");
                if (email == null) {
                    throw new UnreadableException("subscribers.import.error.no-email-column");
                }
                yield new Columns(
                        email,
                        present(byLower, "consented_at", "consent_date", "created_at", "subscribed_at", "date"),
                        present(byLower, "confirmed_at"),
                        present(byLower, "consent_ip", "ip"),
                        firstPresent(byLower, "unsubscribed_at"),
                        null,
                        null);
            }
        };
    }

    private static List<String> present(Map<String, String> byLower, String... names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (byLower.containsKey(name)) {
                found.add(byLower.get(name));
            }
        }
        return found;
    }

    private static String firstPresent(Map<String, String> byLower, String... names) {
        List<String> found = present(byLower, names);
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean unsubscribedThere(CSVRecord record, Columns columns) {
        if (columns.unsubscribedWhen() != null
                && !value(record, columns.unsubscribedWhen()).isEmpty()) {
            return true;
        }
        if (columns.subscribedFlag() != null) {
            String flag = value(record, columns.subscribedFlag()).toLowerCase(Locale.ROOT);
            if (flag.equals("false") || flag.equals("no") || flag.equals("0")) {
                return true;
            }
        }
        if (columns.disabledFlag() != null) {
            String flag = value(record, columns.disabledFlag()).toLowerCase(Locale.ROOT);
            return flag.equals("true") || flag.equals("yes") || flag.equals("1");
        }
        return false;
    }

    private static String value(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return "";
        }
        String value = record.get(column);
        return value == null ? "" : value.strip();
    }

    static boolean valid(String email) {
        if (email.isEmpty() || email.length() > 254) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            String domain = email.substring(email.indexOf('@') + 1);
            return email.equals(address.getAddress()) && domain.contains(".") && !domain.endsWith(".");
        } catch (AddressException | StringIndexOutOfBoundsException ex) {
            return false;
        }
    }

    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /** The first of these columns holding a date the exports write (ISO-8601, with or without zone; UTC if none). */
    private static Optional<Instant> firstDate(CSVRecord record, List<String> columns) {
        for (String column : columns) {
            Optional<Instant> date = date(value(record, column));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    static Optional<Instant> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the others
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            // try the others
        }
        for (DateTimeFormatter formatter : LOCAL_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, formatter).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException next) {
                // try the next
            }
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException none) {
            return Optional.empty();
        }
    }

    private record Known(String status, boolean suppressed) {}

    private Map<String, Known> known() {
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("select email, status, suppressed_at is not null from subscribers")
                .query(rs -> {
                    known.put(rs.getString(1), new Known(rs.getString(2), rs.getBoolean(3)));
                });
        return known;
    }
}
