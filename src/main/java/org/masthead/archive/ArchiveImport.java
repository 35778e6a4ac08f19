package org.masthead.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.masthead.archive.ImportWriter.NewArticle;
import org.masthead.archive.ImportWriter.Target;
import org.masthead.archive.ghost.GhostReader;
import org.masthead.archive.source.ArchiveReader;
import org.masthead.archive.source.ImportFileException;
import org.masthead.archive.source.ImportModel.ImportedAttachment;
import org.masthead.archive.source.ImportModel.ImportedAuthor;
import org.masthead.archive.source.ImportModel.ImportedPost;
import org.masthead.archive.source.ImportModel.ImportedTerm;
import org.masthead.archive.source.ImportModel.Listener;
import org.masthead.archive.source.ImportModel.PostStatus;
import org.masthead.archive.source.ImportModel.PostType;
import org.masthead.archive.source.ImportModel.TermKind;
import org.masthead.archive.wordpress.WordPressMarkup;
import org.masthead.archive.wordpress.WxrReader;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleLimits;
import org.masthead.markdown.HtmlToMarkdown;
import org.masthead.section.Section;
import org.masthead.slug.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a journal's archive (a WordPress WXR file, a Ghost JSON export) into Masthead, or, on a dry run, reports
 * what it would do and writes nothing. Reads the file twice, as a stream: first the authors, terms and attachments
 * (small), then the posts one by one, written {@value #POSTS_PER_TRANSACTION} to a transaction, each with the record
 * of its source id. So an interrupted import loses at most the posts of its last transaction, which it imports when
 * run again, and an archive imported twice changes nothing the second time. A post that fails rolls its
 * transaction back, and those posts are written again one by one, so that only that one is reported and skipped.
 *
 * <p>Categories become sections (an existing section with the category's slug, else a new one, unless the options
 * map the category elsewhere), tags topics, authors authors. Published posts are published with their own date,
 * scheduled ones scheduled, drafts and pending posts stay drafts (pending: in review). Private and
 * password-protected posts are imported as drafts and reported: never public. Pages are imported as articles of a
 * chosen section, or reported and skipped.
 */
@Service
public class ArchiveImport {

    private static final Logger log = LoggerFactory.getLogger(ArchiveImport.class);

    /**
     * How many posts are written in one transaction: a commit (with its wait for the disk) per post was most of an
     * import's time; more per transaction gains little and holds more in memory.
     */
    static final int POSTS_PER_TRANSACTION = 50;

    /** The archive formats read: another system's export, or Masthead's own ({@link JournalExport}). */
    public enum Format {
        WORDPRESS,
        GHOST,
        MASTHEAD;

        public static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "wordpress", "wxr", "wp" -> WORDPRESS;
                case "ghost" -> GHOST;
                case "masthead" -> MASTHEAD;
                default -> throw new IllegalArgumentException("Unknown archive format: " + name);
            };
        }

        /** The reader of another system's export; Masthead's own is restored as it was ({@link JournalImport}). */
        ArchiveReader reader() {
            return switch (this) {
                case WORDPRESS -> new WxrReader();
                case GHOST -> new GhostReader();
                case MASTHEAD -> throw new IllegalStateException("a Masthead export is restored, not read as posts");
            };
        }
    }

    /**
     * How to import.
     *
     * @param uploads         the copy of {@code wp-content/uploads} (or Ghost's content/images), or null
     * @param pagesSectionId  the section pages become articles of; null: pages are reported and skipped
     * @param sectionMapping  category key to an existing section's id; categories not listed get a section of their own
     * @param update          bring in the source's edits made since an earlier import (by its modified date), except
     *                        to an article edited here since: that one is left alone and reported
     */
    public record Options(Path uploads, Long pagesSectionId, Map<String, Long> sectionMapping, boolean update) {

        public Options {
            sectionMapping = sectionMapping == null ? Map.of() : Map.copyOf(sectionMapping);
        }

        public Options(Path uploads, Long pagesSectionId, Map<String, Long> sectionMapping) {
            this(uploads, pagesSectionId, sectionMapping, false);
        }
    }

    /** Hears how a run goes: the number of items, then each item as it is done. */
    public interface Progress {

        Progress NONE = new Progress() {};

        default void total(int items) {}

        default void item(int done, String current, int problems) {}

        /** Asked before each item: true ends the run there (the report says so); a later run goes on from it. */
        default boolean pause() {
            return false;
        }
    }

    /** Ends a run that its {@link Progress} paused. */
    private static final class Paused extends RuntimeException {

        Paused() {
            super(null, null, false, false);
        }
    }

    private final ImportWriter writer;
    private final JournalImport journal;
    private final HtmlToMarkdown htmlToMarkdown;
    private final ImportProperties properties;
    private final Clock clock;

    ArchiveImport(
            ImportWriter writer,
            JournalImport journal,
            HtmlToMarkdown htmlToMarkdown,
            ImportProperties properties,
            Clock clock) {
        this.writer = writer;
        this.journal = journal;
        this.htmlToMarkdown = htmlToMarkdown;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an import of this file would do; writes nothing. Throws {@link ImportFileException} for a bad file. */
    public ImportReport dryRun(Path file, Format format, Options options) {
        if (format == Format.MASTHEAD) {
            return journal.run(file, true, JournalImport.WRITER).asImportReport();
        }
        return new Run(file, format, options, true, Progress.NONE).execute();
    }

    /** Imports the file. Safe to repeat: what an earlier run imported is left as it is. */
    public ImportReport run(Path file, Format format, Options options, Progress progress) {
        if (format == Format.MASTHEAD) {
            ImportReport report = journal.run(file, false, JournalImport.WRITER).asImportReport();
            progress.total(report.total());
            progress.item(report.total(), "", report.problemCount());
            return report;
        }
        return new Run(file, format, options, false, progress).execute();
    }

    /** One import (or dry run) of one file. */
    private final class Run {

        private final Path file;
        private final Format format;
        private final Options options;
        private final boolean dry;
        private final Progress progress;
        private final ImportReport report = new ImportReport();
        private final ImportImages images;
        private final ArchiveHtml html = new ArchiveHtml(htmlToMarkdown);

        private String source;
        private final Map<String, ImportedAuthor> authors = new LinkedHashMap<>();
        private final Map<String, ImportedTerm> categories = new LinkedHashMap<>();
        private final Map<String, ImportedTerm> tags = new LinkedHashMap<>();
        private final Map<String, ImportedAttachment> attachments = new HashMap<>();
        private final Map<String, ImportedAttachment> attachmentsByUrl = new HashMap<>();
        /** The images attached to each post (by the post's source id), which a gallery without ids shows. */
        private final Map<String, List<ImportedAttachment>> attachedTo = new HashMap<>();
        /** The attachments' own pages: attachment id, its post's id (or null), its old addresses. */
        private final List<String[]> attachmentPages = new ArrayList<>();

        private final Map<String, List<String>> attachmentPageUrls = new HashMap<>();
        private int posts;

        /** Entities made or found in this run: key (kind:source id) → id (negative on a dry run: "would create"). */
        private final Map<String, Long> entities = new HashMap<>();

        private final Map<String, String> imageUrls = new HashMap<>();
        private long dryIds = -1;
        private final Set<String> slugsTaken = new java.util.HashSet<>();
        private Long fallbackSection;

        Run(Path file, Format format, Options options, boolean dry, Progress progress) {
            this.file = file;
            this.format = format;
            this.options = options;
            this.dry = dry;
            this.progress = progress;
            this.images = new ImportImages(
                    options.uploads(),
                    properties.fetchRemote(),
                    properties.maxImageSize().toBytes());
        }

        ImportReport execute() {
            FileKind.check(file, format);
            source = format.name().toLowerCase(Locale.ROOT) + ":";
            format.reader().read(file, new Listener() {
                @Override
                public void site(String baseUrl) {
                    source = format.name().toLowerCase(Locale.ROOT) + ":" + baseUrl;
                }

                @Override
                public void version(String writtenBy) {
                    report.writtenBy(writtenBy);
                }

                @Override
                public void author(ImportedAuthor author) {
                    authors.put(author.key(), author);
                }

                @Override
                public void term(ImportedTerm term) {
                    (term.kind() == TermKind.CATEGORY ? categories : tags).put(term.key(), term);
                }

                @Override
                public void attachment(ImportedAttachment attachment) {
                    attachments.put(attachment.sourceId(), attachment);
                    if (attachment.url() != null && !attachment.url().isBlank()) {
                        attachmentsByUrl.put(ImportImages.original(attachment.url()), attachment);
                    }
                }

                @Override
                public void post(ImportedPost post) {
                    posts++;
                }

                @Override
                public void notCarried(String item, String kind, int count) {
                    report.notCarried(kind, item, count);
                }

                @Override
                public void attachmentPage(String attachmentId, String parentId, List<String> oldUrls) {
                    attachmentPages.add(new String[] {attachmentId, parentId});
                    attachmentPageUrls.put(attachmentId, oldUrls);
                    ImportedAttachment attachment = attachments.get(attachmentId);
                    if (parentId != null && attachment != null) {
                        attachedTo
                                .computeIfAbsent(parentId, k -> new ArrayList<>())
                                .add(attachment);
                    }
                }
            });
            report.total(posts);
            progress.total(posts);
            for (ImportedAuthor author : authors.values()) {
                author(author.key());
            }
            for (ImportedTerm category : categories.values()) {
                section(category);
            }
            for (ImportedTerm tag : tags.values()) {
                topic(tag);
            }
            int[] done = {0};
            try {
                readPosts(done);
            } catch (Paused paused) {
                report.paused();
                return report;
            }
            if (!dry) {
                writer.inOneTransaction(this::attachmentPages);
            }
            return report;
        }

        /** Posts read and not yet written: the next transaction's. */
        private final List<ImportedPost> batch = new ArrayList<>();

        private void readPosts(int[] done) {
            try {
                format.reader().read(file, new Listener() {
                    @Override
                    public void post(ImportedPost post) {
                        if (progress.pause()) {
                            writeBatch(done);
                            throw new Paused();
                        }
                        if (dry) {
                            importAlone(post, done);
                            return;
                        }
                        batch.add(post);
                        if (batch.size() >= POSTS_PER_TRANSACTION) {
                            writeBatch(done);
                        }
                    }
                });
            } catch (ImportFileException ex) {
                writeBatch(done); // the posts before the file's fault are imported, as they were read
                throw ex;
            }
            writeBatch(done);
        }

        /**
         * Writes the posts read since the last transaction in one transaction. When one of them fails, the whole
         * is rolled back, what the run had learned since is forgotten, and they are written again one by one.
         */
        private void writeBatch(int[] done) {
            if (batch.isEmpty()) {
                return;
            }
            List<ImportedPost> posts = List.copyOf(batch);
            batch.clear();
            Learned before = new Learned();
            try {
                writer.inOneTransaction(() -> {
                    for (ImportedPost post : posts) {
                        importPost(post, label(post));
                    }
                });
            } catch (RuntimeException ex) {
                log.debug("A transaction of {} posts failed; writing them one by one", posts.size(), ex);
                before.restore();
                for (ImportedPost post : posts) {
                    importAlone(post, done);
                }
                return;
            }
            for (ImportedPost post : posts) {
                done[0]++;
                progress.item(done[0], label(post), report.problemCount());
            }
        }

        /** One post in its own transaction: one that fails writes nothing, and is reported and skipped. */
        private void importAlone(ImportedPost post, int[] done) {
            String label = label(post);
            Learned before = dry ? null : new Learned();
            try {
                if (dry) {
                    importPost(post, label);
                } else {
                    writer.inOneTransaction(() -> importPost(post, label));
                }
            } catch (ImportFileException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                log.warn("Import of {} {} failed", post.type(), post.sourceId(), ex);
                if (before != null) {
                    before.restore();
                }
                report.problem(label, "import.problem.failed", ex.getMessage());
                report.skipped(kindName(post));
            }
            done[0]++;
            progress.item(done[0], label, report.problemCount());
        }

        private String label(ImportedPost post) {
            return post.title().isBlank() ? "#" + post.sourceId() : post.title();
        }

        /**
         * What the run knew before a transaction (its report, the entities it made or found, the slugs it gave),
         * to go back to when that transaction is rolled back.
         */
        private final class Learned {

            private final ImportReport reportBefore = report.snapshot();
            private final Map<String, Long> entitiesBefore = new HashMap<>(entities);
            private final Set<String> slugsBefore = new java.util.HashSet<>(slugsTaken);
            private final Long fallbackBefore = fallbackSection;

            void restore() {
                report.restore(reportBefore);
                entities.clear();
                entities.putAll(entitiesBefore);
                slugsTaken.clear();
                slugsTaken.addAll(slugsBefore);
                imageUrls.clear(); // the addresses of images stored by the rolled back transaction
                fallbackSection = fallbackBefore;
            }
        }

        // --- authors, sections, topics -------------------------------------------------------------------------

        private long author(String key) {
            Long known = entities.get("author:" + key);
            if (known != null) {
                return known;
            }
            ImportedAuthor author = authors.get(key);
            String sourceId = author == null ? "login:" + key : author.sourceId();
            Optional<Long> imported = writer.imported(source, "author", sourceId);
            long id;
            if (imported.isPresent()) {
                id = imported.get();
                report.unchanged("authors");
            } else {
                String name = author == null ? key : author.displayName();
                String slug =
                        freeSlug(Slugs.slugify(name), "author-" + Slugs.slugify(sourceId), writer::authorSlugFree);
                if (dry) {
                    id = dryIds--;
                } else {
                    id = writer.createAuthor(
                            source, "author", sourceId, slug, name, author == null ? "" : author.bio());
                }
                report.created("authors");
            }
            entities.put("author:" + key, id);
            if (author != null && !dry) {
                writer.legacyPaths(keys(author.oldUrls()), "/authors/" + writer.authorSlug(id));
            }
            return id;
        }

        private Long section(ImportedTerm category) {
            Long known = entities.get("category:" + category.key());
            if (known != null) {
                return known;
            }
            Optional<Long> imported = writer.imported(source, "category", category.sourceId());
            long id;
            if (imported.isPresent()) {
                id = imported.get();
                report.unchanged("sections");
            } else if (options.sectionMapping().containsKey(category.key())) {
                id = options.sectionMapping().get(category.key());
                if (!dry) {
                    writer.map(source, "category", category.sourceId(), "section", id);
                }
                report.unchanged("sections");
            } else {
                String slug = Slugs.slugify(category.key());
                Optional<Section> existing = slug.isEmpty() ? Optional.empty() : writer.sectionBySlug(slug);
                if (existing.isPresent()) {
                    id = existing.get().getId();
                    if (!dry) {
                        writer.map(source, "category", category.sourceId(), "section", id);
                    }
                    report.unchanged("sections");
                } else {
                    String free = freeSlug(
                            Slugs.slugify(category.name()),
                            "section-" + Slugs.slugify(category.sourceId()),
                            writer::sectionSlugFree);
                    id = dry
                            ? dryIds--
                            : writer.createSection(
                                    source,
                                    "category",
                                    category.sourceId(),
                                    free,
                                    category.name(),
                                    category.description());
                    report.created("sections");
                }
            }
            entities.put("category:" + category.key(), id);
            if (!dry) {
                writer.legacyPaths(keys(categoryUrls(category)), "/sections/" + writer.sectionSlug(id));
            }
            return id;
        }

        /** A nested category's archive is at /category/parent/child/ too. */
        private List<String> categoryUrls(ImportedTerm category) {
            List<String> urls = new ArrayList<>(category.oldUrls());
            if (category.parentKey() != null && !category.oldUrls().isEmpty()) {
                String path = category.key();
                ImportedTerm parent = categories.get(category.parentKey());
                int depth = 0;
                while (parent != null && depth++ < 20) {
                    path = parent.key() + "/" + path;
                    parent = parent.parentKey() == null ? null : categories.get(parent.parentKey());
                }
                String first = category.oldUrls().get(0);
                urls.add(first.replace("/category/" + category.key() + "/", "/category/" + path + "/"));
            }
            return urls;
        }

        private void topic(ImportedTerm tag) {
            Optional<Long> imported = writer.imported(source, "tag", tag.sourceId());
            long id;
            if (imported.isPresent()) {
                id = imported.get();
                report.unchanged("topics");
            } else if (Slugs.slugify(tag.name()).isEmpty()) {
                report.problem(tag.name(), "import.problem.topic-name");
                report.skipped("topics");
                return;
            } else {
                id = dry ? dryIds-- : writer.createTopic(source, "tag", tag.sourceId(), tag.name());
                report.created("topics");
            }
            entities.put("tag:" + tag.key(), id);
            if (!dry) {
                writer.legacyPaths(keys(tag.oldUrls()), "/topics/" + writer.topicSlug(id));
            }
        }

        // --- posts ---------------------------------------------------------------------------------------------

        private String kindName(ImportedPost post) {
            return post.type() == PostType.PAGE ? "pages" : "articles";
        }

        private void importPost(ImportedPost post, String label) {
            String kind = post.type() == PostType.PAGE ? "page" : "post";
            Optional<ImportWriter.Imported> earlier = writer.record(source, kind, post.sourceId());
            if (earlier.isPresent()) {
                if (isToUpdate(post, earlier.get(), label)) {
                    update(post, kind, earlier.get().entityId(), label);
                }
                return;
            }
            if (post.status() == PostStatus.OTHER) {
                report.skipped(kindName(post));
                report.notCarried("status-other", label, 1);
                return;
            }
            if (post.type() == PostType.PAGE && options.pagesSectionId() == null) {
                report.notCarried("page", label, 1);
                report.problem(label, "import.problem.page-skipped");
                report.skipped("pages");
                return;
            }
            Target target = target(post, label);
            Instant at = post.date();
            if (target == Target.PUBLISHED && (at == null || at.isAfter(clock.instant()))) {
                at = at == null ? clock.instant() : at;
                if (at.isAfter(clock.instant())) {
                    target = Target.SCHEDULED;
                }
            }
            if (target == Target.SCHEDULED && (at == null || !at.isAfter(clock.instant()))) {
                // its time has passed: WordPress would have published it ("missed schedule")
                target = Target.PUBLISHED;
                at = at == null ? clock.instant() : at;
            }

            List<Long> authorIds = new ArrayList<>();
            for (String key : post.authorKeys()) {
                authorIds.add(author(key));
            }
            if (authorIds.isEmpty()) {
                report.problem(label, "import.problem.no-author");
                authorIds.add(author("unknown"));
            }

            Long sectionId = sectionOf(post, label);
            List<String> topicNames = topicNames(post);
            String body = body(post, label);
            if (body.length() > ArticleLimits.BODY) {
                report.problem(label, "import.problem.body-too-long", body.length(), ArticleLimits.BODY);
                report.skipped(kindName(post));
                return;
            }
            String dek = limited(plain(post.excerptHtml()), ArticleLimits.DEK, "dek", label);

            Long featured = null;
            String featuredCaption = null;
            if (post.featuredImageId() != null) {
                ImportedAttachment attachment = attachments.get(post.featuredImageId());
                if (attachment == null) {
                    report.problem(label, "import.problem.featured-missing", post.featuredImageId());
                } else {
                    featured = attachmentImage(attachment, label);
                    featuredCaption = plain(attachment.caption());
                    if (featured != null && featured < 0) {
                        featured = null; // a dry run stores no image
                    }
                }
            }

            String slug = articleSlug(post);
            String title = title(post, slug, label);
            report.created(kindName(post));
            if (dry) {
                return;
            }
            long id = writer.createArticle(
                    source,
                    kind,
                    post.sourceId(),
                    new NewArticle(
                            slug,
                            content(title, dek, body, post, label),
                            sectionId,
                            authorIds,
                            topicNames,
                            target,
                            at,
                            featured,
                            featuredCaption),
                    post.modified());
            if (target == Target.PUBLISHED) {
                // an unpublished article's old address would only give its slug away
                writer.legacyPaths(keys(post.oldUrls()), "/articles/" + slug);
            }
            log.debug("Imported {} {} as article #{}", kind, post.sourceId(), id);
        }

        /**
         * Whether a post imported before is to be brought up to date: only with {@link Options#update()}, when the
         * source changed it since, and the article here still has the text that import wrote (else it is reported
         * as changed on both sides, and left alone); or, the source unchanged, when an image the article lacks can be
         * had now (supplied since, in the uploads folder) and the article is still as that import wrote it.
         */
        private boolean isToUpdate(ImportedPost post, ImportWriter.Imported earlier, String label) {
            boolean newer = post.modified() != null
                    && (earlier.sourceModified() == null || post.modified().isAfter(earlier.sourceModified()));
            if (!options.update() || !"article".equals(earlier.entityKind())) {
                report.unchanged(kindName(post));
                return false;
            }
            if (!newer) {
                Optional<ImportWriter.Current> now = writer.current(earlier.entityId());
                boolean untouched = now.isPresent()
                        && earlier.fingerprint() != null
                        && earlier.fingerprint().equals(now.get().fingerprint());
                if (untouched && imagesSuppliedSince(post, now.get())) {
                    return true;
                }
                report.unchanged(kindName(post));
                return false;
            }
            Optional<String> now = writer.fingerprint(earlier.entityId());
            if (now.isEmpty()) {
                report.unchanged(kindName(post)); // deleted here: not brought back
                return false;
            }
            if (earlier.fingerprint() == null) {
                report.problem(label, "import.problem.update-unknown");
                report.skipped(kindName(post));
                return false;
            }
            if (!earlier.fingerprint().equals(now.get())) {
                report.problem(label, "import.problem.changed-on-both-sides");
                report.skipped(kindName(post));
                return false;
            }
            return true;
        }

        /**
         * Whether the post shows an image (in its body, or as its featured image) that the article an earlier import
         * made of it lacks, and that can be had now: stored since, or in the uploads folder, or at its old address
         * when fetching is on. Stores nothing.
         */
        private boolean imagesSuppliedSince(ImportedPost post, ImportWriter.Current article) {
            if (post.featuredImageId() != null && !article.illustrated()) {
                ImportedAttachment attachment = attachments.get(post.featuredImageId());
                if (attachment != null
                        && canBeHad("attachment", attachment.sourceId(), relativeFile(attachment), attachment.url())) {
                    return true;
                }
            }
            boolean[] found = {false};
            html.toMarkdown(
                    bodyHtml(post, WordPressMarkup.notes()),
                    src -> {
                        String original = ImportImages.original(src);
                        ImportedAttachment attachment = attachmentsByUrl.get(original);
                        Optional<String> relative = ImportImages.relativeFile(original);
                        String kind = attachment != null ? "attachment" : "upload";
                        String sourceId = attachment != null
                                ? attachment.sourceId()
                                : relative.map(r -> "file:" + r).orElse("url:" + original);
                        Long stored = entities.get(kind + ":" + sourceId);
                        if (stored == null) {
                            stored = writer.imported(source, kind, sourceId).orElse(null);
                        }
                        if (stored != null && stored > 0) {
                            if (!article.bodyMarkdown().contains("(" + url(stored, null) + ")")
                                    && !article.bodyMarkdown().contains("(" + url(stored, null) + " ")) {
                                found[0] = true;
                            }
                        } else if (canBeHad(
                                kind,
                                sourceId,
                                attachment != null ? relativeFile(attachment) : relative.orElse(null),
                                attachment != null ? attachment.url() : original)) {
                            found[0] = true;
                        }
                        return Optional.empty();
                    },
                    new ArrayList<>());
            return found[0];
        }

        /** Whether an image not stored yet could be stored now. */
        private boolean canBeHad(String kind, String sourceId, String relative, String url) {
            if (entities.get(kind + ":" + sourceId) != null
                    || writer.imported(source, kind, sourceId).isPresent()) {
                return true;
            }
            return (relative != null && images.hasFile(relative))
                    || (images.fetchesRemote() && url != null && url.startsWith("http"));
        }

        /** The source's newer text into the article an earlier import made of the post, with images supplied since. */
        private void update(ImportedPost post, String kind, long articleId, String label) {
            String body = body(post, label);
            if (body.length() > ArticleLimits.BODY) {
                report.problem(label, "import.problem.body-too-long", body.length(), ArticleLimits.BODY);
                report.skipped(kindName(post));
                return;
            }
            Long featured = null;
            if (post.featuredImageId() != null && attachments.containsKey(post.featuredImageId())) {
                featured = attachmentImage(attachments.get(post.featuredImageId()), label);
                if (featured != null && featured < 0) {
                    featured = null; // a dry run stores no image
                }
            }
            report.updated(kindName(post));
            if (dry) {
                return;
            }
            writer.updateArticle(
                    source,
                    kind,
                    post.sourceId(),
                    articleId,
                    content(
                            title(post, post.slug(), label),
                            limited(plain(post.excerptHtml()), ArticleLimits.DEK, "dek", label),
                            body,
                            post,
                            label),
                    topicNames(post),
                    post.modified(),
                    featured,
                    featured == null
                            ? null
                            : plain(attachments.get(post.featuredImageId()).caption()));
        }

        private List<String> topicNames(ImportedPost post) {
            List<String> topicNames = new ArrayList<>();
            for (String key : post.tagKeys()) {
                ImportedTerm tag = tags.get(key);
                topicNames.add(tag == null ? key : tag.name());
            }
            return topicNames;
        }

        private String title(ImportedPost post, String slug, String label) {
            return limited(post.title().isBlank() ? slug : post.title(), ArticleLimits.TITLE, "title", label);
        }

        private ArticleContent content(String title, String dek, String body, ImportedPost post, String label) {
            return new ArticleContent(
                    title,
                    dek,
                    body,
                    limited(post.seoTitle(), ArticleLimits.SEO_TITLE, "seo-title", label),
                    limited(post.seoDescription(), ArticleLimits.SEO_DESCRIPTION, "seo-description", label));
        }

        /** The text within the editor's limit for the field; one cut is reported. */
        private String limited(String text, int max, String field, String label) {
            if (text == null || text.length() <= max) {
                return text;
            }
            report.problem(label, "import.problem.cut", field, text.length(), max);
            return text.substring(0, max).strip();
        }

        /** The body as Markdown, its images stored; what cannot be carried over is reported. */
        private String body(ImportedPost post, String label) {
            WordPressMarkup.Notes notes = WordPressMarkup.notes();
            String bodyHtml = bodyHtml(post, notes);
            if (format == Format.GHOST) {
                java.util.regex.Matcher card = java.util.regex.Pattern.compile("data-unknown-card=\"([^\"]*)\"")
                        .matcher(bodyHtml);
                while (card.find()) {
                    notes.unknownBlocks().add(card.group(1));
                }
            }
            for (String block : notes.unknownBlocks()) {
                report.problem(label, "import.problem.unknown-block", block);
                report.notCarried("unknown-block", label + " (" + block + ")", 1);
            }
            for (String shortcode : notes.unknownShortcodes()) {
                report.problem(label, "import.problem.unknown-shortcode", shortcode);
                report.notCarried("unknown-shortcode", label + " ([" + shortcode + "])", 1);
            }
            List<String> missing = new ArrayList<>();
            List<ArchiveHtml.Card> cards = new ArrayList<>();
            List<String> lostCaptions = new ArrayList<>();
            String body = html.toMarkdown(bodyHtml, this::image, missing, cards, lostCaptions);
            for (String url : new LinkedHashSet<>(missing)) {
                report.problem(label, "import.problem.image-missing", url);
                report.notCarried("image-missing", label + " (" + url + ")", 1);
            }
            for (String caption : lostCaptions) {
                report.notCarried("image-caption", label + " (\u201c" + caption + "\u201d)", 1);
            }
            for (ArchiveHtml.Card card : cards) {
                report.notCarried("embed", label + " (" + card.provider() + ": " + card.url() + ")", 1);
            }
            return body;
        }

        /** The post's body as HTML: WordPress's markup (shortcodes, blocks, footnotes) made plain HTML. */
        private String bodyHtml(ImportedPost post, WordPressMarkup.Notes notes) {
            return format == Format.WORDPRESS
                    ? WordPressMarkup.toHtml(
                            post.contentHtml(),
                            attachments::get,
                            attachedTo.getOrDefault(post.sourceId(), List.of()),
                            notes)
                    : post.contentHtml();
        }

        private Target target(ImportedPost post, String label) {
            if (post.passwordProtected()) {
                report.notCarried("password", label, 1);
                report.problem(label, "import.problem.password");
                return Target.DRAFT;
            }
            if (post.membersOnly()) {
                report.problem(label, "import.problem.members-only");
                return Target.DRAFT;
            }
            return switch (post.status()) {
                case PUBLISH -> Target.PUBLISHED;
                case FUTURE -> Target.SCHEDULED;
                case PENDING -> Target.IN_REVIEW;
                case PRIVATE -> {
                    report.notCarried("private", label, 1);
                    report.problem(label, "import.problem.private");
                    yield Target.DRAFT;
                }
                default -> Target.DRAFT;
            };
        }

        private long sectionOf(ImportedPost post, String label) {
            if (post.type() == PostType.PAGE) {
                return options.pagesSectionId();
            }
            for (String key : post.categoryKeys()) {
                Long known = entities.get("category:" + key);
                if (known != null) {
                    return known;
                }
                if (options.sectionMapping().containsKey(key)) {
                    return options.sectionMapping().get(key);
                }
            }
            if (!post.categoryKeys().isEmpty()) {
                // a category the file's list did not declare: made from the post's own mention
                String key = post.categoryKeys().get(0);
                return section(new ImportedTerm("category:" + key, TermKind.CATEGORY, key, key, null, "", List.of()));
            }
            if (fallbackSection == null) {
                List<Section> all = writer.allSections();
                if (!all.isEmpty()) {
                    fallbackSection = all.get(0).getId();
                } else {
                    fallbackSection = section(new ImportedTerm(
                            "category:archive", TermKind.CATEGORY, "archive", "Archive", null, "", List.of()));
                }
            }
            report.problem(label, "import.problem.no-section");
            return fallbackSection;
        }

        private String articleSlug(ImportedPost post) {
            String slug = Slugs.slugify(post.slug());
            if (slug.isEmpty()) {
                slug = Slugs.slugify(post.title());
            }
            String fallback = (post.type() == PostType.PAGE ? "page-" : "post-") + Slugs.slugify(post.sourceId());
            return freeSlug(
                    slug,
                    fallback,
                    candidate -> !slugsTaken.contains(candidate) && writer.articleSlugFree(candidate),
                    true);
        }

        private String freeSlug(String wanted, String fallback, java.util.function.Predicate<String> free) {
            return freeSlug(wanted, fallback, free, false);
        }

        private String freeSlug(
                String wanted, String fallback, java.util.function.Predicate<String> free, boolean remember) {
            String base = wanted.isEmpty() ? fallback : wanted;
            if (base.length() > Slugs.MAX_LENGTH - 8) {
                base = base.substring(0, Slugs.MAX_LENGTH - 8).replaceAll("-+$", "");
            }
            String slug = base;
            for (int n = 2; !free.test(slug); n++) {
                slug = base + "-" + n;
            }
            if (remember) {
                slugsTaken.add(slug);
            }
            return slug;
        }

        // --- images --------------------------------------------------------------------------------------------

        /** The /media/… address of a body image, storing it on first use; empty when it cannot be had. */
        private Optional<String> image(String src) {
            String original = ImportImages.original(src);
            ImportedAttachment attachment = attachmentsByUrl.get(original);
            if (attachment != null) {
                Long id = attachmentImage(attachment, null);
                return id == null ? Optional.empty() : Optional.of(url(id, attachment.file()));
            }
            Optional<String> relative = ImportImages.relativeFile(original);
            String key = relative.map(r -> "file:" + r).orElse("url:" + original);
            Long id = storedImage("upload", key, relative.orElse(null), original, "", "", null);
            return id == null ? Optional.empty() : Optional.of(url(id, relative.orElse(original)));
        }

        private String url(long id, String name) {
            if (id < 0) {
                String file = name == null ? "image" : name.substring(name.lastIndexOf('/') + 1);
                return "/media/0/" + file; // a dry run: the address is made when the image is stored
            }
            return imageUrls.computeIfAbsent(String.valueOf(id), k -> writer.imageUrl(id));
        }

        private String relativeFile(ImportedAttachment attachment) {
            return attachment.file() != null && !attachment.file().isBlank()
                    ? attachment.file()
                    : ImportImages.relativeFile(attachment.url() == null ? "" : attachment.url())
                            .orElse(null);
        }

        private Long attachmentImage(ImportedAttachment attachment, String label) {
            String relative = relativeFile(attachment);
            Long id = storedImage(
                    "attachment",
                    attachment.sourceId(),
                    relative,
                    attachment.url(),
                    attachment.alt(),
                    plain(attachment.caption()),
                    label);
            return id;
        }

        private Long storedImage(
                String kind, String sourceId, String relative, String url, String alt, String caption, String label) {
            String key = kind + ":" + sourceId;
            if (entities.containsKey(key)) {
                return entities.get(key);
            }
            Optional<Long> imported = writer.imported(source, kind, sourceId);
            if (imported.isPresent()) {
                entities.put(key, imported.get());
                report.unchanged("images");
                return imported.get();
            }
            boolean here = relative != null && images.hasFile(relative);
            boolean remote = !here && images.fetchesRemote() && url != null && url.startsWith("http");
            if (!here && !remote) {
                entities.put(key, null);
                if (label != null) {
                    report.problem(label, "import.problem.image-missing", url == null ? relative : url);
                }
                return null;
            }
            if (dry) {
                long id = dryIds--;
                entities.put(key, id);
                report.created("images");
                return id;
            }
            String name = relative != null ? relative.substring(relative.lastIndexOf('/') + 1) : "image";
            try {
                Optional<byte[]> bytes = here ? images.read(relative) : images.fetch(url);
                if (bytes.isEmpty()) {
                    entities.put(key, null);
                    return null;
                }
                // the old site's file (/wp-content/uploads/…, /content/images/…) answers with the image
                long id = writer.storeImage(
                        source,
                        kind,
                        sourceId,
                        bytes.get(),
                        name,
                        alt,
                        caption,
                        url == null ? List.of() : keys(List.of(url)));
                entities.put(key, id);
                report.created("images");
                return id;
            } catch (IOException | RuntimeException ex) {
                entities.put(key, null);
                report.problem(
                        label == null ? name : label,
                        "import.problem.image-refused",
                        name,
                        String.valueOf(ex.getMessage()));
                report.skipped("images");
                return null;
            }
        }

        /**
         * Each attachment's own page leads to the article of the post it was attached to, else to its image (when
         * public, checked when asked); one with neither is gone. Written after the posts, whose articles it names.
         */
        private void attachmentPages() {
            for (String[] page : attachmentPages) {
                String attachmentId = page[0];
                String parentId = page[1];
                StringBuilder target = new StringBuilder(LegacyRedirects.ATTACHMENT);
                if (parentId != null) {
                    writer.imported(source, "post", parentId)
                            .flatMap(writer::articleSlug)
                            .ifPresent(slug -> target.append(" /articles/").append(slug));
                }
                Long image = entities.get("attachment:" + attachmentId);
                if (image == null) {
                    image = writer.imported(source, "attachment", attachmentId).orElse(null);
                }
                if (image != null && image > 0) {
                    target.append(' ').append(writer.imageUrl(image));
                }
                writer.legacyPaths(keys(attachmentPageUrls.getOrDefault(attachmentId, List.of())), target.toString());
            }
        }

        private List<String> keys(List<String> urls) {
            List<String> keys = new ArrayList<>();
            for (String url : urls) {
                LegacyPaths.ofUrl(url).ifPresent(keys::add);
            }
            return keys;
        }
    }

    /** Text of a bit of HTML (an excerpt, a caption). */
    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = org.jsoup.Jsoup.parseBodyFragment(html).body().text().strip();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
