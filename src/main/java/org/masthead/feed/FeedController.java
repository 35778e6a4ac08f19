package org.masthead.feed;

import java.util.List;

import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.author.Author;
import org.masthead.author.AuthorNotFoundException;
import org.masthead.author.AuthorService;
import org.masthead.section.Section;
import org.masthead.section.SectionNotFoundException;
import org.masthead.section.SectionService;
import org.masthead.web.SiteProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;

/**
 * Atom feeds of the newest public articles: the whole journal, a section, an author. Answers conditional GETs
 * (ETag / Last-Modified) with 304, so feed readers polling every few minutes cost one small query.
 */
@Controller
class FeedController {

    static final int ENTRIES = 20;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final PublicArticles articles;
    private final SectionService sections;
    private final AuthorService authors;
    private final AtomFeeds feeds;
    private final SiteProperties site;

    FeedController(
            PublicArticles articles,
            SectionService sections,
            AuthorService authors,
            AtomFeeds feeds,
            SiteProperties site) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.feeds = feeds;
        this.site = site;
    }

    @GetMapping("/feed.xml")
    @ResponseBody
    ResponseEntity<String> site(WebRequest request) {
        return respond(
                new AtomFeeds.FeedSpec(
                        site.siteName(),
                        null,
                        "/",
                        "/feed.xml",
                        articles.latest(PageRequest.of(0, ENTRIES)).getContent()),
                request);
    }

    @GetMapping("/sections/{slug}/feed.xml")
    @ResponseBody
    ResponseEntity<String> section(@PathVariable String slug, WebRequest request) {
        Section section = sections.findBySlug(slug).orElse(null);
        if (section == null) {
            return sections.currentSlug(slug)
                    .map(current -> moved("/sections/" + current + "/feed.xml"))
                    .orElseThrow(() -> new SectionNotFoundException(slug));
        }
        return respond(
                new AtomFeeds.FeedSpec(
                        section.getName() + " — " + site.siteName(),
                        section.getDescription(),
                        "/sections/" + slug,
                        "/sections/" + slug + "/feed.xml",
                        articles.inSection(section, PageRequest.of(0, ENTRIES)).getContent()),
                request);
    }

    @GetMapping("/authors/{slug}/feed.xml")
    @ResponseBody
    ResponseEntity<String> author(@PathVariable String slug, WebRequest request) {
        Author author = authors.findBySlug(slug).orElse(null);
        if (author == null) {
            return authors.currentSlug(slug)
                    .filter(current -> authors.findBySlug(current)
                            .filter(articles::isPublic)
                            .isPresent())
                    .map(current -> moved("/authors/" + current + "/feed.xml"))
                    .orElseThrow(() -> new AuthorNotFoundException(slug));
        }
        List<Article> entries =
                articles.byAuthor(author, PageRequest.of(0, ENTRIES)).getContent();
        if (entries.isEmpty()) {
            // public only while the author has a public article, as their page
            throw new AuthorNotFoundException(slug);
        }
        return respond(
                new AtomFeeds.FeedSpec(
                        author.getName() + " — " + site.siteName(),
                        author.getTitleLine(),
                        "/authors/" + slug,
                        "/authors/" + slug + "/feed.xml",
                        entries),
                request);
    }

    private ResponseEntity<String> respond(AtomFeeds.FeedSpec spec, WebRequest request) {
        long lastModified =
                spec.lastModified() == null ? -1 : spec.lastModified().toEpochMilli();
        if (request.checkNotModified(feeds.etag(spec), lastModified)) {
            return null; // 304, headers already set
        }
        // A signed-in staff member's response stays out of shared caches (it may carry their session's cookie).
        CacheControl cache = request.getUserPrincipal() == null
                ? CacheControl.noCache().cachePublic()
                : CacheControl.noStore().cachePrivate();
        return ResponseEntity.ok().contentType(ATOM).cacheControl(cache).body(feeds.write(spec));
    }

    private static ResponseEntity<String> moved(String path) {
        return ResponseEntity.status(301).header("Location", path).build();
    }
}
