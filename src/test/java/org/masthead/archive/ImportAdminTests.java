package org.masthead.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.IntegrationTest;
import org.masthead.StaffHttp;
import org.masthead.job.Jobs;
import org.masthead.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's import over real HTTP: upload, dry run, start, the background job, the progress page; a Ghost export. */
@IntegrationTest
class ImportAdminTests {

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JournalExport exporter;

    static byte[] resource(String name) {
        try (InputStream in = ImportAdminTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static HttpResponse<String> upload(StaffHttp http, byte[] body, String query) {
        String page = http.get("/admin/import").body();
        String token = StaffHttp.csrfToken(page);
        return http.send(HttpRequest.newBuilder(http.uri("/admin/import/check?" + query))
                .header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .header("X-CSRF-TOKEN", token)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void onlyAdminsImport() {
        StaffHttp editor = StaffHttp.demo(port, "editor");
        assertThat(editor.get("/admin/import").statusCode()).isEqualTo(403);
        assertThat(HttpPage.get(port, "/admin/import").statusCode()).isEqualTo(302);
        StaffHttp admin = StaffHttp.demo(port, "admin");
        assertThat(admin.get("/admin/import").statusCode()).isEqualTo(200);
        // without the CSRF token, refused
        HttpResponse<String> noToken =
                admin.send(HttpRequest.newBuilder(admin.uri("/admin/import/check?format=wordpress"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("<rss/>")));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void badFilesGetAMessageNeverA500() {
        StaffHttp admin = StaffHttp.demo(port, "admin");
        long runsBefore = jdbc.queryForObject("select count(*) from import_runs", Long.class);
        String hostile =
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>";
        HttpResponse<String> refused = upload(admin, hostile.getBytes(StandardCharsets.UTF_8), "format=wordpress");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("DOCTYPE").doesNotContain("root:");

        byte[] whole = resource("/archive/wordpress.xml");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 3);
        HttpResponse<String> cut = upload(admin, truncated, "format=wordpress");
        assertThat(cut.statusCode()).isEqualTo(422);
        assertThat(cut.body()).contains("cut off");

        HttpResponse<String> notJson = upload(admin, "{\"db\": [".getBytes(StandardCharsets.UTF_8), "format=ghost");
        assertThat(notJson.statusCode()).isEqualTo(422);

        HttpResponse<String> noFolder = upload(admin, whole, "format=wordpress&uploadsFolder=/no/such/folder");
        assertThat(noFolder.statusCode()).isEqualTo(422);
        assertThat(noFolder.body()).contains("/no/such/folder");

        // the multipart form (without script): the message on the form
        HttpResponse<String> form = multipart(admin, "bad.xml", "not xml at all".getBytes(StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"import-error\"").contains("This is not a WordPress or Ghost export");

        assertThat(jdbc.queryForObject("select count(*) from import_runs", Long.class))
                .isEqualTo(runsBefore);
    }

    static HttpResponse<String> multipart(StaffHttp http, String fileName, byte[] file) {
        String token = StaffHttp.csrfToken(http.get("/admin/import").body());
        String boundary = StaffHttp.BOUNDARY;
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nwordpress\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/xml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/admin/import/check?_csrf=" + StaffHttp.encode(token)))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void aGhostExportIsCheckedThenImportedInTheBackgroundWithItsProgress() throws Exception {
        StaffHttp admin = StaffHttp.demo(port, "admin");
        Path images = Path.of(getClass().getResource("/archive/ghost-images").toURI());
        HttpResponse<String> checked = upload(
                admin,
                resource("/archive/ghost.json"),
                "name=ghost.json&format=ghost&uploadsFolder=" + StaffHttp.encode(images.toString()));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        String location = checked.body().replaceAll(".*\"location\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(location).matches("/admin/import/\\d+");

        HttpResponse<String> report = admin.get(location);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("data-state=\"CHECKED\"").contains("id=\"import-start\"");
        long articlesBefore = jdbc.queryForObject("select count(*) from articles", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from articles where slug = 'ghost-harbours'", Long.class))
                .as("the dry run wrote nothing")
                .isZero();

        HttpResponse<String> started = admin.submit(location, location + "/start", java.util.Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(admin.get(location).body()).contains("data-state=\"QUEUED\"");
        jobs.runDueNow();

        String done = admin.get(location).body();
        assertThat(done).contains("data-state=\"DONE\"").contains("id=\"import-bar\"");
        String progress = admin.send(HttpRequest.newBuilder(admin.uri(location + "/progress.json"))
                        .header("Accept", "application/json")
                        .GET())
                .body();
        assertThat(progress)
                .contains("\"state\":\"DONE\"")
                .contains("\"done\":6")
                .contains("\"total\":6");
        assertThat(jdbc.queryForObject("select count(*) from articles", Long.class))
                .isEqualTo(articlesBefore + 5);

        // html, Lexical and Mobiledoc bodies; tags, authors with bios, a featured image; drafts and paid posts unseen
        assertThat(jdbc.queryForObject("select body_md from articles where slug = 'ghost-harbours'", String.class))
                .contains("From Ghost with *html*.")
                .containsPattern("!\\[Quay]\\(/media/\\d+/[^ )]+ \"The quay in May\"\\)");
        assertThat(jdbc.queryForObject("select dek from articles where slug = 'ghost-harbours'", String.class))
                .isEqualTo("A Ghost standfirst");
        assertThat(jdbc.queryForObject(
                        "select featured_image_id is not null from articles where slug = 'ghost-harbours'",
                        Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList("""
                        select au.name from article_authors aa join authors au on au.id = aa.author_id
                        join articles a on a.id = aa.article_id where a.slug = 'ghost-harbours'
                        order by aa.position""", String.class)).containsExactly("Gina Ghost", "Hal Host");
        assertThat(jdbc.queryForObject("select bio_md from authors where name = 'Gina Ghost'", String.class))
                .isEqualTo("Gina covers ports.");
        assertThat(jdbc.queryForList("""
                        select t.name from article_topics at join topics t on t.id = at.topic_id
                        join articles a on a.id = at.article_id where a.slug = 'ghost-harbours'""", String.class)).containsExactly("Shipping");
        assertThat(jdbc.queryForObject("select body_md from articles where slug = 'lexical-only'", String.class))
                .contains("Ghost lexical **bold** [link](https://example.com/x)")
                .contains("## Lexical heading")
                .containsPattern("!\\[The quay]\\(/media/\\d+/[^ )]+ \"Quay at noon\"\\)")
                .contains("- One")
                .contains("bookmark");
        assertThat(jdbc.queryForObject("select body_md from articles where slug = 'mobiledoc-only'", String.class))
                .contains("Mobiledoc *emphasis*")
                .contains("### Old heading");
        assertThat(jdbc.queryForObject("select status from articles where slug = 'ghost-draft'", String.class))
                .isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select status from articles where slug = 'paid-only'", String.class))
                .isEqualTo("DRAFT");
        assertThat(done).contains("The block bookmark is not known here").contains("The block unknown-card");

        for (String path : List.of(
                "/articles/ghost-harbours",
                "/articles/lexical-only",
                "/articles/mobiledoc-only",
                "/topics/shipping",
                "/authors/gina-ghost")) {
            assertThat(HttpPage.get(port, path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(HttpPage.get(port, "/articles/paid-only").statusCode()).isEqualTo(404);
        HttpResponse<String> old = HttpPage.get(port, "/ghost-harbours/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/articles/ghost-harbours");
        assertThat(HttpPage.get(port, "/tag/shipping/")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/topics/shipping");
        assertThat(HttpPage.get(port, "/author/gina/")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/authors/gina-ghost");

        // running it again completes nothing new and changes nothing
        long articles = jdbc.queryForObject("select count(*) from articles", Long.class);
        assertThat(admin.submit(location, location + "/start", java.util.Map.of())
                        .statusCode())
                .isEqualTo(302);
        jobs.runDueNow();
        assertThat(admin.get(location).body()).contains("data-state=\"DONE\"");
        assertThat(jdbc.queryForObject("select count(*) from articles", Long.class))
                .isEqualTo(articles);
    }

    @Test
    void aMastheadExportTakesTheSameRouteAsTheOthers() throws IOException {
        StaffHttp admin = StaffHttp.demo(port, "admin");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.writeTo(Actor.importing("test"), zip);
        long articles = jdbc.queryForObject("select count(*) from articles", Long.class);

        HttpResponse<String> checked = upload(admin, zip.toByteArray(), "name=journal.zip&format=masthead");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        String location = checked.body().replaceAll(".*\"location\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String report = admin.get(location).body();
        // the same dry-run report as a WordPress or Ghost file: every article of this journal's own export is here
        assertThat(report)
                .contains("data-state=\"CHECKED\"")
                .containsPattern("articles +created +0 +unchanged +[1-9][0-9]* +skipped +0");

        assertThat(admin.submit(location, location + "/start", java.util.Map.of())
                        .statusCode())
                .isEqualTo(302);
        jobs.runDueNow();
        assertThat(admin.get(location).body()).contains("data-state=\"DONE\"");
        assertThat(jdbc.queryForObject("select count(*) from articles", Long.class))
                .isEqualTo(articles);

        HttpResponse<String> notAZip = upload(admin, "<rss/>".getBytes(StandardCharsets.UTF_8), "format=masthead");
        assertThat(notAZip.statusCode()).isEqualTo(422);
        assertThat(notAZip.body()).contains("zip");
    }
}
