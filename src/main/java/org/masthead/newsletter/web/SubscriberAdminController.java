package org.masthead.newsletter.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.masthead.newsletter.NewsletterService;
import org.masthead.newsletter.Subscriber;
import org.masthead.security.StaffUser;
import org.masthead.web.PageNumbers;
import org.masthead.web.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The subscriber list (state, dates, source) and its CSV export. Admins only: it is personal data. */
@Controller
class SubscriberAdminController {

    static final int PAGE_SIZE = 50;
    private static final String[] HEADER = {
        "email",
        "status",
        "source",
        "section",
        "consent_ip",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
        "created_at"
    };

    private final NewsletterService newsletter;
    private final SiteProperties site;
    private final Clock clock;

    SubscriberAdminController(NewsletterService newsletter, SiteProperties site, Clock clock) {
        this.newsletter = newsletter;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/subscribers")
    String list(@AuthenticationPrincipal StaffUser me, @RequestParam(defaultValue = "1") int page, Model model) {
        Page<Subscriber> subscribers = newsletter.list(me, PageNumbers.of(page, PAGE_SIZE));
        PageNumbers.existing(subscribers, "subscribers");
        model.addAttribute("subscribers", subscribers);
        return "admin/subscribers/list";
    }

    @GetMapping("/admin/subscribers.csv")
    @ResponseBody
    ResponseEntity<String> export(@AuthenticationPrincipal StaffUser me) {
        List<Subscriber> all = newsletter.export(me);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Subscriber s : all) {
                csv.printRecord(
                        cell(s.getEmail()),
                        s.getStatus().name(),
                        cell(s.getSource()),
                        cell(s.getSectionSlug()),
                        cell(s.getConsentIp()),
                        iso(s.getConsentedAt()),
                        iso(s.getConfirmedAt()),
                        iso(s.getUnsubscribedAt()),
                        iso(s.getCreatedAt()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String filename = "subscribers-" + LocalDate.ofInstant(clock.instant(), site.timeZone()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(out.toString());
    }

    /**
     * A spreadsheet would run a cell starting with {@code = + - @} (or a tab or carriage return) as a formula:
     * such a cell is written with a leading apostrophe. Quoting of commas, quotes and line breaks is the CSV printer's.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return "=+-@\t\r".indexOf(first) >= 0 ? "'" + value : value;
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
