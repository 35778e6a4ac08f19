package org.masthead.article.web;

import java.time.Instant;
import java.util.List;

import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanges;
import org.masthead.article.ArticleContent;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleService;
import org.masthead.article.NoteKind;
import org.masthead.article.PreviewLinks;
import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Articles with everything a reader's page can show: a featured image, an author with a photo, footnotes, a table,
 * a topic and a correction note. Made through the application's services, with unique slugs.
 */
@Component
final class IllustratedArticles {

    /** The last words of the body, so a test can tell the whole body was sent. */
    static final String BODY_END = "The final sentence of the body.";

    static final String BODY = """
            A first paragraph with a footnote.[^1]

            | Year | Warheads |
            |------|----------|
            | 1986 | 70,300   |
            | 2025 | 12,100   |

            A third paragraph, after the table.

            A fourth paragraph.

            %s

            [^1]: The footnote's text, with a [source](https://example.org/source).
            """.formatted(BODY_END);

    private final TestContent content;
    private final ImageService images;
    private final AuthorService authors;
    private final ArticleService articles;
    private final ArticleImages articleImages;
    private final PreviewLinks previewLinks;

    IllustratedArticles(
            TestContent content,
            ImageService images,
            AuthorService authors,
            ArticleService articles,
            ArticleImages articleImages,
            PreviewLinks previewLinks) {
        this.content = content;
        this.images = images;
        this.authors = authors;
        this.articles = articles;
        this.articleImages = articleImages;
        this.previewLinks = previewLinks;
    }

    /** A new author whose profile shows a photo. */
    Author authorWithPhoto() {
        Image photo =
                images.upload(Actor.importing("test"), TestImages.jpeg(400, 400), "portrait.jpg", "The author", "", "");
        String slug = TestContent.unique("author");
        return authors.create(
                Actor.importing("test"),
                new AuthorChanges(
                        "Author " + slug,
                        slug,
                        "Fellow, Testing",
                        "Writes *tests* for " + slug + ".",
                        photo.getId(),
                        null,
                        List.of()));
    }

    /** A draft with a featured image, footnotes, a table and a topic, by an author with a photo. */
    Article draft(Section section, Author author, String topic) {
        String slug = TestContent.unique("illustrated");
        Article article = articles.create(
                new ArticleChanges(
                        slug,
                        new ArticleContent("Illustrated " + slug, "Dek of " + slug, BODY, null, null),
                        section.getId(),
                        List.of(author.getId()),
                        List.of(topic)),
                Actor.importing("test"));
        Image picture = images.upload(
                Actor.importing("test"), TestImages.jpeg(1800, 1000), "harbour.jpg", "A harbour at dawn", "", "");
        articleImages.setFeaturedImage(
                article.getId(), picture.getId(), "The harbour", "Photo Agency", Actor.importing("test"));
        return articles.get(article.getId());
    }

    /** The same, published at {@code publishedAt}, with a correction note. */
    Article published(Section section, Author author, String topic, Instant publishedAt) {
        Article article = draft(section, author, topic);
        articles.publishBackdated(article.getId(), publishedAt, Actor.importing("test"));
        return articles.addNote(
                article.getId(),
                NoteKind.CORRECTION,
                "An earlier version misdated the treaty.",
                publishedAt,
                Actor.importing("test"));
    }

    /** Published with a note, then taken back to a draft (notes only come to published articles). */
    Article unpublished(Section section, Author author, String topic, Instant publishedAt) {
        Article article = published(section, author, topic, publishedAt);
        articles.unpublish(article.getId(), TestContent.EDITOR);
        return articles.get(article.getId());
    }

    /** A live preview link's path for the article, made by a real editor account. */
    String previewPath(Article article) {
        StaffUser editor = new StaffUser(
                content.account(Role.EDITOR),
                "preview-maker@example.org",
                "Preview Maker",
                Role.EDITOR,
                "{noop}x",
                true);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(editor, null, editor.getAuthorities()));
        try {
            return "/preview/" + previewLinks.create(article.getId(), editor);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
