package org.masthead.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.web.ETags;
import org.masthead.web.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Writes Atom 1.0 feeds with Rome. Entry ids are tag URIs made of the site's host, the day the article was first
 * published and its database id, so they survive title and slug changes. Every link is absolute.
 */
@Component
class AtomFeeds {

    /** The articles of one feed, and what it is called and where it lives. */
    record FeedSpec(String title, String subtitle, String pagePath, String feedPath, List<Article> articles) {

        /** The last change of any entry, or null for an empty feed. */
        Instant lastModified() {
            return articles.stream()
                    .map(Article::getLastModified)
                    .max(Instant::compareTo)
                    .orElse(null);
        }
    }

    private final SiteProperties site;

    AtomFeeds(SiteProperties site) {
        this.site = site;
    }

    /** A validator that changes whenever the feed's entries or their content change (including one leaving it). */
    String etag(FeedSpec spec) {
        StringBuilder key =
                new StringBuilder(site.siteUrl().toString()).append('|').append(spec.feedPath());
        spec.articles()
                .forEach(a -> key.append('|')
                        .append(a.getId())
                        .append('@')
                        .append(a.getLastModified().toEpochMilli())
                        .append('/')
                        .append(a.getVersion()));
        return ETags.weak(key.toString());
    }

    String write(FeedSpec spec) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(spec.title());
        feed.setDescription(spec.subtitle());
        feed.setUri(site.absolute(spec.feedPath()));
        feed.setLink(site.absolute(spec.pagePath()));
        feed.setLinks(List.of(
                link("alternate", "text/html", spec.pagePath()),
                link("self", "application/atom+xml", spec.feedPath())));
        feed.setPublishedDate(Date.from(spec.lastModified() != null ? spec.lastModified() : Instant.EPOCH));
        feed.setAuthors(List.of(person(site.siteName(), site.absolute("/"))));
        feed.setGenerator("Masthead");
        List<SyndEntry> entries = new ArrayList<>();
        for (Article article : spec.articles()) {
            entries.add(entry(article));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException ex) {
            throw new IllegalStateException("Could not write the feed " + spec.feedPath(), ex);
        }
    }

    private SyndEntry entry(Article article) {
        String path = "/articles/" + article.getSlug();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(entryId(article));
        entry.setTitle(article.getTitle());
        entry.setLink(site.absolute(path));
        entry.setLinks(List.of(link("alternate", "text/html", path)));
        entry.setPublishedDate(Date.from(article.getPublishedAt()));
        entry.setUpdatedDate(Date.from(article.getLastModified()));
        List<SyndPerson> authors = new ArrayList<>();
        for (Author author : article.getAuthors()) {
            authors.add(person(author.getName(), site.absolute("/authors/" + author.getSlug())));
        }
        entry.setAuthors(authors);
        SyndCategory category = new SyndCategoryImpl();
        category.setName(article.getSection().getName());
        category.setTaxonomyUri(
                site.absolute("/sections/" + article.getSection().getSlug()));
        entry.setCategories(List.of(category));

        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(article.getDek().isEmpty() ? article.getExcerpt() : article.getDek());
        entry.setDescription(summary);
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(absoluteLinks(article.getBodyHtml(), site.absolute(path)));
        entry.setContents(List.of(content));
        return entry;
    }

    /** {@code tag:example.org,2026-10-01:article:42}: stable for as long as the site keeps its host. */
    String entryId(Article article) {
        String host =
                site.siteUrl().getHost() == null ? "localhost" : site.siteUrl().getHost();
        Instant first =
                article.getFirstPublishedAt() != null ? article.getFirstPublishedAt() : article.getPublishedAt();
        String day = DateTimeFormatter.ISO_LOCAL_DATE.format(first.atOffset(ZoneOffset.UTC));
        return "tag:" + host + "," + day + ":article:" + article.getId();
    }

    /** The stored (sanitised) body with its relative links and images made absolute, for feed readers. */
    private static String absoluteLinks(String html, String baseUri) {
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        for (Element element : doc.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private SyndLink link(String rel, String type, String path) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(site.absolute(path));
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        person.setUri(uri);
        return person;
    }
}
