package org.masthead.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImport;
import org.masthead.article.ArticleStatus;
import org.masthead.article.NoteKind;
import org.masthead.audit.AuditLog;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorLink;
import org.masthead.author.AuthorService;
import org.masthead.demo.FrontMatterDocument;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.RejectedImageException;
import org.masthead.section.Section;
import org.masthead.section.SectionChanges;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.slug.SlugKind;
import org.masthead.slug.SlugRedirects;
import org.masthead.slug.Slugs;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Imports the journal's own export ({@link JournalExport}) into an empty Masthead: sections, topics, authors (bios,
 * photos, links), the media library with its alt texts, captions and credits, and every article as it was (text,
 * byline order, topics, featured image, status and dates, notes and corrections), with every old slug still
 * answering 301. The demo content's format (no manifest's dates, published articles) is read too.
 *
 * <p>The zip is read from a file on disk ({@link ZipFile}), one entry at a time: every entry name is checked (no
 * absolute paths, no {@code ..}, only the export's own folders), the number of entries, the size of each unpacked
 * file and the total unpacked are capped ({@link JournalImportProperties}) whatever the zip declares, and a damaged
 * or truncated zip gets a message. A first pass reads everything and lists the problems; a dry run stops there and
 * writes nothing. The import itself then writes item by item, each in its own transaction.
 *
 * <p>A journal that already has articles is refused, unless every one of them is in the export: running the import
 * again then completes an interrupted import, or changes nothing. Items are matched by slug (images by file name,
 * size and texts), and those already there are left as they are. Image ids change: bodies, bios and descriptions
 * that show an image of the export are pointed at its new id.
 */
@Service
public class JournalImport {

    /** Who the revisions, the media and the audit line of an import are recorded under when no one is signed in. */
    public static final Actor COMMAND_LINE = Actor.importing("command line");

    /** Who writes the imported content: an import, the only actor that may give content its own past dates. */
    static final Actor WRITER = Actor.importing("masthead export");

    private static final Pattern DOCUMENT = Pattern.compile("(sections|authors|articles)/([^/]+)\\.md");
    private static final Pattern MEDIA_FILE = Pattern.compile("media/(\\d{1,18})/([^/]+)");
    /** An image of the library shown in Markdown, by its path: {@code ](/media/12/x.jpg)} or {@code src="/media/12/…"}. */
    private static final Pattern SHOWN_IMAGE =
            Pattern.compile("(?<=[(\\s\"'=]|^)/media/(\\d{1,18})/", Pattern.MULTILINE);

    private static final Set<String> TOP_LEVEL = Set.of("manifest.yml", "topics.yml", "media.yml", "sources.yml");
    private static final int MAX_PROBLEMS = 500;

    private final SectionService sections;
    private final AuthorService authors;
    private final TopicService topics;
    private final ImageService images;
    private final ArticleImport articles;
    private final SlugRedirects redirects;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final JournalImportProperties limits;
    private final ImportWriter records;

    JournalImport(
            SectionService sections,
            AuthorService authors,
            TopicService topics,
            ImageService images,
            ArticleImport articles,
            SlugRedirects redirects,
            AuditLog audit,
            PlatformTransactionManager transactions,
            JournalImportProperties limits,
            ImportWriter records) {
        this.records = records;
        this.sections = sections;
        this.authors = authors;
        this.topics = topics;
        this.images = images;
        this.articles = articles;
        this.redirects = redirects;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.limits = limits;
    }

    /** One thing in the export that is not imported as it is, with the file it is in. */
    public record Problem(String file, String messageKey, List<Object> arguments) {

        Problem(String file, String messageKey, Object... arguments) {
            this(file, messageKey, List.of(arguments));
        }
    }

    /**
     * What an import did, or a dry run would do: the items created (or to create), those already in the journal and
     * left as they were, and the problems.
     */
    public record Report(
            boolean dryRun,
            int sections,
            int topics,
            int authors,
            int media,
            int articles,
            int redirects,
            int alreadyThere,
            List<Problem> problems,
            int moreProblems,
            Map<String, Integer> alreadyThereByKind) {

        public Report {
            problems = List.copyOf(problems);
            alreadyThereByKind = Map.copyOf(alreadyThereByKind);
        }

        public int created() {
            return sections + topics + authors + media + articles;
        }

        /** The same counts in the shape every import reports: created and unchanged by kind, then the problems. */
        public ImportReport asImportReport() {
            ImportReport report = new ImportReport();
            count(report, "sections", sections);
            count(report, "topics", topics);
            count(report, "authors", authors);
            count(report, "images", media);
            count(report, "articles", articles);
            count(report, "redirects", redirects);
            for (Problem problem : problems) {
                report.problem(
                        problem.file(),
                        problem.messageKey(),
                        problem.arguments().toArray());
            }
            report.uncounted(moreProblems);
            report.total(articles + alreadyThereByKind.getOrDefault("articles", 0));
            return report;
        }

        private void count(ImportReport report, String kind, int created) {
            report.add(kind, created, alreadyThereByKind.getOrDefault(kind, 0), 0);
        }
    }

    /** Reads the export and reports what an import would do, writing nothing. */
    public Report dryRun(Path zipFile) {
        return run(zipFile, true, COMMAND_LINE);
    }

    /** Imports the export; {@code actor} is who the audit log names. */
    public Report importFrom(Path zipFile, Actor actor) {
        return run(zipFile, false, actor);
    }

    /**
     * @throws JournalImportException when the file cannot be imported at all; nothing was written
     */
    public Report run(Path zipFile, boolean dryRun, Actor actor) {
        NotAllowedException.require(ArchivePermissions.canImport(actor), actor, "import the journal");
        ZipFile zip;
        try {
            zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException ex) {
            throw new JournalImportException("archive.import.error.not-a-zip");
        } catch (IOException ex) {
            throw new JournalImportException("archive.import.error.unreadable");
        }
        try (zip) {
            Run run = new Run(zip, dryRun, actor);
            return run.execute();
        } catch (IOException ex) {
            throw new JournalImportException("archive.import.error.unreadable");
        } catch (IllegalStateException ex) {
            // ZipFile's own refusal of a zip whose directory it cannot read (entries beyond the file's end)
            throw new JournalImportException("archive.import.error.damaged", "");
        }
    }

    /** One import (or dry run) of one zip. */
    private final class Run {

        private final ZipFile zip;
        private final boolean dryRun;
        private final Actor actor;
        private final LoaderOptions yamlOptions = new LoaderOptions();
        private final List<Problem> problems = new ArrayList<>();
        private int moreProblems;
        private long unpacked;

        private final Map<String, ZipEntry> documents = new LinkedHashMap<>();
        private final Map<String, ZipEntry> mediaFiles = new HashMap<>();

        private final List<FrontMatterDocument> sectionDocs = new ArrayList<>();
        private final List<FrontMatterDocument> authorDocs = new ArrayList<>();
        private final List<Map<String, Object>> topicList = new ArrayList<>();
        private final List<Map<String, Object>> mediaList = new ArrayList<>();
        private final List<Map<String, Object>> legacyPaths = new ArrayList<>();
        private final List<Map<String, Object>> importRecords = new ArrayList<>();
        private final Map<String, String> topicSlugByName = new HashMap<>();
        private final Map<String, Integer> articleOldSlugs = new HashMap<>();

        /** Image ids of the export → image ids here, and the export's media paths → image ids here. */
        private final Map<Long, Long> imageIds = new HashMap<>();

        private final Map<String, Long> imageByPath = new HashMap<>();
        private final Map<String, Long> sectionIds = new HashMap<>();
        private final Map<String, Long> authorIds = new HashMap<>();
        private final Map<String, Long> topicIds = new HashMap<>();

        private int sectionsCreated;
        private int topicsCreated;
        private int authorsCreated;
        private int mediaCreated;
        private int articlesCreated;
        private int redirectsCreated;
        private int alreadyThere;
        private final Map<String, Integer> alreadyThereByKind = new HashMap<>();

        Run(ZipFile zip, boolean dryRun, Actor actor) {
            this.zip = zip;
            this.dryRun = dryRun;
            this.actor = actor;
            yamlOptions.setMaxAliasesForCollections(20);
            yamlOptions.setAllowDuplicateKeys(false);
            yamlOptions.setCodePointLimit(
                    (int) Math.min(Integer.MAX_VALUE, limits.maxFileSize().toBytes()));
        }

        Report execute() throws IOException {
            index();
            readManifest();
            readTopLevel();
            Set<String> articleSlugs = checkArticles();
            checkJournal(articleSlugs);
            if (dryRun) {
                plan(articleSlugs);
                return report();
            }
            unpacked = 0;
            importMedia();
            importSections();
            importTopics();
            importAuthors();
            importArticles();
            importSources();
            audit.recordSeparately(
                    actor,
                    "journal.import",
                    "journal",
                    articlesCreated + " articles, " + mediaCreated + " images, " + alreadyThere + " already there, "
                            + (problems.size() + moreProblems) + " problems");
            return report();
        }

        private Report report() {
            return new Report(
                    dryRun,
                    sectionsCreated,
                    topicsCreated,
                    authorsCreated,
                    mediaCreated,
                    articlesCreated,
                    redirectsCreated,
                    alreadyThere,
                    List.copyOf(problems),
                    moreProblems,
                    alreadyThereByKind);
        }

        /** One item of this kind is in the journal already and is left as it is. */
        private void there(String kind, int count) {
            alreadyThere += count;
            alreadyThereByKind.merge(kind, count, Integer::sum);
        }

        // --- reading ----------------------------------------------------------------------------------------------

        /** Every entry's name is checked before anything is read. */
        private void index() {
            int count = 0;
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new JournalImportException("archive.import.error.too-many-entries", limits.maxEntries());
                }
                String name = entry.getName();
                if (!isSafe(name)) {
                    throw new JournalImportException("archive.import.error.unsafe-path", printable(name));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (TOP_LEVEL.contains(name) || DOCUMENT.matcher(name).matches()) {
                    documents.put(name, entry);
                } else if (MEDIA_FILE.matcher(name).matches()) {
                    mediaFiles.put(name, entry);
                } else {
                    problem(name, "archive.import.problem.unknown-file");
                }
            }
            if (count == 0) {
                throw new JournalImportException("archive.import.error.not-an-export");
            }
        }

        private void readManifest() throws IOException {
            ZipEntry manifest = documents.get("manifest.yml");
            if (manifest == null) {
                // The demo content's folders zipped as they are: no manifest, sections, authors and articles only.
                if (documents.keySet().stream().noneMatch(name -> name.startsWith("articles/"))) {
                    throw new JournalImportException("archive.import.error.not-an-export");
                }
                return;
            }
            Map<String, Object> fields = yamlMap("manifest.yml", read(manifest));
            if (!JournalExport.FORMAT.equals(fields.get("format"))) {
                throw new JournalImportException("archive.import.error.not-an-export");
            }
            if (!(fields.get("version") instanceof Number version) || version.intValue() > JournalExport.VERSION) {
                throw new JournalImportException("archive.import.error.newer-version", fields.get("version"));
            }
        }

        private void readTopLevel() throws IOException {
            for (Map.Entry<String, ZipEntry> entry : documents.entrySet()) {
                String name = entry.getKey();
                if (name.startsWith("sections/")) {
                    document(name).ifPresent(sectionDocs::add);
                } else if (name.startsWith("authors/")) {
                    document(name).ifPresent(authorDocs::add);
                }
            }
            sectionDocs.sort(Comparator.comparing(doc -> text(doc.fields(), "slug")));
            authorDocs.sort(Comparator.comparing(doc -> text(doc.fields(), "slug")));
            if (documents.containsKey("topics.yml")) {
                topicList.addAll(yamlList("topics.yml", read(documents.get("topics.yml"))));
            }
            for (Map<String, Object> topic : topicList) {
                String slug = text(topic, "slug");
                String name = text(topic, "name");
                if (!Slugs.isValid(slug) || name.isBlank()) {
                    problem("topics.yml", "archive.import.problem.bad-topic", printable(slug));
                    continue;
                }
                topicSlugByName.put(name, slug);
            }
            if (documents.containsKey("sources.yml")) {
                Map<String, Object> sources = yamlMap("sources.yml", read(documents.get("sources.yml")));
                legacyPaths.addAll(maps("sources.yml", sources.get("legacy-paths")));
                importRecords.addAll(maps("sources.yml", sources.get("imported")));
            }
            if (documents.containsKey("media.yml")) {
                mediaList.addAll(yamlList("media.yml", read(documents.get("media.yml"))));
            }
            mediaList.sort(Comparator.comparingLong(entry -> number(entry.get("id"))));
            for (Map<String, Object> image : mediaList) {
                String file = text(image, "file");
                ZipEntry entry = mediaFiles.get(file);
                if (entry == null) {
                    problem("media.yml", "archive.import.problem.missing-media", printable(file));
                    continue;
                }
                skim(entry);
            }
            for (FrontMatterDocument section : sectionDocs) {
                checkSlug("sections", section);
            }
            for (FrontMatterDocument author : authorDocs) {
                checkSlug("authors", author);
                String photo = text(author.fields(), "photo");
                if (!photo.isEmpty() && !isListed(photo)) {
                    problem(
                            "authors/" + text(author.fields(), "slug") + ".md",
                            "archive.import.problem.missing-media",
                            printable(photo));
                }
            }
        }

        /** The articles' references, checked; answers their slugs. Bodies are read and dropped. */
        private Set<String> checkArticles() throws IOException {
            Set<String> slugs = new LinkedHashSet<>();
            Set<String> sectionSlugs = new HashSet<>();
            sectionDocs.forEach(doc -> sectionSlugs.add(text(doc.fields(), "slug")));
            Set<String> authorSlugs = new HashSet<>();
            authorDocs.forEach(doc -> authorSlugs.add(text(doc.fields(), "slug")));
            for (String name : articleDocuments()) {
                Optional<FrontMatterDocument> parsed = document(name);
                if (parsed.isEmpty()) {
                    continue;
                }
                FrontMatterDocument doc = parsed.get();
                String slug = text(doc.fields(), "slug");
                if (!Slugs.isValid(slug)) {
                    problem(name, "archive.import.problem.bad-slug", printable(slug));
                    continue;
                }
                if (!slugs.add(slug)) {
                    problem(name, "archive.import.problem.duplicate", slug);
                    continue;
                }
                articleOldSlugs.put(slug, doc.list("old-slugs").size());
                String section = text(doc.fields(), "section");
                if (!sectionSlugs.contains(section)
                        && sections.findBySlug(section).isEmpty()) {
                    problem(name, "archive.import.problem.unknown-section", printable(section));
                }
                for (String author : doc.list("authors")) {
                    if (!authorSlugs.contains(author)
                            && authors.findBySlug(author).isEmpty()) {
                        problem(name, "archive.import.problem.unknown-author", printable(author));
                    }
                }
                String featured = text(doc.fields(), "featured-image");
                if (!featured.isEmpty() && !isListed(featured)) {
                    problem(name, "archive.import.problem.missing-media", printable(featured));
                }
                try {
                    state(doc);
                } catch (IllegalArgumentException | DateTimeParseException ex) {
                    problem(name, "archive.import.problem.bad-state", printable(text(doc.fields(), "status")));
                }
                Matcher shown = SHOWN_IMAGE.matcher(doc.body());
                while (shown.find()) {
                    if (mediaList.stream().noneMatch(m -> shown.group(1).equals(text(m, "id")))) {
                        problem(name, "archive.import.problem.missing-media", "/media/" + shown.group(1) + "/");
                    }
                }
            }
            return slugs;
        }

        /**
         * Refuses a journal with articles of its own: an export imports into an empty journal, or again into the one
         * it made (then only what is missing is added).
         */
        private void checkJournal(Set<String> exportSlugs) {
            long existing = articles.count();
            if (existing == 0) {
                return;
            }
            long inExport = exportSlugs.stream()
                    .filter(slug -> articles.idOf(slug).isPresent())
                    .count();
            if (inExport < existing) {
                throw new JournalImportException("archive.import.error.not-empty", existing - inExport);
            }
            there("articles", (int) inExport);
        }

        /** What the import would create, counted without writing. */
        private void plan(Set<String> articleSlugs) {
            for (FrontMatterDocument doc : sectionDocs) {
                String slug = text(doc.fields(), "slug");
                if (Slugs.isValid(slug)) {
                    if (sections.findBySlug(slug).isPresent()) {
                        there("sections", 1);
                    } else {
                        sectionsCreated++;
                        redirectsCreated += doc.list("old-slugs").size();
                    }
                }
            }
            for (FrontMatterDocument doc : authorDocs) {
                String slug = text(doc.fields(), "slug");
                if (Slugs.isValid(slug)) {
                    if (authors.findBySlug(slug).isPresent()) {
                        there("authors", 1);
                    } else {
                        authorsCreated++;
                        redirectsCreated += doc.list("old-slugs").size();
                    }
                }
            }
            for (Map<String, Object> topic : topicList) {
                String slug = text(topic, "slug");
                if (Slugs.isValid(slug)) {
                    if (topics.findBySlug(slug).isPresent()) {
                        there("images", 1);
                    } else {
                        topicsCreated++;
                        redirectsCreated += strings(topic.get("old-slugs")).size();
                    }
                }
            }
            for (Map<String, Object> image : mediaList) {
                String file = text(image, "file");
                Matcher path = MEDIA_FILE.matcher(file);
                if (mediaFiles.containsKey(file) && path.matches()) {
                    if (sameImage(path.group(2), text(image, "alt"), text(image, "caption"), text(image, "credit"))
                            .isPresent()) {
                        there("images", 1);
                    } else {
                        mediaCreated++;
                    }
                }
            }
            for (String slug : articleSlugs) {
                if (articles.idOf(slug).isEmpty()) {
                    articlesCreated++;
                    redirectsCreated += articleOldSlugs.getOrDefault(slug, 0);
                }
            }
            for (Map<String, Object> legacy : legacyPaths) {
                if (!records.legacyPathTaken(text(legacy, "path"))) {
                    redirectsCreated++;
                }
            }
        }

        // --- writing ----------------------------------------------------------------------------------------------

        private void importMedia() throws IOException {
            for (Map<String, Object> listed : mediaList) {
                String file = text(listed, "file");
                ZipEntry entry = mediaFiles.get(file);
                if (entry == null) {
                    continue;
                }
                Matcher path = MEDIA_FILE.matcher(file);
                if (!path.matches()) {
                    continue;
                }
                String name = path.group(2);
                String alt = text(listed, "alt");
                String caption = text(listed, "caption");
                String credit = text(listed, "credit");
                Optional<Image> same = sameImage(name, alt, caption, credit);
                Image image;
                if (same.isPresent()) {
                    image = same.get();
                    there("images", 1);
                } else {
                    try {
                        image = images.restore(WRITER, bytes(entry), name, alt, caption, credit);
                        mediaCreated++;
                    } catch (RejectedImageException ex) {
                        problem(file, "archive.import.problem.rejected-image", printable(name));
                        continue;
                    } catch (JournalImportException ex) {
                        throw ex;
                    } catch (RuntimeException ex) {
                        problem(file, "archive.import.problem.not-imported", reason(ex));
                        continue;
                    }
                }
                imageIds.put(number(listed.get("id")), image.getId());
                imageByPath.put(file, image.getId());
            }
        }

        /** An image already in the library with the same file name and texts (an earlier run of this import). */
        private Optional<Image> sameImage(String name, String alt, String caption, String credit) {
            return images.library(name, PageRequest.of(0, 1000)).stream()
                    .filter(image -> image.getName().equals(name)
                            && image.getAltText().equals(alt)
                            && image.getCaption().equals(caption)
                            && image.getCredit().equals(credit)
                            && !imageIds.containsValue(image.getId()))
                    .findFirst();
        }

        private void importSections() {
            for (FrontMatterDocument doc : sectionDocs) {
                String slug = text(doc.fields(), "slug");
                if (!Slugs.isValid(slug)) {
                    continue;
                }
                Optional<Section> existing = sections.findBySlug(slug);
                long id;
                if (existing.isPresent()) {
                    id = existing.get().getId();
                    there("sections", 1);
                } else {
                    try {
                        id = sections.create(
                                        WRITER,
                                        new SectionChanges(
                                                rawOrEmpty(doc.fields(), "name"),
                                                slug,
                                                shownImages(doc.body()),
                                                rawOrEmpty(doc.fields(), "disclaimer"),
                                                rawOrEmpty(doc.fields(), "newsletter-cta"),
                                                doc.number("position")))
                                .getId();
                    } catch (RuntimeException ex) {
                        problem("sections/" + slug + ".md", "archive.import.problem.not-imported", reason(ex));
                        continue;
                    }
                    sectionsCreated++;
                }
                sectionIds.put(slug, id);
                oldSlugs(SlugKind.SECTION, id, slug, doc.list("old-slugs"), "sections/" + slug + ".md");
            }
        }

        private void importTopics() {
            for (Map<String, Object> listed : topicList) {
                String slug = text(listed, "slug");
                String name = text(listed, "name");
                if (!Slugs.isValid(slug) || name.isBlank()) {
                    continue;
                }
                boolean there = topics.findBySlug(slug).isPresent();
                Topic topic;
                try {
                    topic = topics.findOrCreate(WRITER, slug, name);
                } catch (RuntimeException ex) {
                    problem("topics.yml", "archive.import.problem.not-imported", reason(ex));
                    continue;
                }
                if (there) {
                    there("topics", 1);
                } else {
                    topicsCreated++;
                }
                topicIds.put(name, topic.getId());
                oldSlugs(SlugKind.TOPIC, topic.getId(), slug, strings(listed.get("old-slugs")), "topics.yml");
            }
        }

        private void importAuthors() {
            for (FrontMatterDocument doc : authorDocs) {
                String slug = text(doc.fields(), "slug");
                if (!Slugs.isValid(slug)) {
                    continue;
                }
                String file = "authors/" + slug + ".md";
                Optional<Author> existing = authors.findBySlug(slug);
                long id;
                if (existing.isPresent()) {
                    id = existing.get().getId();
                    there("authors", 1);
                } else {
                    try {
                        List<AuthorLink> links = new ArrayList<>();
                        for (Map<String, Object> link : doc.maps("links")) {
                            links.add(new AuthorLink(raw(link, "label"), raw(link, "url")));
                        }
                        id = authors.create(
                                        WRITER,
                                        new AuthorChanges(
                                                raw(doc.fields(), "name"),
                                                slug,
                                                rawOrEmpty(doc.fields(), "title"),
                                                shownImages(doc.body()),
                                                imageByPath.get(text(doc.fields(), "photo")),
                                                null,
                                                links))
                                .getId();
                        authorsCreated++;
                    } catch (RuntimeException ex) {
                        problem(file, "archive.import.problem.not-imported", reason(ex));
                        continue;
                    }
                }
                authorIds.put(slug, id);
                oldSlugs(SlugKind.AUTHOR, id, slug, doc.list("old-slugs"), file);
            }
        }

        private void importArticles() throws IOException {
            Set<String> done = new HashSet<>();
            for (String name : articleDocuments()) {
                Optional<FrontMatterDocument> parsed = document(name);
                if (parsed.isEmpty()) {
                    continue;
                }
                FrontMatterDocument doc = parsed.get();
                String slug = text(doc.fields(), "slug");
                if (!Slugs.isValid(slug)
                        || !done.add(slug)
                        || articles.idOf(slug).isPresent()) {
                    continue;
                }
                try {
                    ArticleImport.Imported imported = imported(name, doc);
                    if (imported != null) {
                        articles.restore(imported, WRITER);
                        articlesCreated++;
                        redirectsCreated += imported.oldSlugs().size();
                    }
                } catch (RuntimeException ex) {
                    problem(name, "archive.import.problem.not-imported", reason(ex));
                }
            }
        }

        /**
         * The old site's addresses, answering 301 as before, and what each import made of each source item, so a
         * later import of that source finds them (and updates rather than duplicates).
         */
        private void importSources() {
            for (Map<String, Object> legacy : legacyPaths) {
                String path = text(legacy, "path");
                String target = text(legacy, "target");
                if (!path.startsWith("/") || !target.startsWith("/") || records.legacyPathTaken(path)) {
                    continue;
                }
                records.legacyPaths(List.of(path), target);
                redirectsCreated++;
            }
            for (Map<String, Object> record : importRecords) {
                String entity = text(record, "entity");
                String name = text(record, "name");
                Optional<Long> id = switch (entity) {
                    case "article" -> articles.idOf(name);
                    case "section" -> sections.findBySlug(name).map(Section::getId);
                    case "author" -> authors.findBySlug(name).map(Author::getId);
                    case "topic" -> topics.findBySlug(name).map(Topic::getId);
                    case "image" -> Optional.ofNullable(imageIds.get(number(name)));
                    default -> Optional.empty();
                };
                if (id.isEmpty()
                        || text(record, "source").isEmpty()
                        || text(record, "id").isEmpty()) {
                    continue;
                }
                Instant modified = time(record, "modified");
                records.restoreRecord(
                        text(record, "source"),
                        text(record, "kind"),
                        text(record, "id"),
                        entity,
                        id.get(),
                        modified,
                        raw(record, "fingerprint"));
            }
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> maps(String name, Object value) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map))) {
                throw new JournalImportException("archive.import.error.bad-file", name);
            }
            return (List<Map<String, Object>>) list;
        }

        private ArticleImport.Imported imported(String file, FrontMatterDocument doc) {
            Map<String, Object> fields = doc.fields();
            Long sectionId = sectionIds.get(text(fields, "section"));
            if (sectionId == null) {
                sectionId = sections.findBySlug(text(fields, "section"))
                        .map(Section::getId)
                        .orElse(null);
            }
            if (sectionId == null) {
                return null; // reported by the first pass
            }
            List<Long> byline = new ArrayList<>();
            for (String author : doc.list("authors")) {
                Long id = authorIds.get(author);
                if (id == null) {
                    id = authors.findBySlug(author).map(Author::getId).orElse(null);
                }
                if (id != null) {
                    byline.add(id);
                }
            }
            Set<Long> topicsOfArticle = new LinkedHashSet<>();
            for (String topicName : doc.list("topics")) {
                Long id = topicIds.get(topicName);
                if (id == null) {
                    topics.findOrCreate(WRITER, List.of(topicName))
                            .forEach(topic -> topicsOfArticle.add(topic.getId()));
                } else {
                    topicsOfArticle.add(id);
                }
            }
            State state = state(doc);
            List<ArticleImport.Note> notes = new ArrayList<>();
            for (Map<String, Object> note : doc.maps("notes")) {
                notes.add(new ArticleImport.Note(
                        NoteKind.valueOf(text(note, "kind")),
                        raw(note, "text"),
                        FrontMatterDocument.instant(note.get("at"))));
            }
            String featured = text(fields, "featured-image");
            Long featuredId = featured.isEmpty() ? null : imageByPath.get(featured);
            List<String> oldSlugs = new ArrayList<>();
            for (String old : doc.list("old-slugs")) {
                Optional<Long> holder = redirects.find(SlugKind.ARTICLE, old);
                if (Slugs.isValid(old) && holder.isEmpty() && articles.idOf(old).isEmpty()) {
                    oldSlugs.add(old);
                } else if (holder.isEmpty()) {
                    problem(file, "archive.import.problem.old-slug-taken", printable(old));
                }
            }
            return new ArticleImport.Imported(
                    text(fields, "slug"),
                    new ArticleContent(
                            rawOrEmpty(fields, "title"),
                            rawOrEmpty(fields, "dek"),
                            shownImages(doc.body()),
                            raw(fields, "seo-title"),
                            raw(fields, "seo-description")),
                    sectionId,
                    byline,
                    topicsOfArticle,
                    state.status(),
                    state.created(),
                    state.updated(),
                    state.firstPublished(),
                    state.published(),
                    state.scheduled(),
                    featuredId,
                    featuredId == null ? null : raw(fields, "featured-caption"),
                    featuredId == null ? null : raw(fields, "featured-credit"),
                    notes,
                    oldSlugs);
        }

        /**
         * Records the old slugs of a section, author or topic, each answering 301 to it; one already answering is
         * left as it is, one that is another item's slug is reported.
         */
        private void oldSlugs(SlugKind kind, long id, String current, List<String> old, String file) {
            for (String slug : old) {
                if (!Slugs.isValid(slug) || slug.equals(current)) {
                    continue;
                }
                Optional<Long> holder = redirects.find(kind, slug);
                if (holder.isPresent()) {
                    if (holder.get() != id) {
                        problem(file, "archive.import.problem.old-slug-taken", slug);
                    }
                    continue;
                }
                if (isCurrentSlug(kind, slug)) {
                    problem(file, "archive.import.problem.old-slug-taken", slug);
                    continue;
                }
                transaction.executeWithoutResult(status -> redirects.renamed(kind, id, slug, current));
                redirectsCreated++;
            }
        }

        private boolean isCurrentSlug(SlugKind kind, String slug) {
            return switch (kind) {
                case SECTION -> sections.findBySlug(slug).isPresent();
                case AUTHOR -> authors.findBySlug(slug).isPresent();
                case TOPIC -> topics.findBySlug(slug).isPresent();
                case ARTICLE -> articles.idOf(slug).isPresent();
            };
        }

        /** Points the images a Markdown text shows at their ids in this journal. */
        private String shownImages(String markdown) {
            Matcher matcher = SHOWN_IMAGE.matcher(markdown);
            StringBuilder out = new StringBuilder(markdown.length());
            while (matcher.find()) {
                Long id = imageIds.get(Long.parseLong(matcher.group(1)));
                String replacement = id == null ? matcher.group() : "/media/" + id + "/";
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        // --- the zip ----------------------------------------------------------------------------------------------

        private List<String> articleDocuments() {
            return documents.keySet().stream()
                    .filter(name -> name.startsWith("articles/"))
                    .toList();
        }

        private Optional<FrontMatterDocument> document(String name) throws IOException {
            try {
                return Optional.of(FrontMatterDocument.parseExact(name, read(documents.get(name)), yamlOptions));
            } catch (IllegalArgumentException ex) {
                problem(name, "archive.import.problem.bad-document");
                return Optional.empty();
            }
        }

        private String read(ZipEntry entry) throws IOException {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes(entry)))
                        .toString();
            } catch (CharacterCodingException ex) {
                throw new JournalImportException("archive.import.error.not-utf8", printable(entry.getName()));
            }
        }

        /** An entry's bytes, never more than the limits whatever the zip declares. */
        private byte[] bytes(ZipEntry entry) throws IOException {
            long max = limits.maxFileSize().toBytes();
            if (entry.getSize() > max) {
                throw tooLarge(entry);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
                if (bytes.length > max) {
                    throw tooLarge(entry);
                }
                count(bytes.length);
                return bytes;
            } catch (ZipException | EOFException ex) {
                throw new JournalImportException("archive.import.error.damaged", printable(entry.getName()));
            }
        }

        /** Reads an entry through to its end, keeping nothing: its size counts, and a damaged one is found. */
        private void skim(ZipEntry entry) throws IOException {
            long max = limits.maxFileSize().toBytes();
            if (entry.getSize() > max) {
                throw tooLarge(entry);
            }
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > max) {
                        throw tooLarge(entry);
                    }
                    count(n);
                }
            } catch (ZipException | EOFException ex) {
                throw new JournalImportException("archive.import.error.damaged", printable(entry.getName()));
            }
        }

        private void count(long bytes) {
            unpacked += bytes;
            if (unpacked > limits.maxUnpackedSize().toBytes()) {
                throw new JournalImportException(
                        "archive.import.error.too-large-in-all",
                        limits.maxUnpackedSize().toMegabytes());
            }
        }

        private JournalImportException tooLarge(ZipEntry entry) {
            return new JournalImportException(
                    "archive.import.error.file-too-large",
                    printable(entry.getName()),
                    limits.maxFileSize().toMegabytes());
        }

        private Map<String, Object> yamlMap(String name, String text) {
            Object value = yaml(name, text);
            if (!(value instanceof Map<?, ?> map)) {
                throw new JournalImportException("archive.import.error.bad-file", name);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> yamlList(String name, String text) {
            Object value = yaml(name, text);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map))) {
                throw new JournalImportException("archive.import.error.bad-file", name);
            }
            return (List<Map<String, Object>>) list;
        }

        private Object yaml(String name, String text) {
            try {
                return new Yaml(new SafeConstructor(yamlOptions)).load(text);
            } catch (RuntimeException ex) {
                throw new JournalImportException("archive.import.error.bad-file", name);
            }
        }

        private boolean isListed(String file) {
            return mediaFiles.containsKey(file)
                    && mediaList.stream().anyMatch(entry -> file.equals(text(entry, "file")));
        }

        private void checkSlug(String folder, FrontMatterDocument doc) {
            String slug = text(doc.fields(), "slug");
            if (!Slugs.isValid(slug)) {
                problem(folder + "/", "archive.import.problem.bad-slug", printable(slug));
            }
        }

        private void problem(String file, String key, Object... arguments) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(printable(file), key, arguments));
            } else {
                moreProblems++;
            }
        }
    }

    /** An article's workflow state and dates; the demo content's articles have a publication date only. */
    private record State(
            ArticleStatus status,
            Instant created,
            Instant updated,
            Instant firstPublished,
            Instant published,
            Instant scheduled) {}

    private static State state(FrontMatterDocument doc) {
        Map<String, Object> fields = doc.fields();
        String statusText = text(fields, "status");
        ArticleStatus status = statusText.isEmpty()
                ? ArticleStatus.PUBLISHED
                : ArticleStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        Instant published = time(fields, "published");
        Instant firstPublished = time(fields, "first-published");
        if (firstPublished == null) {
            firstPublished = published;
        }
        Instant scheduled = time(fields, "scheduled");
        if ((status == ArticleStatus.PUBLISHED || status == ArticleStatus.ARCHIVED) && published == null) {
            throw new IllegalArgumentException("published without a date");
        }
        if (status == ArticleStatus.SCHEDULED && scheduled == null) {
            throw new IllegalArgumentException("scheduled without a date");
        }
        Instant created = time(fields, "created");
        if (created == null) {
            created = firstPublished;
        }
        Instant updated = time(fields, "updated");
        return new State(status, created, updated != null ? updated : created, firstPublished, published, scheduled);
    }

    private static Instant time(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null || value.toString().isBlank() ? null : FrontMatterDocument.instant(value);
    }

    /** A field as text, trimmed; empty when missing. */
    private static String text(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null ? "" : value.toString().strip();
    }

    /** A field exactly as exported, or null. */
    private static String raw(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    private static String rawOrEmpty(Map<String, Object> fields, String key) {
        String value = raw(fields, key);
        return value == null ? "" : value;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(Object::toString).toList()
                : Collections.emptyList();
    }

    private static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String reason(RuntimeException ex) {
        String message = ex.getMessage();
        return printable(message == null ? ex.getClass().getSimpleName() : message);
    }

    /** A name from the zip as it may be shown: control characters replaced, at most 200 characters. */
    static String printable(String text) {
        String cleaned = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    /**
     * Whether a zip entry's name is one this import may read: relative, with forward slashes, no empty, {@code .} or
     * {@code ..} part, no control character. (Nothing is ever unpacked to disk, but a zip that tries is refused.)
     */
    static boolean isSafe(String name) {
        if (name.isEmpty()
                || name.length() > 1000
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains(":")
                || name.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        String[] parts = name.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean lastOfDirectory = i == parts.length - 1 && part.isEmpty() && i > 0;
            if ((part.isEmpty() && !lastOfDirectory) || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
