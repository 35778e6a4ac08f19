package org.masthead.feed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
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
    static final int CHUNK = 2_000;

    @GetMapping("/sitemap.xml")
    void sitemap(@RequestParam(required = false) String page, HttpServletResponse response) throws IOException {
        // Only what the answer shows is read: the small list of pages, the number of articles, and then either
        // every URL (one file), the last change of each file (the index), or the articles of one file, streamed.
        List<Url> pages = pages();
        long articleCount = articles.count();
        int size = properties.maxUrls();
        long total = pages.size() + articleCount;
        int files = (int) ((total + size - 1) / size);
        if (page == null) {
            if (files <= 1) {
                write(response, urlset(pages, 0, size));
            } else {
                write(response, index(pages, files, size));
            }
            return;
        }
        int number = parse(page);
        if (files <= 1 || number < 1 || number > files) {
            throw new PageNotFoundException("sitemap page " + page);
        }
        // File n holds the URLs at positions [start, end) of the list: pages first, then articles.
        long start = (long) (number - 1) * size;
        long end = start + size;
        int count = pages.size();
        List<Url> ownPages = pages.subList((int) Math.min(start, count), (int) Math.min(end, count));
        long articlesFrom = Math.max(start, count);
        write(response, urlset(ownPages, articlesFrom - count, (int) Math.max(0, end - articlesFrom)));
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

    /** The given pages, then {@code limit} articles from {@code offset}, read a chunk at a time. */
    private XmlBody urlset(List<Url> pages, long offset, int limit) {
        return writer -> {
            writer.writeStartElement("urlset");
            writer.writeDefaultNamespace(NS);
            for (Url url : pages) {
                url(writer, url);
            }
            long after = offset == 0 ? 0 : -1; // the first chunk of a later file finds its place by offset
            for (long done = 0; done < limit; ) {
                int want = (int) Math.min(CHUNK, limit - done);
                List<ArticleLastModified> chunk = articles.lastModifiedAfter(after, offset, want);
                for (ArticleLastModified article : chunk) {
                    url(writer, new Url("/articles/" + article.slug(), article.at()));
                }
                if (chunk.size() < want) {
                    break;
                }
                done += chunk.size();
                after = chunk.get(chunk.size() - 1).id();
            }
            writer.writeEndElement();
        };
    }

    private void url(XMLStreamWriter writer, Url url) throws XMLStreamException {
        writer.writeStartElement("url");
        element(writer, "loc", site.absolute(url.path()));
        if (url.lastModified() != null) {
            element(writer, "lastmod", DateTimeFormatter.ISO_INSTANT.format(url.lastModified()));
        }
        writer.writeEndElement();
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
        return writer -> {
            writer.writeStartElement("sitemapindex");
            writer.writeDefaultNamespace(NS);
            for (int n = 1; n <= files; n++) {
                writer.writeStartElement("sitemap");
                element(writer, "loc", site.absolute("/sitemap.xml?page=" + n));
                Instant at = newest.get(n - 1);
                if (at != null) {
                    element(writer, "lastmod", DateTimeFormatter.ISO_INSTANT.format(at));
                }
                writer.writeEndElement();
            }
            writer.writeEndElement();
        };
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static void write(HttpServletResponse response, XmlBody body) throws IOException {
        response.setContentType(XML.toString());
        // the XML writer writes a byte at a time: buffered here, not through every wrapper of the response
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16 * 1024)) {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NS);
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write the sitemap", ex);
        }
    }

    private static void element(XMLStreamWriter writer, String name, String text) {
        try {
            writer.writeStartElement(NS, name);
            writer.writeCharacters(text);
            writer.writeEndElement();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
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
