package org.masthead.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleService;
import org.masthead.article.ArticleStatus;
import org.masthead.article.NoteKind;
import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo journal from {@code resources/demo/} into an empty database, through the same services an
 * editor uses, so its Markdown goes through the render-on-write pipeline. On when {@code masthead.demo-content}
 * is (by default with the embedded database).
 */
@Component
@ConditionalOnBooleanProperty("masthead.demo-content")
class DemoContent implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    /** The demo journal is imported content: checked and audited like an admin's, with its own past dates. */
    private static final Actor IMPORT = Actor.importing("demo");

    private final SectionService sections;
    private final AuthorService authors;
    private final ArticleService articles;
    private final TransactionTemplate transaction;

    DemoContent(
            SectionService sections, AuthorService authors, ArticleService articles, TransactionTemplate transaction) {
        this.sections = sections;
        this.authors = authors;
        this.articles = articles;
        this.transaction = transaction;
    }

    /** Runs once every bean is ready and before the web server takes requests, so no reader sees the site half-ready. */
    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    void run() {
        transaction.executeWithoutResult(status -> {
            if (!sections.all().isEmpty()) {
                log.info("Demo content not loaded: the database already has content");
                return;
            }
            each("sections", this::loadSection);
            each("authors", this::loadAuthor);
            each("articles", this::loadArticle);
            log.info(
                    "Demo content loaded: {} sections, {} authors",
                    sections.all().size(),
                    authors.all().size());
        });
    }

    private void loadSection(FrontMatterDocument doc) {
        sections.create(
                IMPORT,
                doc.text("slug"),
                doc.text("name"),
                doc.body().strip(),
                doc.text("disclaimer"),
                doc.text("newsletter-cta"),
                doc.number("position"));
    }

    private void loadAuthor(FrontMatterDocument doc) {
        authors.create(IMPORT, doc.text("slug"), doc.text("name"), doc.text("title"), doc.body());
    }

    private void loadArticle(FrontMatterDocument doc) {
        long sectionId = sections.findBySlug(doc.text("section"))
                .orElseThrow(() -> new IllegalArgumentException("Unknown section " + doc.text("section")))
                .getId();
        List<Long> authorIds =
                authors.bySlugs(doc.list("authors")).stream().map(Author::getId).toList();
        ArticleContent content = new ArticleContent(
                doc.text("title"), doc.text("dek"), doc.body(), doc.text("seo-title"), doc.text("seo-description"));
        Article article = articles.create(
                new ArticleChanges(doc.text("slug"), content, sectionId, authorIds, doc.list("topics")), IMPORT);

        ArticleStatus status =
                doc.text("status").isEmpty() ? ArticleStatus.PUBLISHED : ArticleStatus.valueOf(doc.text("status"));
        switch (status) {
            case DRAFT -> {}
            case IN_REVIEW -> articles.submit(article.getId(), IMPORT);
            case PUBLISHED -> {
                articles.publishBackdated(
                        article.getId(),
                        FrontMatterDocument.instant(doc.fields().get("published")),
                        IMPORT);
                for (Map<String, Object> note : doc.maps("notes")) {
                    articles.addNote(
                            article.getId(),
                            NoteKind.valueOf(note.get("kind").toString()),
                            note.get("text").toString().strip(),
                            FrontMatterDocument.instant(note.get("at")),
                            IMPORT);
                }
            }
            default ->
                throw new IllegalArgumentException("Demo articles are drafts, in review or published: " + status);
        }
    }

    private static void each(String folder, Consumer<FrontMatterDocument> loader) {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath:demo/" + folder + "/*.md");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                loader.accept(FrontMatterDocument.parse(folder + "/" + resource.getFilename(), text));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
