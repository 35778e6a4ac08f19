package org.masthead.feed;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.ArticleLastModified;
import org.masthead.article.PublicArticles;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.web.PageNotFoundException;
import org.masthead.web.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sitemap.xml}: the front page, every section, and every public article, author and topic, each with the
 * last change of its public content. Authors and topics without a public article are left out (their pages say
 * nothing yet). Past {@code masthead.sitemap.max-urls} URLs it answers a sitemap index, whose children are
 * {@code /sitemap.xml?page=1}, {@code ?page=2}…
 */
@Controller
class SitemapController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    record Url(String path, Instant lastModified) {}

    private final PublicArticles articles;
    private final SectionService sections;
    private final SiteProperties site;
    private final SitemapProperties properties;

    SitemapController(
            PublicArticles articles, SectionService sections, SiteProperties site, SitemapProperties properties) {
        this.articles = articles;
        this.sections = sections;
        this.site = site;
        this.properties = properties;
    }

    /** Articles are read and written this many at a time, so a file of 50,000 URLs never sits in memory whole. */
    static final int CHUNK = 5_000;

    @GetMapping("/sitemap.xml")
    void sitemap(@RequestParam(required = false) String page, HttpServletResponse response) throws IOException {
        // Only what the answer shows is read: the small list of pages, then either the number of articles and
        // every URL (one file) or the last change of each file (the index), or, for one file of several, whether
        // it exists (the article at its first position, not a count of them all) and its articles, streamed.
        List<Url> pages = pages();
        int size = properties.maxUrls();
        int lead = pages.size();
        if (page == null) {
            int files = (int) ((lead + articles.count() + size - 1) / size); // the index needs the count anyway
            if (files <= 1) {
                write(response, urlset(pages, 0, size));
            } else {
                write(response, index(pages, files, size));
            }
            return;
        }
        int number = parse(page);
        if (number < 1) {
            throw new PageNotFoundException("sitemap page " + page);
        }
        // File n holds the URLs at positions [start, end) of the list: pages first, then articles. It exists if
        // its first URL does (and, for the first file, if there is a second one).
        long start = (long) (number - 1) * size;
        long end = start + size;
        List<Url> ownPages = pages.subList((int) Math.min(start, lead), (int) Math.min(end, lead));
        long after = 0; // the articles of this file: those after this id
        if (number == 1 && lead <= size && articles.idAt(size - lead).isEmpty()) {
            throw new PageNotFoundException("sitemap page " + page); // one file: /sitemap.xml itself
        }
        if (ownPages.isEmpty()) {
            Optional<Long> first = articles.idAt(start - lead);
            if (first.isEmpty()) {
                throw new PageNotFoundException("sitemap page " + page);
            }
            after = first.get() - 1;
        }
        long articlesFrom = Math.max(start, lead);
        write(response, urlset(ownPages, after, (int) Math.max(0, end - articlesFrom)));
    }

    /** Every public URL, in a stable order: front page, sections, authors, topics, then articles by id. */
    List<Url> urls() {
        return withArticles(pages(), 0, Integer.MAX_VALUE);
    }

    private List<Url> withArticles(List<Url> first, long offset, int limit) {
        List<Url> urls = new ArrayList<>(first);
        if (limit <= 0) {
            return urls;
        }
        articles.lastModified(offset, limit).forEach(a -> urls.add(new Url("/articles/" + a.slug(), a.at())));
        return urls;
    }

    /** The front page, sections, authors and topics, each with its last change. */
    private List<Url> pages() {
        Map<String, Instant> bySection = new HashMap<>();
        articles.lastModifiedBySection().forEach(s -> bySection.put(s.slug(), s.at()));

        List<Url> urls = new ArrayList<>();
        // every article has a section: the front page's last change is the newest of theirs
        urls.add(new Url(
                "/", bySection.values().stream().max(Comparator.naturalOrder()).orElse(null)));
        for (Section section : sections.all()) {
            urls.add(new Url(
                    "/sections/" + section.getSlug(),
                    Stream.of(section.getUpdatedAt(), bySection.get(section.getSlug()))
                            .filter(Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(null)));
        }
        articles.lastModifiedByAuthor().forEach(a -> urls.add(new Url("/authors/" + a.slug(), a.at())));
        articles.lastModifiedByTopic().forEach(t -> urls.add(new Url("/topics/" + t.slug(), t.at())));
        return urls;
    }

    /** The given pages, then {@code limit} articles after the article {@code afterId}, read a chunk at a time. */
    private XmlBody urlset(List<Url> pages, long afterId, int limit) {
        return xml -> {
            xml.start("urlset");
            String base = SitemapXml.escape(site.absolute("/"));
            for (Url url : pages) {
                xml.entry("url", base, url.path().substring(1), url.lastModified());
            }
            String articleBase = SitemapXml.escape(site.absolute("/articles/"));
            long after = afterId;
            for (long done = 0; done < limit; ) {
                int want = (int) Math.min(CHUNK, limit - done);
                List<ArticleLastModified> chunk = articles.lastModifiedAfter(after, want);
                for (ArticleLastModified article : chunk) {
                    xml.entry("url", articleBase, article.slug(), article.at());
                }
                if (chunk.size() < want) {
                    break;
                }
                done += chunk.size();
                after = chunk.get(chunk.size() - 1).id();
            }
        };
    }

    private XmlBody index(List<Url> pages, int files, int size) {
        // The last change in each file: its articles' (one pass over an index), and its pages'.
        List<Instant> newest = new ArrayList<>(java.util.Collections.nCopies(files, (Instant) null));
        List<Instant> runs = articles.lastModifiedByRun(pages.size(), size);
        for (int run = 0; run < runs.size() && run < files; run++) {
            newest.set(run, runs.get(run));
        }
        for (int i = 0; i < pages.size(); i++) {
            Instant at = pages.get(i).lastModified();
            int file = i / size;
            if (at != null && (newest.get(file) == null || at.isAfter(newest.get(file)))) {
                newest.set(file, at);
            }
        }
        return xml -> {
            xml.start("sitemapindex");
            String base = SitemapXml.escape(site.absolute("/sitemap.xml"));
            for (int n = 1; n <= files; n++) {
                xml.entry("sitemap", base, "?page=" + n, newest.get(n - 1));
            }
        };
    }

    private interface XmlBody {
        void write(SitemapXml xml) throws IOException;
    }

    private static void write(HttpServletResponse response, XmlBody body) throws IOException {
        response.setContentType(XML.toString());
        try (SitemapXml xml = new SitemapXml(response.getOutputStream())) {
            body.write(xml);
        }
    }

    private static int parse(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }
}
