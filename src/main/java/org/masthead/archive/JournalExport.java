package org.masthead.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.masthead.article.Article;
import org.masthead.article.ArticleArchive;
import org.masthead.article.ArticleNote;
import org.masthead.audit.AuditLog;
import org.masthead.author.Author;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.masthead.web.SiteProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The whole journal as one zip: sections, authors and articles as Markdown files with a front matter (the format of
 * the demo content), topics and media with their texts, every old address that answers 301, and the media files.
 * Accounts, passwords, sessions, subscribers and revisions are left out. Written as a stream: one article and one
 * image in memory at a time.
 *
 * <pre>
 * manifest.yml                  format, version, when, the journal's name
 * sections/{slug}.md            slug, name, position, disclaimer, newsletter-cta, old-slugs; body: description
 * authors/{slug}.md             slug, name, title, photo, links, old-slugs; body: bio
 * topics.yml                    slug, name, old-slugs
 * media.yml                     id, file, alt, caption, credit
 * media/{id}/{name}             the image as served at full size
 * sources.yml                   what imports brought in: legacy-paths (path, target: the old site's addresses that
 *                               answer 301) and imported (source, kind, id, entity, name, modified, fingerprint:
 *                               each source item and what it became, so a later import of that source updates it)
 * articles/{slug}.md            slug, title, dek, section, authors, topics, status, dates (created, updated,
 *                               first-published, published, scheduled), SEO texts, featured
 *                               image with its caption and credit, notes, old-slugs; body: the Markdown
 * </pre>
 */
@Service
public class JournalExport {

    public static final String FORMAT = "masthead-export";
    public static final int VERSION = 1;

    private static final int MEDIA_PAGE = 50;

    private final SectionService sections;
    private final AuthorService authors;
    private final TopicService topics;
    private final ImageService images;
    private final ArticleArchive articles;
    private final SlugRedirects redirects;
    private final AuditLog audit;
    private final String siteName;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final Yaml yaml;
    private final ImportWriter writer;

    JournalExport(
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            ImageService images,
            ArticleArchive articles,
            SlugRedirects redirects,
            AuditLog audit,
            SiteProperties site,
            TransactionTemplate transactions,
            Clock clock,
            ImportWriter writer) {
        this.writer = writer;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.images = images;
        this.articles = articles;
        this.redirects = redirects;
        this.audit = audit;
        this.siteName = site.siteName();
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(1_000_000);
        options.setSplitLines(false);
        // The same value object twice (an empty list of old slugs) is written out twice, never as an anchor and
        // alias: the import refuses many aliases (the defence against alias bombs).
        options.setDereferenceAliases(true);
        this.yaml = new Yaml(options);
    }

    /** Records in the audit log that an admin is taking the journal out; call before {@link #writeTo}. */
    @Transactional
    public void recordExport(Actor by) {
        NotAllowedException.require(ArchivePermissions.canExport(by), by, "export the journal");
        audit.record(by, "journal.export", "journal", articles.count() + " articles");
    }

    /** Writes the zip to {@code out}, which it finishes but does not close. */
    public void writeTo(Actor by, OutputStream out) throws IOException {
        NotAllowedException.require(ArchivePermissions.canExport(by), by, "export the journal");
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        try {
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("version", VERSION);
            manifest.put("exported-at", clock.instant().toString());
            manifest.put("journal", siteName);
            text(zip, "manifest.yml", yaml.dump(manifest));
            writeSections(zip);
            writeAuthors(zip);
            writeTopics(zip);
            writeMedia(zip);
            Map<String, Object> sources = new LinkedHashMap<>();
            sources.put("legacy-paths", writer.legacyPathsForExport());
            sources.put("imported", writer.recordsForExport());
            text(zip, "sources.yml", yaml.dump(sources));
            articles.forEach(article -> {
                try {
                    text(zip, "articles/" + article.getSlug() + ".md", article(article));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        zip.finish();
        zip.flush();
    }

    private void writeSections(ZipOutputStream zip) throws IOException {
        for (Section section : sections.all()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("slug", section.getSlug());
            fields.put("name", section.getName());
            fields.put("position", section.getPosition());
            fields.put("disclaimer", section.getDisclaimer());
            fields.put("newsletter-cta", section.getNewsletterCta());
            fields.put("old-slugs", redirects.oldSlugs(SlugKind.SECTION, section.getId()));
            text(zip, "sections/" + section.getSlug() + ".md", document(fields, section.getDescription()));
        }
    }

    /** In one read-only transaction: an author's photo and links are read as they are written. */
    private void writeAuthors(ZipOutputStream zip) {
        readOnly.executeWithoutResult(status -> {
            for (Author author : authors.all()) {
                try {
                    writeAuthor(zip, author);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        });
    }

    private void writeAuthor(ZipOutputStream zip, Author author) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", author.getSlug());
        fields.put("name", author.getName());
        fields.put("title", author.getTitleLine());
        Image photo = author.getPhoto();
        if (photo != null) {
            fields.put("photo", mediaFile(photo));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (AuthorLink link : author.getLinks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", link.getLabel());
            entry.put("url", link.getUrl());
            links.add(entry);
        }
        fields.put("links", links);
        fields.put("old-slugs", redirects.oldSlugs(SlugKind.AUTHOR, author.getId()));
        text(zip, "authors/" + author.getSlug() + ".md", document(fields, author.getBioMarkdown()));
    }

    private void writeTopics(ZipOutputStream zip) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Topic topic : topics.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("slug", topic.getSlug());
            entry.put("name", topic.getName());
            entry.put("old-slugs", redirects.oldSlugs(SlugKind.TOPIC, topic.getId()));
            list.add(entry);
        }
        text(zip, "topics.yml", yaml.dump(list));
    }

    private void writeMedia(ZipOutputStream zip) throws IOException {
        List<Map<String, Object>> index = new ArrayList<>();
        int page = 0;
        Slice<Image> slice;
        do {
            slice = images.library("", PageRequest.of(page++, MEDIA_PAGE));
            for (Image image : slice) {
                byte[] bytes = images.rendition(image.getId(), image.getWidth())
                        .orElseThrow(() -> new IllegalStateException("No stored file for image #" + image.getId()))
                        .bytes();
                zip.putNextEntry(entry(mediaFile(image)));
                zip.write(bytes);
                zip.closeEntry();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", image.getId());
                entry.put("file", mediaFile(image));
                entry.put("alt", image.getAltText());
                entry.put("caption", image.getCaption());
                entry.put("credit", image.getCredit());
                index.add(entry);
            }
        } while (slice.hasNext());
        text(zip, "media.yml", yaml.dump(index));
    }

    private String article(Article article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", article.getSlug());
        fields.put("title", article.getTitle());
        fields.put("dek", article.getDek());
        fields.put("section", article.getSection().getSlug());
        fields.put("authors", article.getAuthors().stream().map(Author::getSlug).toList());
        fields.put(
                "topics",
                article.getTopics().stream().map(Topic::getName).sorted().toList());
        fields.put("status", article.getStatus().name());
        fields.put("created", time(article.getCreatedAt()));
        fields.put("updated", time(article.getUpdatedAt()));
        putTime(fields, "first-published", article.getFirstPublishedAt());
        putTime(fields, "published", article.getPublishedAt());
        putTime(fields, "scheduled", article.getScheduledAt());
        fields.put("seo-title", article.getSeoTitle());
        fields.put("seo-description", article.getSeoDescription());
        if (article.getFeaturedImage() != null) {
            fields.put("featured-image", mediaFile(article.getFeaturedImage()));
            fields.put("featured-caption", article.getFeaturedImageCaption());
            fields.put("featured-credit", article.getFeaturedImageCredit());
        }
        List<Map<String, Object>> notes = new ArrayList<>();
        for (ArticleNote note : article.getNotes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", note.getKind().name());
            entry.put("at", time(note.getNotedAt()));
            entry.put("text", note.getBody());
            notes.add(entry);
        }
        fields.put("notes", notes);
        fields.put("old-slugs", redirects.oldSlugs(SlugKind.ARTICLE, article.getId()));
        return document(fields, article.getBodyMarkdown());
    }

    private String document(Map<String, Object> fields, String body) {
        return "---\n" + yaml.dump(fields) + "---\n" + (body == null ? "" : body);
    }

    static String mediaFile(Image image) {
        return "media/" + image.getId() + "/" + image.getName();
    }

    private static void putTime(Map<String, Object> fields, String key, Instant instant) {
        if (instant != null) {
            fields.put(key, time(instant));
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        return new ZipEntry(name);
    }
}
