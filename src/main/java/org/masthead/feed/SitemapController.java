package org.masthead.feed;

import java.io.StringWriter;
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

import org.masthead.article.LastModified;
import org.masthead.article.PublicArticles;
import org.masthead.section.Section;
import org.masthead.section.SectionService;
import org.masthead.web.PageNotFoundException;
import org.masthead.web.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

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

    @GetMapping("/sitemap.xml")
    @ResponseBody
    ResponseEntity<String> sitemap(@RequestParam(required = false) String page) {
        List<Url> urls = urls();
        int size = properties.maxUrls();
        int files = (urls.size() + size - 1) / size;
        if (page == null) {
            return ok(files <= 1 ? urlset(urls) : index(urls, files, size));
        }
        int number = parse(page);
        if (files <= 1 || number < 1 || number > files) {
            throw new PageNotFoundException("sitemap page " + page);
        }
        return ok(urlset(urls.subList((number - 1) * size, Math.min(urls.size(), number * size))));
    }

    /** Every public URL, in a stable order: front page, sections, authors, topics, then articles by id. */
    List<Url> urls() {
        List<LastModified> published = articles.allLastModified();
        Instant newest = published.stream()
                .map(LastModified::at)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Map<String, Instant> bySection = new HashMap<>();
        articles.lastModifiedBySection().forEach(s -> bySection.put(s.slug(), s.at()));

        List<Url> urls = new ArrayList<>();
        urls.add(new Url("/", newest));
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
        published.forEach(a -> urls.add(new Url("/articles/" + a.slug(), a.at())));
        return urls;
    }

    private String urlset(List<Url> urls) {
        return xml(writer -> {
            writer.writeStartElement("urlset");
            writer.writeDefaultNamespace(NS);
            for (Url url : urls) {
                writer.writeStartElement("url");
                element(writer, "loc", site.absolute(url.path()));
                if (url.lastModified() != null) {
                    element(writer, "lastmod", DateTimeFormatter.ISO_INSTANT.format(url.lastModified()));
                }
                writer.writeEndElement();
            }
            writer.writeEndElement();
        });
    }

    private String index(List<Url> urls, int files, int size) {
        return xml(writer -> {
            writer.writeStartElement("sitemapindex");
            writer.writeDefaultNamespace(NS);
            for (int n = 1; n <= files; n++) {
                writer.writeStartElement("sitemap");
                element(writer, "loc", site.absolute("/sitemap.xml?page=" + n));
                urls.subList((n - 1) * size, Math.min(urls.size(), n * size)).stream()
                        .map(Url::lastModified)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .ifPresent(at -> element(writer, "lastmod", DateTimeFormatter.ISO_INSTANT.format(at)));
                writer.writeEndElement();
            }
            writer.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NS);
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
            return out.toString();
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

    private static ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
