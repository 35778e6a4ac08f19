package org.masthead.analytics.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.masthead.analytics.EditionLinks;
import org.masthead.analytics.Readership;
import org.masthead.analytics.Readership.ArticleHistory;
import org.masthead.analytics.Readership.DayFigures;
import org.masthead.analytics.Readership.Period;
import org.masthead.analytics.Readership.Share;
import org.masthead.security.StaffUser;
import org.masthead.web.BadRequestException;
import org.masthead.web.PageNotFoundException;
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

/**
 * The newsroom's readership page ({@code /admin/analytics}): views per day and the most read articles of a period,
 * one article's views since publication, and (for editors and admins) referring domains, devices and the other
 * reader pages; each chart drawn from the table beside it, each table also as CSV. A contributor sees their own
 * articles only.
 */
@Controller
class AnalyticsController {

    /** The periods offered, in days. */
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    static final int TOP_ARTICLES = 20;
    static final int TOP_REFERRERS = 25;
    /** An article's history goes back this far at most. */
    static final int HISTORY_DAYS = 730;

    private final Readership readership;
    private final EditionLinks links;

    AnalyticsController(Readership readership, EditionLinks links) {
        this.readership = readership;
        this.links = links;
    }

    @GetMapping("/admin/analytics")
    String show(
            @RequestParam(defaultValue = "30") String period,
            @RequestParam(required = false) String article,
            @AuthenticationPrincipal StaffUser me,
            Model model) {
        int days = days(period);
        Period range = readership.lastDays(days);
        boolean wholeSite = Readership.seesWholeSite(me);
        List<DayFigures> perDay = readership.days(me, range);
        List<Readership.ArticleFigures> top = readership.topArticles(me, range, TOP_ARTICLES);
        model.addAttribute("period", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("range", range);
        model.addAttribute("wholeSite", wholeSite);
        model.addAttribute("days", perDay);
        model.addAttribute(
                "totalViews", perDay.stream().mapToLong(DayFigures::views).sum());
        model.addAttribute("top", top);
        model.addAttribute(
                "topMax",
                top.stream().mapToLong(Readership.ArticleFigures::views).max().orElse(0));
        history(article, me).ifPresent(found -> model.addAttribute("history", found));
        if (wholeSite) {
            List<Share> referrers = readership.referrers(range, TOP_REFERRERS);
            model.addAttribute("referrers", referrers);
            model.addAttribute("referrersMax", max(referrers));
            List<Share> devices = readership.devices(range);
            model.addAttribute("devices", devices);
            model.addAttribute("devicesMax", max(devices));
            List<Share> pages = readership.pages(range);
            model.addAttribute("pages", pages);
            model.addAttribute("pagesMax", max(pages));
            model.addAttribute("editions", readership.editions(range, TOP_ARTICLES));
            model.addAttribute("opensCounted", links.opensCounted());
            model.addAttribute("links", readership.links(range, TOP_REFERRERS));
            List<Share> countries = readership.countries(range, TOP_REFERRERS);
            model.addAttribute("countries", countries);
            model.addAttribute("countriesMax", max(countries));
        }
        return "admin/analytics/show";
    }

    /**
     * One table of the page as CSV: {@code days} (views per day), {@code articles} (the most read), {@code article}
     * (one article since publication), {@code referrers}, {@code devices}.
     */
    @GetMapping("/admin/analytics.csv")
    @ResponseBody
    ResponseEntity<String> export(
            @RequestParam(defaultValue = "30") String period,
            @RequestParam(defaultValue = "articles") String table,
            @RequestParam(required = false) String article,
            @AuthenticationPrincipal StaffUser me) {
        int days = days(period);
        Period range = readership.lastDays(days);
        StringWriter out = new StringWriter();
        String name;
        try {
            switch (table) {
                case "articles" -> {
                    name = "most-read";
                    CSVPrinter csv = printer(out, "article_id", "title", "views", "visitors");
                    for (Readership.ArticleFigures row : readership.topArticles(me, range, 1000)) {
                        csv.printRecord(row.id(), cell(row.title()), row.views(), row.visitors());
                    }
                }
                case "days" -> {
                    name = "views-per-day";
                    printDays(printer(out, "day", "views", "visitors"), readership.days(me, range));
                }
                case "article" -> {
                    ArticleHistory history =
                            history(article, me).orElseThrow(() -> new PageNotFoundException("article figures"));
                    name = "article-" + history.id();
                    printDays(printer(out, "day", "views", "visitors"), history.days());
                }
                case "referrers", "devices" -> {
                    if (!Readership.seesWholeSite(me)) {
                        throw new PageNotFoundException("site figures");
                    }
                    name = table;
                    CSVPrinter csv = printer(out, table.equals("referrers") ? "domain" : "device", "views");
                    List<Share> shares =
                            table.equals("referrers") ? readership.referrers(range, 1000) : readership.devices(range);
                    for (Share share : shares) {
                        csv.printRecord(cell(share.name()), share.views());
                    }
                }
                case "editions" -> {
                    if (!Readership.seesWholeSite(me)) {
                        throw new PageNotFoundException("site figures");
                    }
                    name = "editions";
                    CSVPrinter csv = printer(
                            out,
                            "edition_id",
                            "subject",
                            "started_at",
                            "recipients",
                            "delivered",
                            "failed",
                            "unknown",
                            "bounces",
                            "complaints",
                            "clicks",
                            "unsubscribed_within_7_days",
                            "opens");
                    for (Readership.EditionFigures row : readership.editions(range, 1000)) {
                        csv.printRecord(
                                row.id(),
                                cell(row.subject()),
                                row.startedAt(),
                                row.recipients(),
                                row.delivered(),
                                row.failed(),
                                row.unknown(),
                                row.bounces(),
                                row.complaints(),
                                row.clicks(),
                                row.unsubscribes(),
                                row.opens());
                    }
                }
                default -> throw new BadRequestException("analytics.error.table");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String filename =
                "readership-" + name + (table.equals("article") ? "" : "-" + range.from() + "-" + range.to()) + ".csv";
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

    private Optional<ArticleHistory> history(String article, StaffUser me) {
        if (article == null || article.isBlank()) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(article.strip());
        } catch (NumberFormatException notANumber) {
            throw new BadRequestException("analytics.error.article");
        }
        return Optional.of(readership
                .article(me, id, HISTORY_DAYS)
                .orElseThrow(() -> new PageNotFoundException("article figures")));
    }

    private static int days(String period) {
        try {
            int days = Integer.parseInt(period.strip());
            if (PERIODS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new BadRequestException("analytics.error.period");
    }

    private static long max(List<Share> shares) {
        return shares.stream().mapToLong(Share::views).max().orElse(0);
    }

    private static CSVPrinter printer(StringWriter out, String... header) throws IOException {
        return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    private static void printDays(CSVPrinter csv, List<DayFigures> days) throws IOException {
        for (DayFigures day : days) {
            csv.printRecord(day.day(), day.views(), day.visitors());
        }
    }

    /** A cell a spreadsheet will not run as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
