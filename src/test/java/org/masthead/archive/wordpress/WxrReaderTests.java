package org.masthead.archive.wordpress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.archive.source.ImportFileException;
import org.masthead.archive.source.ImportModel.ImportedAttachment;
import org.masthead.archive.source.ImportModel.ImportedAuthor;
import org.masthead.archive.source.ImportModel.ImportedPost;
import org.masthead.archive.source.ImportModel.ImportedTerm;
import org.masthead.archive.source.ImportModel.Listener;
import org.masthead.archive.source.ImportModel.PostStatus;
import org.masthead.archive.source.ImportModel.PostType;
import org.masthead.archive.source.ImportModel.TermKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WxrReaderTests {

    static final class Collected implements Listener {
        String site;
        final List<ImportedAuthor> authors = new ArrayList<>();
        final List<ImportedTerm> terms = new ArrayList<>();
        final List<ImportedAttachment> attachments = new ArrayList<>();
        final List<ImportedPost> posts = new ArrayList<>();

        @Override
        public void site(String baseUrl) {
            site = baseUrl;
        }

        @Override
        public void author(ImportedAuthor author) {
            authors.add(author);
        }

        @Override
        public void term(ImportedTerm term) {
            terms.add(term);
        }

        @Override
        public void attachment(ImportedAttachment attachment) {
            attachments.add(attachment);
        }

        @Override
        public void post(ImportedPost post) {
            posts.add(post);
        }

        ImportedPost post(String id) {
            return posts.stream()
                    .filter(p -> p.sourceId().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }

    static Collected read(String resource) throws IOException {
        Collected collected = new Collected();
        try (InputStream in = WxrReaderTests.class.getResourceAsStream(resource)) {
            new WxrReader().read(in, collected);
        }
        return collected;
    }

    static Collected readText(String xml) {
        Collected collected = new Collected();
        new WxrReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), collected);
        return collected;
    }

    @Test
    void readsAuthorsTermsAttachmentsAndPostsOfAWordPressExport() throws IOException {
        Collected wxr = read("/archive/wordpress.xml");

        assertThat(wxr.site).isEqualTo("https://old.example.org");
        assertThat(wxr.authors).extracting(ImportedAuthor::key).containsExactly("alice", "bob.b");
        assertThat(wxr.authors.get(0).displayName()).isEqualTo("Alice Archer");
        assertThat(wxr.authors.get(0).bio()).isEqualTo("Alice writes on maritime security.");
        assertThat(wxr.authors.get(1).oldUrls()).contains("https://old.example.org/author/bob.b/");

        ImportedTerm europe = wxr.terms.stream()
                .filter(t -> t.key().equals("europe"))
                .findFirst()
                .orElseThrow();
        assertThat(europe.kind()).isEqualTo(TermKind.CATEGORY);
        assertThat(europe.parentKey()).isEqualTo("analysis");
        assertThat(wxr.terms)
                .filteredOn(t -> t.kind() == TermKind.TAG)
                .extracting(ImportedTerm::name)
                .containsExactly("NATO", "Energy", "Übersee");

        assertThat(wxr.attachments)
                .extracting(ImportedAttachment::file)
                .containsExactly("2024/05/harbour.jpg", "2024/05/bridge.png", "2024/05/market.jpg", "2023/01/lost.jpg");
        assertThat(wxr.attachments.get(0).alt()).isEqualTo("Boats in a grey harbour");

        // the menu item is not a post; attachments are passed on as attachments
        assertThat(wxr.posts)
                .extracting(ImportedPost::sourceId)
                .containsExactly("10", "11", "18", "12", "13", "14", "15", "17", "16");

        ImportedPost classic = wxr.post("10");
        assertThat(classic.type()).isEqualTo(PostType.POST);
        assertThat(classic.status()).isEqualTo(PostStatus.PUBLISH);
        assertThat(classic.date()).isEqualTo(Instant.parse("2024-05-02T10:30:00Z"));
        assertThat(classic.authorKeys()).containsExactly("alice", "bob.b", "carol");
        assertThat(classic.categoryKeys()).containsExactly("europe");
        assertThat(classic.tagKeys()).containsExactly("nato");
        assertThat(classic.featuredImageId()).isEqualTo("101");
        assertThat(classic.excerptHtml()).contains("<em>port</em>");
        assertThat(classic.contentHtml()).contains("[caption id=\"attachment_101\"");
        assertThat(classic.oldUrls())
                .containsExactly("https://old.example.org/2024/05/harbour-security/", "https://old.example.org/?p=10");

        assertThat(wxr.post("11").slug()).isEqualTo("über-die-grenzen");
        assertThat(wxr.post("11").contentHtml()).contains("<!-- wp:image");
        assertThat(wxr.post("12").status()).isEqualTo(PostStatus.DRAFT);
        assertThat(wxr.post("12").date()).isNull();
        assertThat(wxr.post("13").status()).isEqualTo(PostStatus.FUTURE);
        assertThat(wxr.post("13").date()).isEqualTo(Instant.parse("2099-01-15T09:00:00Z"));
        assertThat(wxr.post("14").status()).isEqualTo(PostStatus.PRIVATE);
        assertThat(wxr.post("15").passwordProtected()).isTrue();
        assertThat(wxr.post("17").status()).isEqualTo(PostStatus.PENDING);
        assertThat(wxr.post("16").type()).isEqualTo(PostType.PAGE);
        assertThat(wxr.post("16").oldUrls()).contains("https://old.example.org/?page_id=16");
    }

    @Test
    void aDoctypeIsRefusedAndEntitiesAreNeverExpanded() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <rss><channel><item><title>&lol4;</title></item></channel></rss>""";
        assertThatThrownBy(() -> readText(laughs))
                .isInstanceOf(ImportFileException.class)
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.doctype");
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                <item><title>&xxe;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
                <wp:status>publish</wp:status></item></channel></rss>""".formatted(secret.toUri());
        Collected collected = new Collected();
        assertThatThrownBy(() ->
                        new WxrReader().read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), collected))
                .isInstanceOf(ImportFileException.class)
                .hasMessageNotContaining("TOP-SECRET")
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.doctype");
        assertThat(collected.posts).isEmpty();
    }

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        byte[] whole;
        try (InputStream in = getClass().getResourceAsStream("/archive/wordpress.xml")) {
            whole = in.readAllBytes();
        }
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> new WxrReader().read(new ByteArrayInputStream(half), new Collected()))
                .isInstanceOf(ImportFileException.class)
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.truncated");
    }

    @Test
    void anotherKindOfXmlIsNotAnExport() {
        assertThatThrownBy(() -> readText("<?xml version=\"1.0\"?><svg></svg>"))
                .isInstanceOf(ImportFileException.class)
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.not-an-export");
        assertThatThrownBy(() -> readText("this is not xml"))
                .isInstanceOf(ImportFileException.class)
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.malformed");
    }

    @Test
    void oneHugeFieldIsRefused() {
        String body = "x".repeat(5000);
        String xml = "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
                + "<content:encoded>" + body + "</content:encoded></item></channel></rss>";
        assertThatThrownBy(() -> new WxrReader(1000)
                        .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new Collected()))
                .isInstanceOf(ImportFileException.class)
                .extracting(ex -> ((ImportFileException) ex).getMessageKey())
                .isEqualTo("import.file.text-too-large");
    }
}
