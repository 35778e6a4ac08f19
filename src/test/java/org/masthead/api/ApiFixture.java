package org.masthead.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.masthead.security.Actor;
import org.masthead.testing.Fixtures;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Content for the API tests, made through the services: a section, an author with a photo and links, and articles
 * with a featured image, topics and a correction. Requests go through MockMvc from an address of their own, so the
 * per-client rate limit of one test class never touches another's: each one got from the context is a new client.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class ApiFixture {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    final Fixtures fixtures;
    final ArticleService articles;
    final AuthorService authors;
    final ImageService images;
    final ArticleImages articleImages;
    final String client;

    ApiFixture(
            Fixtures fixtures,
            ArticleService articles,
            AuthorService authors,
            ImageService images,
            ArticleImages articleImages) {
        this.fixtures = fixtures;
        this.articles = articles;
        this.authors = authors;
        this.images = images;
        this.articleImages = articleImages;
        this.client = "198.51.100." + (CLIENTS.incrementAndGet() % 250 + 1);
    }

    /** A GET of the API from this fixture's own client address. */
    MockHttpServletRequestBuilder get(String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                });
    }

    /** A GET of an already encoded URI (path and query sent as they are) from this fixture's own client address. */
    MockHttpServletRequestBuilder get(java.net.URI uri) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                });
    }

    Image image() {
        return images.upload(
                Actor.importing("test"),
                TestImages.jpeg(1200, 800),
                "harbour.jpg",
                "A harbour at dawn",
                "The harbour",
                "Staff");
    }

    /** An author with a photo and a link. */
    Author author(String name) {
        Image photo = image();
        return authors.create(
                Actor.importing("test"),
                new AuthorChanges(
                        name,
                        Fixtures.slug("author"),
                        "Fellow, Testing",
                        "A *bio* of " + name + ".",
                        photo.getId(),
                        null,
                        List.of(new AuthorLink("Website", "https://example.org/" + Fixtures.word()))));
    }

    /** A public article with a featured image, its topics and a correction. */
    Article illustrated(Section section, List<Author> byline, List<String> topics, Duration ago) {
        Article article = fixtures.published(
                section,
                byline,
                topics,
                "Title " + Fixtures.word(),
                "A standfirst",
                "First paragraph.\n\nSecond paragraph with *emphasis*.",
                Instant.now().minus(ago));
        articleImages.setFeaturedImage(
                article.getId(), image().getId(), "Its own caption", null, Actor.importing("test"));
        articles.addNote(
                article.getId(),
                NoteKind.CORRECTION,
                "A date was wrong.",
                Instant.now().minusSeconds(5),
                Actor.importing("test"));
        return article;
    }
}
