package org.masthead.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.ArticleArchive;
import org.masthead.article.ArticleImport;
import org.masthead.audit.AuditLog;
import org.masthead.author.AuthorService;
import org.masthead.media.ImageService;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing the journal's own export: hostile and broken zips are refused with a message before anything is written
 * (zip slip, zip bombs, too many entries, damaged or truncated files, other formats, YAML alias bombs); a journal
 * with articles of its own is refused; the admin form (admins only, CSRF) checks a file, then imports it, and shows
 * every refusal as a message on the page; the command line says the same. The full round trip into an empty journal
 * is {@link JournalRoundTripTests}.
 */
@IntegrationTest
class JournalImportTests {

    static final StaffUser ADMIN = new StaffUser(9711, "admin-import@example.org", "Ad", Role.ADMIN, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9712, "editor-import@example.org", "Ed", Role.EDITOR, "{noop}x", true);

    static final String MANIFEST = "format: masthead-export\nversion: 1\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JournalImport importer;

    @Autowired
    JournalExport exporter;

    @Autowired
    ArticleArchive articles;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportWriter records;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    TopicService topics;

    @Autowired
    ImageService images;

    @Autowired
    ArticleImport articleImport;

    @Autowired
    SlugRedirects redirects;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    Path file;

    @AfterEach
    void deleteFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    // --- hostile and broken files -----------------------------------------------------------------------------

    @Test
    void aFileThatIsNotAZipOrIsCutShortIsRefused() throws Exception {
        refused(write("not a zip at all".getBytes(StandardCharsets.UTF_8)), "archive.import.error.not-a-zip");

        byte[] export = exportOfThisJournal();
        refused(write(Arrays.copyOf(export, export.length / 2)), "archive.import.error.not-a-zip");
        refused(write(new byte[0]), "archive.import.error.not-a-zip");
    }

    @Test
    void entriesWhoseNamesLeaveTheExportAreRefused() throws Exception {
        for (String name : new String[] {
            "../evil.md", "articles/../../evil.md", "/etc/passwd", "media\\1\\x.jpg", "C:/x.md", "media/1/./x.jpg"
        }) {
            refused(zip(MANIFEST, name, "x"), "archive.import.error.unsafe-path");
        }
        assertThat(JournalImport.isSafe("media/12/harbour.jpg")).isTrue();
        assertThat(JournalImport.isSafe("articles/")).isTrue();
        assertThat(JournalImport.isSafe("articles//x.md")).isFalse();
    }

    @Test
    void zipBombsAndHugeArchivesAreRefusedWhateverTheyDeclare() throws Exception {
        JournalImport small = new JournalImport(
                sections,
                authors,
                topics,
                images,
                articleImport,
                redirects,
                audit,
                transactions,
                new JournalImportProperties(10, DataSize.ofKilobytes(64), DataSize.ofKilobytes(200)),
                records);

        // one file of a megabyte of zeros, a few kilobytes packed
        Path bomb = zip(MANIFEST, "articles/bomb.md", "---\nslug: bomb\n---\n" + "0".repeat(1_000_000));
        assertThat(Files.size(bomb)).isLessThan(10_000);
        refusedBy(small, bomb, "archive.import.error.file-too-large");

        // many files, each within the limit, too much in all
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "manifest.yml", MANIFEST);
            for (int i = 0; i < 5; i++) {
                add(zip, "articles/a" + i + ".md", "---\nslug: a" + i + "\n---\n" + "0".repeat(60_000));
            }
        }
        refusedBy(small, write(bytes.toByteArray()), "archive.import.error.too-large-in-all");

        bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "manifest.yml", MANIFEST);
            for (int i = 0; i < 11; i++) {
                add(zip, "articles/a" + i + ".md", "---\nslug: a" + i + "\n---\n");
            }
        }
        refusedBy(small, write(bytes.toByteArray()), "archive.import.error.too-many-entries");
    }

    @Test
    void otherZipsOtherVersionsAndYamlBombsAreRefused() throws Exception {
        refused(zip("", "hello.txt", "hello"), "archive.import.error.not-an-export");
        refused(zip("format: something-else\nversion: 1\n", "topics.yml", "[]"), "archive.import.error.not-an-export");
        refused(zip("format: masthead-export\nversion: 2\n", "topics.yml", "[]"), "archive.import.error.newer-version");
        String laughs =
                "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        refused(zip(MANIFEST + laughs, "topics.yml", "[]"), "archive.import.error.bad-file");
        refused(
                zip(MANIFEST, "topics.yml", "!!javax.script.ScriptEngineManager [[]]"),
                "archive.import.error.bad-file");
    }

    @Test
    void fieldsOfTheWrongTypeAreProblemsNotErrors() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "manifest.yml", MANIFEST);
            add(zip, "topics.yml", "- slug: {a: 1}\n  name: [x]\n- 7\n");
            add(zip, "media.yml", "- id: x\n  file: 7\n");
            add(zip, "sections/s.md", "---\nslug: [a, b]\nposition: many\n---\n");
            add(zip, "authors/a.md", "---\nslug: {x: y}\nlinks: 3\nphoto: [1]\n---\n");
            add(zip, "articles/odd.md", "---\nslug: [a, b]\nauthors: 5\nstatus: 12\npublished: [x]\n---\n");
            add(zip, "articles/odder.md", "---\n- just\n- a list\n---\n");
            add(zip, "articles/no-front-matter.md", "Only text.");
            add(zip, "articles/bad-date.md", "---\nslug: bad-date\nstatus: PUBLISHED\npublished: yesterday\n---\n");
        }
        // topics.yml holds a list item that is not a map: the whole file is refused with its name
        refused(write(bytes.toByteArray()), "archive.import.error.bad-file");

        bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "manifest.yml", MANIFEST);
            add(zip, "media.yml", "- id: x\n  file: 7\n");
            add(zip, "sections/s.md", "---\nslug: [a, b]\nposition: many\n---\n");
            add(zip, "authors/a.md", "---\nslug: {x: y}\nlinks: 3\nphoto: [1]\n---\n");
            add(zip, "articles/odd.md", "---\nslug: [a, b]\nauthors: 5\nstatus: 12\npublished: [x]\n---\n");
            add(zip, "articles/odder.md", "---\n- just\n- a list\n---\n");
            add(zip, "articles/no-front-matter.md", "Only text.");
            add(zip, "articles/bad-date.md", "---\nslug: bad-date\nstatus: PUBLISHED\npublished: yesterday\n---\n");
        }
        // read through to the journal check (this journal has articles): no ClassCastException or the like on the way
        refused(write(bytes.toByteArray()), "archive.import.error.not-empty");
    }

    @Test
    void aJournalWithArticlesOfItsOwnIsRefusedAndNothingIsWritten() throws Exception {
        long before = articles.count();
        Path other = zip(
                MANIFEST,
                "articles/an-article-from-elsewhere.md",
                "---\nslug: an-article-from-elsewhere\ntitle: Elsewhere\nsection: nowhere\nstatus: DRAFT\n---\nText.\n");
        refused(other, "archive.import.error.not-empty");
        assertThatThrownBy(() -> importer.dryRun(other)).isInstanceOf(JournalImportException.class);
        assertThat(articles.count()).isEqualTo(before);
    }

    @Test
    void theJournalsOwnExportImportsAgainIntoItAndAddsNoArticle() throws Exception {
        Path own = write(exportOfThisJournal());
        long before = articles.count();

        JournalImport.Report dryRun = importer.dryRun(own);
        assertThat(dryRun.articles()).isZero();
        assertThat(dryRun.alreadyThere()).isGreaterThanOrEqualTo((int) before);

        JournalImport.Report report = importer.importFrom(own, Actor.importing("test"));
        assertThat(report.articles()).isZero();
        assertThat(report.sections()).isZero();
        assertThat(report.authors()).isZero();
        assertThat(articles.count()).isEqualTo(before);
    }

    // --- the admin form ---------------------------------------------------------------------------------------

    @Test
    void onlyAdminsSeeAndUseTheImportFormWhichNeedsACsrfToken() throws Exception {
        String page = mvc.perform(get("/admin/export").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"import-form\"", "enctype=\"multipart/form-data\"", "_csrf");

        MockMultipartFile upload = new MockMultipartFile("file", "x.zip", "application/zip", new byte[] {1, 2, 3});
        mvc.perform(multipart("/admin/export/import").file(upload).with(csrf()).with(user(EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/export/import").file(upload).with(user(ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/export/import/0123456789abcdef0123456789abcdef")
                        .with(csrf())
                        .with(user(EDITOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadFileGetsItsMessageOnTheFormNeverAnError() throws Exception {
        MockMultipartFile garbage =
                new MockMultipartFile("file", "export.zip", "application/zip", "garbage".getBytes());
        String page = mvc.perform(multipart("/admin/export/import")
                        .file(garbage)
                        .with(csrf())
                        .with(user(ADMIN)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"import-error\"", text("archive.import.error.not-a-zip"));

        MockMultipartFile empty = new MockMultipartFile("file", "export.zip", "application/zip", new byte[0]);
        assertThat(mvc.perform(multipart("/admin/export/import")
                                .file(empty)
                                .with(csrf())
                                .with(user(ADMIN)))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(text("archive.import.choose-file"));

        MockMultipartFile slip = new MockMultipartFile(
                "file", "export.zip", "application/zip", Files.readAllBytes(zip(MANIFEST, "../x.md", "x")));
        assertThat(mvc.perform(multipart("/admin/export/import")
                                .file(slip)
                                .with(csrf())
                                .with(user(ADMIN)))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"import-error\"");

        assertThat(mvc.perform(post("/admin/export/import/0123456789abcdef0123456789abcdef")
                                .with(csrf())
                                .with(user(ADMIN)))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(text("archive.import.choose-file"));
    }

    @Test
    void theFormChecksTheFileThenImportsTheFileItChecked() throws Exception {
        long before = articles.count();
        MockMultipartFile own = new MockMultipartFile("file", "export.zip", "application/zip", exportOfThisJournal());
        MvcResult checked = mvc.perform(
                        multipart("/admin/export/import").file(own).with(csrf()).with(user(ADMIN)))
                .andExpect(status().isOk())
                .andReturn();
        String page = checked.getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-summary\"", "id=\"import-run-form\"");
        String token = page.replaceFirst("(?s).*action=\"/admin/export/import/([0-9a-f]{32})\".*", "$1");
        assertThat(token).hasSize(32);

        String done = mvc.perform(
                        post("/admin/export/import/" + token).with(csrf()).with(user(ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("id=\"import-summary\"").doesNotContain("id=\"import-run-form\"");
        assertThat(articles.count()).isEqualTo(before);

        // the checked file is imported once only
        mvc.perform(post("/admin/export/import/" + token).with(csrf()).with(user(ADMIN)))
                .andExpect(status().isBadRequest());
    }

    // --- the command line -------------------------------------------------------------------------------------

    @Test
    void theCommandLineReportsOrSaysWhyNot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(ImportCommand.run(context, new String[] {"import", "masthead"}, console))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:");

        out.reset();
        assertThat(ImportCommand.run(
                        context,
                        new String[] {
                            "import", "masthead", write("nope".getBytes()).toString()
                        },
                        console))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(text("archive.import.error.not-a-zip"));

        out.reset();
        long before = articles.count();
        assertThat(ImportCommand.run(
                        context,
                        new String[] {
                            "import", "masthead", write(exportOfThisJournal()).toString(), "--dry-run"
                        },
                        console))
                .isZero();
        // the same report lines as a WordPress or Ghost import: every article of the export is here already
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("articles +created +0 +unchanged +[1-9][0-9]* +skipped +0");
        assertThat(articles.count()).isEqualTo(before);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private byte[] exportOfThisJournal() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeTo(Actor.importing("test"), out);
        return out.toByteArray();
    }

    private void refused(Path zip, String key) {
        refusedBy(importer, zip, key);
    }

    private static void refusedBy(JournalImport importer, Path zip, String key) {
        assertThatThrownBy(() -> importer.importFrom(zip, Actor.importing("test")))
                .as(key)
                .isInstanceOfSatisfying(
                        JournalImportException.class,
                        ex -> assertThat(ex.getMessageKey()).isEqualTo(key));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH).replace("'", "&#39;");
    }

    private Path zip(String manifest, String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (!manifest.isEmpty()) {
                add(zip, "manifest.yml", manifest);
            }
            add(zip, name, content);
        }
        return write(bytes.toByteArray());
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private Path write(byte[] bytes) throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        file = Files.createTempFile("import-test-", ".zip");
        Files.write(file, bytes);
        return file;
    }
}
