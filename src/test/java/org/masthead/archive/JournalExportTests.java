package org.masthead.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.MutableClock;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
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
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class JournalExportTests {

    static final StaffUser ADMIN = new StaffUser(9701, "admin-export@example.org", "Ad", Role.ADMIN, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9702, "editor-export@example.org", "Ed", Role.EDITOR, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    ImageService images;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyAdminsExportAndTheDownloadIsAnAuditedPrivateZip() throws Exception {
        mvc.perform(get("/admin/export").with(user(EDITOR))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/export/download").with(user(EDITOR))).andExpect(status().isForbidden());

        MvcResult started = mvc.perform(get("/admin/export/download").with(user(ADMIN)))
                .andExpect(request().asyncStarted())
                .andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.startsWith("attachment; filename=\"masthead-export-")))
                .andReturn();
        Map<String, byte[]> zip = unzip(done.getResponse().getContentAsByteArray());
        assertThat(zip).containsKeys("manifest.yml", "topics.yml", "media.yml");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where action = 'journal.export'", Integer.class))
                .isPositive();
    }

    @Test
    void theZipHoldsEveryArticleWithItsDetailsMediaAndOldAddresses() throws Exception {
        Section section = content.section();
        String oldSectionSlug = section.getSlug();
        String newSectionSlug = TestContent.unique("renamed-section");
        sections.update(
                Actor.importing("test"),
                section.getId(),
                section.getVersion(),
                new SectionChanges(
                        section.getName(), newSectionSlug, "What we cover.", "Our own views.", "Sign up.", 3));

        Image portrait = images.upload(
                Actor.importing("test"), TestImages.jpeg(400, 300), "portrait.jpg", "A portrait", "", "Photo: Staff");
        Image harbour = images.upload(
                Actor.importing("test"), TestImages.jpeg(800, 500), "harbour.jpg", "A harbour", "Dawn", "");
        Author first = content.author();
        Author second = content.author();
        authors.update(
                Actor.importing("test"),
                first.getId(),
                first.getVersion(),
                new AuthorChanges(
                        first.getName(),
                        first.getSlug(),
                        "Senior Fellow",
                        "Writes about *ports*.",
                        portrait.getId(),
                        null,
                        List.of(new AuthorLink("Newsletter", "https://example.org/letters"))));

        Instant publishedAt = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Article published = content.published(
                sections.get(section.getId()), List.of(second, first), List.of("Ports", "Sanctions"), publishedAt);
        articleImages.setFeaturedImage(
                published.getId(), harbour.getId(), "Rotterdam at six", "", Actor.importing("test"));
        articles.addNote(
                published.getId(),
                NoteKind.CORRECTION,
                "An earlier version misnamed the port.",
                publishedAt.plusSeconds(60),
                Actor.importing("test"));
        Article draft = content.draft(sections.get(section.getId()), List.of(first), List.of("Ports"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeTo(Actor.importing("test"), out);
        Map<String, byte[]> zip = unzip(out.toByteArray());

        Map<String, Object> manifest = yaml(text(zip, "manifest.yml"));
        assertThat(manifest).containsEntry("format", "masthead-export").containsEntry("version", 1);

        String article = text(zip, "articles/" + published.getSlug() + ".md");
        Map<String, Object> fields = frontMatter(article);
        assertThat(fields)
                .containsEntry("title", published.getTitle())
                .containsEntry("section", newSectionSlug)
                .containsEntry("authors", List.of(second.getSlug(), first.getSlug()))
                .containsEntry("topics", List.of("Ports", "Sanctions"))
                .containsEntry("status", "PUBLISHED")
                .containsEntry("published", publishedAt.toString())
                .containsEntry("featured-image", "media/" + harbour.getId() + "/harbour.jpg")
                .containsEntry("featured-caption", "Rotterdam at six");
        assertThat(fields.get("notes").toString()).contains("CORRECTION", "misnamed the port");
        // the last change's date too, so that an import restores it (JournalRoundTripTests)
        assertThat(fields)
                .containsEntry(
                        "updated",
                        articles.get(published.getId()).getUpdatedAt().toString());
        assertThat(article).endsWith("---\n" + articles.get(published.getId()).getBodyMarkdown());
        assertThat(frontMatter(text(zip, "articles/" + draft.getSlug() + ".md")))
                .containsEntry("status", "DRAFT");

        Map<String, Object> sectionFile = frontMatter(text(zip, "sections/" + newSectionSlug + ".md"));
        assertThat(sectionFile)
                .containsEntry("old-slugs", List.of(oldSectionSlug))
                .containsEntry("position", 3);
        assertThat(text(zip, "sections/" + newSectionSlug + ".md")).endsWith("---\nWhat we cover.");

        Map<String, Object> authorFile = frontMatter(text(zip, "authors/" + first.getSlug() + ".md"));
        assertThat(authorFile)
                .containsEntry("title", "Senior Fellow")
                .containsEntry("photo", "media/" + portrait.getId() + "/portrait.jpg");
        assertThat(authorFile.get("links").toString()).contains("https://example.org/letters");

        assertThat(zip.get("media/" + harbour.getId() + "/harbour.jpg"))
                .isEqualTo(images.rendition(harbour.getId(), 800).orElseThrow().bytes());
        assertThat(text(zip, "media.yml")).contains("Photo: Staff", "A harbour");
        assertThat(text(zip, "topics.yml")).contains("Ports", "Sanctions");
        assertThat(zip.keySet()).noneMatch(name -> name.contains("account") || name.contains("subscriber"));
    }

    @Autowired
    JournalExport exporter;

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> zip, String name) {
        assertThat(zip).as(name).containsKey(name);
        return new String(zip.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> frontMatter(String document) {
        assertThat(document).startsWith("---\n");
        return yaml(document.substring(4, document.indexOf("\n---\n", 3)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }
}
