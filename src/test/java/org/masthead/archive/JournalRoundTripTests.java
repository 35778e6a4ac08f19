package org.masthead.archive;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MastheadApplication;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleArchive;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleNote;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.section.SectionChanges;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export → import round trip: a journal (the demo journal plus fixtures in every state: scheduled, in review,
 * unpublished, archived, notes and corrections, images with credits shown inline and featured, renamed and merged
 * items whose old addresses redirect, guest and staff authors) is exported from its own fresh database and imported
 * into another, empty one, both on the tests' embedded PostgreSQL server, each with its own application. The two
 * journals are then compared field by field (the import runs as from the command line, {@link ImportCommand}), every public page of the imported one is fetched over HTTP and answers
 * as the original's does, and importing the same zip again changes nothing.
 */
@IntegrationTest
class JournalRoundTripTests {

    private static final Pattern SHOWN_IMAGE = Pattern.compile("/media/(\\d+)/");

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExportImportsIntoAnEmptyJournalWithEverythingTheSame() throws Exception {
        ConfigurableApplicationContext source = null;
        ConfigurableApplicationContext target = null;
        Path zip = Files.createTempFile("round-trip-", ".zip");
        try {
            source = journal("roundtrip_source", true);
            fixtures(source);
            try (var out = Files.newOutputStream(zip)) {
                source.getBean(JournalExport.class).writeTo(Actor.importing("test"), out);
            }

            target = journal("roundtrip_target", false);
            JournalImport importer = target.getBean(JournalImport.class);
            JournalImport.Report dryRun = importer.dryRun(zip);
            assertThat(dryRun.problems()).isEmpty();
            assertThat(target.getBean(ArticleArchive.class).count()).isZero();

            assertThat(dryRun.articles())
                    .isEqualTo(source.getBean(ArticleArchive.class).count());
            assertThat(dryRun.media()).isEqualTo(library(source).size());
            assertThat(dryRun.redirects()).isPositive();

            // imported as an administrator would from the command line: an application without a web server
            PrintStream console = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exitCode;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                exitCode = ImportCommand.run(
                        MastheadApplication.class,
                        new String[] {"import", "masthead", zip.toString(), "--spring.datasource.url=" + url(target)},
                        System.out);
            } finally {
                System.setOut(console);
            }
            assertThat(exitCode).isZero();
            // the report lines every import prints: what it created, by kind
            String expected =
                    String.format("articles     created %6d   unchanged %6d   skipped %6d", dryRun.articles(), 0, 0);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains(expected)
                    .contains(String.format("images       created %6d", dryRun.media()));

            Map<Long, Long> imageIds = sameImages(source, target);
            String original = journalAsText(source, imageIds);
            String imported = journalAsText(target, Map.of());
            // line by line, so that a failure names the fields that differ
            assertThat(imported.lines().toList())
                    .containsExactlyElementsOf(original.lines().toList());

            assertPublicPagesAnswerAlike(source, target, imageIds);

            JournalImport.Report again = importer.importFrom(zip, Actor.importing("round-trip test"));
            assertThat(again.problems()).isEmpty();
            assertThat(again.created()).isZero();
            assertThat(again.redirects()).isZero();
            assertThat(again.alreadyThere()).isPositive();
            assertThat(journalAsText(target, Map.of())).isEqualTo(imported);
        } finally {
            Files.deleteIfExists(zip);
            if (target != null) {
                target.close();
            }
            if (source != null) {
                source.close();
            }
        }
    }

    // --- the two journals -------------------------------------------------------------------------------------

    /** The application on a new, empty database of the tests' server. */
    private ConfigurableApplicationContext journal(String prefix, boolean demo) {
        return FreshJournals.start(environment, jdbc, prefix, demo);
    }

    /** Everything the demo journal lacks: every state, notes, images, renamed and merged items, staff authors. */
    private static void fixtures(ConfigurableApplicationContext journal) {
        TestContent content = journal.getBean(TestContent.class);
        SectionService sections = journal.getBean(SectionService.class);
        AuthorService authors = journal.getBean(AuthorService.class);
        ArticleService articles = journal.getBean(ArticleService.class);
        ArticleImages articleImages = journal.getBean(ArticleImages.class);
        ImageService images = journal.getBean(ImageService.class);
        TopicService topics = journal.getBean(TopicService.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Image portrait = images.upload(
                Actor.importing("fixtures"),
                TestImages.jpeg(400, 300),
                "Portrait.jpg",
                "A portrait",
                "",
                "Photo: Staff");
        Image harbour = images.upload(
                Actor.importing("fixtures"),
                TestImages.jpeg(800, 500),
                "harbour.jpg",
                "A harbour at dawn",
                "Rotterdam",
                "Photo: Port");
        Image chart = images.upload(
                Actor.importing("fixtures"),
                TestImages.transparentPng(300, 200),
                "chart.png",
                "A chart of tonnage",
                "Tonnage",
                "");
        images.upload(
                Actor.importing("fixtures"),
                TestImages.gif(120, 80),
                "unused.gif",
                "An image no page shows",
                "",
                "Archive");

        Section section = content.section();
        String renamedSection = TestContent.unique("renamed-section");
        sections.update(
                Actor.importing("test"),
                section.getId(),
                section.getVersion(),
                new SectionChanges(
                        "Maritime “Affairs”",
                        renamedSection,
                        "What we *cover*.\n\n![A chart](/media/" + chart.getId() + "/chart.png)",
                        "",
                        "Sign up.",
                        7));
        section = sections.get(section.getId());

        Author staff = content.author();
        long account = content.account(Role.CONTRIBUTOR);
        String renamedAuthor = TestContent.unique("renamed-author");
        authors.update(
                Actor.importing("test"),
                staff.getId(),
                staff.getVersion(),
                new AuthorChanges(
                        "Zoë Ångström",
                        renamedAuthor,
                        "Senior Fellow",
                        "Writes about *ports*.",
                        portrait.getId(),
                        account,
                        List.of(
                                new AuthorLink("Newsletter", "https://example.org/letters"),
                                new AuthorLink("Mastodon", "https://example.social/@zoe"))));
        staff = authors.get(staff.getId());
        Author guest = content.author();

        Article published = content.published(
                section,
                List.of(guest, staff),
                List.of("Ports", "Sanctions", "Shipping"),
                now.minus(Duration.ofDays(9)));
        String body = "A paragraph with a chart.\n\n![A chart of tonnage](/media/" + chart.getId()
                + "/chart.png)\n\nAnd “quotes” — dashes.\n\n## A heading\n\nMore text.";
        String newSlug = TestContent.unique("renamed-article");
        articles.update(
                published.getId(),
                articles.get(published.getId()).getRevision(),
                new ArticleChanges(
                        newSlug,
                        new ArticleContent("A “renamed” article", "Its standfirst", body, "SEO title", "SEO text"),
                        section.getId(),
                        List.of(guest.getId(), staff.getId()),
                        List.of("Ports", "Sanctions", "Shipping")),
                TestContent.EDITOR);
        articleImages.setFeaturedImage(
                published.getId(), harbour.getId(), "Rotterdam at six", "Photo: Own", Actor.importing("test"));
        articles.addNote(
                published.getId(),
                NoteKind.CORRECTION,
                "An earlier version misnamed the port.",
                now.minus(Duration.ofDays(8)),
                Actor.importing("test"));
        articles.addNote(published.getId(), NoteKind.UPDATE, "Updated with the new figures.", TestContent.EDITOR);

        Article scheduled = content.draft(section, List.of(staff), List.of("Ports"));
        articles.schedule(scheduled.getId(), now.plus(Duration.ofDays(30)), TestContent.EDITOR);
        articleImages.setFeaturedImage(scheduled.getId(), portrait.getId(), null, null, Actor.importing("test"));

        Article inReview = content.draft(section, List.of(guest), List.of());
        articles.submit(inReview.getId(), TestContent.EDITOR);

        content.draft(section, List.of(), List.of("Drafts only"));

        Article unpublished = content.published(section, List.of(staff), List.of(), now.minus(Duration.ofDays(5)));
        articles.unpublish(unpublished.getId(), TestContent.EDITOR);

        Article archived = content.published(section, List.of(guest), List.of("Ports"), now.minus(Duration.ofDays(40)));
        articles.addNote(
                archived.getId(),
                NoteKind.CORRECTION,
                "A date was wrong.",
                now.minus(Duration.ofDays(39)),
                Actor.importing("test"));
        articles.archive(archived.getId(), TestContent.EDITOR);

        Topic shipping = topics.findBySlug("shipping").orElseThrow();
        topics.rename(Actor.importing("test"), shipping.getId(), "Shipping & Trade", "shipping-and-trade");
        Topic ports = topics.findBySlug("ports").orElseThrow();
        Topic sanctions = topics.findBySlug("sanctions").orElseThrow();
        topics.merge(Actor.importing("test"), ports.getId(), sanctions.getId());
    }

    /** Source image id → imported image id, matched by file name and texts (unique among the fixtures). */
    private static Map<Long, Long> sameImages(
            ConfigurableApplicationContext source, ConfigurableApplicationContext target) {
        List<Image> imported = library(target);
        Map<Long, Long> ids = new LinkedHashMap<>();
        for (Image image : library(source)) {
            Image same = imported.stream()
                    .filter(i -> i.getName().equals(image.getName())
                            && i.getAltText().equals(image.getAltText())
                            && i.getCaption().equals(image.getCaption())
                            && i.getCredit().equals(image.getCredit()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not imported: " + image.getName()));
            ids.put(image.getId(), same.getId());
        }
        assertThat(imported).hasSameSizeAs(ids.keySet());
        return ids;
    }

    private static List<Image> library(ConfigurableApplicationContext journal) {
        return journal.getBean(ImageService.class)
                .library("", PageRequest.of(0, 1000))
                .getContent();
    }

    /**
     * Everything readers and editors see of a journal, as comparable text: one line per field, ids left out (image
     * ids translated with {@code imageIds}), in slug order.
     */
    private static String journalAsText(ConfigurableApplicationContext journal, Map<Long, Long> imageIds) {
        TransactionTemplate readOnly = new TransactionTemplate(journal.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            SlugRedirects redirects = journal.getBean(SlugRedirects.class);
            Map<String, String> lines = new TreeMap<>();
            for (Section s : journal.getBean(SectionService.class).all()) {
                String key = "section " + s.getSlug() + " ";
                lines.put(key + "name", s.getName());
                lines.put(key + "description", ids(s.getDescription(), imageIds));
                lines.put(key + "disclaimer", s.getDisclaimer());
                lines.put(key + "cta", s.getNewsletterCta());
                lines.put(key + "position", String.valueOf(s.getPosition()));
                lines.put(
                        key + "old",
                        redirects.oldSlugs(SlugKind.SECTION, s.getId()).toString());
            }
            for (Author a : journal.getBean(AuthorService.class).all()) {
                String key = "author " + a.getSlug() + " ";
                lines.put(key + "name", a.getName());
                lines.put(key + "title", a.getTitleLine());
                lines.put(key + "bio", ids(a.getBioMarkdown(), imageIds));
                lines.put(key + "bio html", ids(a.getBioHtml(), imageIds));
                lines.put(key + "photo", a.getPhoto() == null ? "none" : image(a.getPhoto()));
                List<String> links = new ArrayList<>();
                a.getLinks().forEach(link -> links.add(link.getLabel() + " " + link.getUrl()));
                lines.put(key + "links", links.toString());
                lines.put(
                        key + "old",
                        redirects.oldSlugs(SlugKind.AUTHOR, a.getId()).toString());
            }
            for (Topic t : journal.getBean(TopicService.class).all()) {
                String key = "topic " + t.getSlug() + " ";
                lines.put(key + "name", t.getName());
                lines.put(
                        key + "old",
                        redirects.oldSlugs(SlugKind.TOPIC, t.getId()).toString());
            }
            ImageService images = journal.getBean(ImageService.class);
            for (Image i : library(journal)) {
                String key = "image " + i.getName() + " " + i.getAltText() + " ";
                lines.put(key + "texts", image(i));
                lines.put(key + "size", i.getWidth() + "x" + i.getHeight() + " " + i.getContentType());
                lines.put(key + "variants", i.getVariantWidths().toString());
                lines.put(
                        key + "sha-256",
                        sha256(images.rendition(i.getId(), i.getWidth())
                                .orElseThrow()
                                .bytes()));
            }
            journal.getBean(ArticleArchive.class).forEach(a -> {
                String key = "article " + a.getSlug() + " ";
                lines.put(key + "title", a.getTitle());
                lines.put(key + "dek", a.getDek());
                lines.put(key + "body", ids(a.getBodyMarkdown(), imageIds));
                lines.put(key + "html", ids(a.getBodyHtml(), imageIds));
                lines.put(key + "text", a.getBodyText() + " / " + a.getExcerpt() + " / " + a.getReadingMinutes());
                lines.put(key + "seo", a.getSeoTitle() + " / " + a.getSeoDescription());
                lines.put(key + "section", a.getSection().getSlug());
                lines.put(
                        key + "authors",
                        a.getAuthors().stream().map(Author::getSlug).toList().toString());
                lines.put(
                        key + "topics",
                        a.getTopics().stream()
                                .map(Topic::getSlug)
                                .sorted()
                                .toList()
                                .toString());
                lines.put(key + "status", a.getStatus().name());
                lines.put(
                        key + "dates",
                        List.of(
                                        Objects.toString(a.getCreatedAt()),
                                        Objects.toString(a.getUpdatedAt()),
                                        Objects.toString(a.getFirstPublishedAt()),
                                        Objects.toString(a.getPublishedAt()),
                                        Objects.toString(a.getScheduledAt()),
                                        Objects.toString(a.getContentUpdatedAt()))
                                .toString());
                lines.put(
                        key + "featured",
                        a.getFeaturedImage() == null
                                ? "none"
                                : image(a.getFeaturedImage()) + " / " + a.getFeaturedImageCaption() + " / "
                                        + a.getFeaturedImageCredit());
                List<String> notes = new ArrayList<>();
                for (ArticleNote note : a.getNotes()) {
                    notes.add(note.getKind() + " " + note.getNotedAt() + " " + note.getBody());
                }
                lines.put(key + "notes", notes.toString());
                lines.put(
                        key + "old",
                        redirects.oldSlugs(SlugKind.ARTICLE, a.getId()).toString());
            });
            StringBuilder text = new StringBuilder();
            lines.forEach(
                    (key, value) -> text.append(key).append(": ").append(value).append('\n'));
            return text.toString();
        });
    }

    private static String image(Image image) {
        return image.getName() + " / " + image.getAltText() + " / " + image.getCaption() + " / " + image.getCredit();
    }

    /** The text with the source's image ids replaced by the imported ones. */
    private static String ids(String text, Map<Long, Long> imageIds) {
        if (text == null || imageIds.isEmpty()) {
            return text;
        }
        Matcher matcher = SHOWN_IMAGE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Long id = imageIds.get(Long.parseLong(matcher.group(1)));
            matcher.appendReplacement(out, id == null ? matcher.group() : "/media/" + id + "/");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // --- the public pages -------------------------------------------------------------------------------------

    /**
     * Every public page of the journal (home, feed, sitemap, search, every section, author, topic and article, every
     * old address, every image) answers on the imported journal as on the original: same status, same redirect, and
     * for a page, the same title.
     */
    private static void assertPublicPagesAnswerAlike(
            ConfigurableApplicationContext source, ConfigurableApplicationContext target, Map<Long, Long> imageIds)
            throws Exception {
        List<String> paths =
                new ArrayList<>(List.of("/", "/feed.xml", "/sitemap.xml", "/sections", "/topics", "/search?q=port"));
        TransactionTemplate readOnly = new TransactionTemplate(source.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            SlugRedirects redirects = source.getBean(SlugRedirects.class);
            for (Section s : source.getBean(SectionService.class).all()) {
                paths.add("/sections/" + s.getSlug());
                redirects.oldSlugs(SlugKind.SECTION, s.getId()).forEach(old -> paths.add("/sections/" + old));
            }
            for (Author a : source.getBean(AuthorService.class).all()) {
                paths.add("/authors/" + a.getSlug());
                redirects.oldSlugs(SlugKind.AUTHOR, a.getId()).forEach(old -> paths.add("/authors/" + old));
            }
            for (Topic t : source.getBean(TopicService.class).all()) {
                paths.add("/topics/" + t.getSlug());
                redirects.oldSlugs(SlugKind.TOPIC, t.getId()).forEach(old -> paths.add("/topics/" + old));
            }
            source.getBean(ArticleArchive.class).forEach(a -> {
                paths.add("/articles/" + a.getSlug());
                redirects.oldSlugs(SlugKind.ARTICLE, a.getId()).forEach(old -> paths.add("/articles/" + old));
            });
        });
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        int sourcePort = port(source);
        int targetPort = port(target);
        int pages = 0;
        for (String path : paths) {
            HttpResponse<String> original = get(http, sourcePort, path);
            HttpResponse<String> copy = get(http, targetPort, path);
            assertThat(copy.statusCode()).as(path).isEqualTo(original.statusCode());
            assertThat(copy.statusCode()).as(path).isIn(200, 301, 404, 410);
            assertThat(copy.headers().firstValue("Location").map(l -> l.replace(":" + targetPort, ":")))
                    .as(path)
                    .isEqualTo(original.headers().firstValue("Location").map(l -> l.replace(":" + sourcePort, ":")));
            if (copy.statusCode() == 200 && path.startsWith("/articles/")) {
                assertThat(title(copy.body())).as(path).isEqualTo(title(original.body()));
                assertThat(ids(copy.body(), Map.of())).as(path).contains(ids(body(original.body()), imageIds));
                pages++;
            }
        }
        assertThat(pages).as("published articles").isGreaterThan(10);
        for (Image image : library(target)) {
            HttpResponse<String> file = get(http, targetPort, "/media/" + image.getId() + "/" + image.getName());
            assertThat(file.statusCode()).as(image.getName()).isIn(200, 404);
        }
        Image featured = library(target).stream()
                .filter(i -> i.getName().equals("harbour.jpg"))
                .findFirst()
                .orElseThrow();
        assertThat(get(http, targetPort, "/media/" + featured.getId() + "/harbour.jpg")
                        .statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String title(String html) {
        Matcher matcher =
                Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The article's body as the page shows it. */
    private static String body(String html) {
        int start = html.indexOf("<p>");
        int end = html.indexOf("</p>", start);
        return start < 0 || end < 0 ? "" : html.substring(start, end);
    }

    private static String url(ConfigurableApplicationContext journal) {
        return journal.getEnvironment().getRequiredProperty("spring.datasource.url");
    }

    private static int port(ConfigurableApplicationContext journal) {
        return Integer.parseInt(journal.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
