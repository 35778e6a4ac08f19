package org.masthead.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** The sitemap's own XML writer: the dates as ISO_INSTANT writes them, the text escaped, a well-formed document. */
class SitemapXmlTests {

    @Test
    void datesAreWrittenAsIsoInstantWritesThem() {
        Random random = new Random(42);
        long from = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            int nano = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                case 3 -> random.nextInt(1_000_000_000);
                default -> random.nextInt(10) * 100_000_000;
            };
            if (i % 7 == 0) {
                second -= second % 60; // whole minutes: seconds are still written
            }
            Instant at = Instant.ofEpochSecond(second, nano);
            StringBuilder written = new StringBuilder();
            SitemapXml.appendInstant(written, at);
            assertThat(written.toString()).as("%s", at).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(at));
        }
        for (String outside :
                new String[] {"0999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z"}) {
            Instant at = Instant.parse(outside);
            StringBuilder written = new StringBuilder();
            SitemapXml.appendInstant(written, at);
            assertThat(written.toString()).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(at));
        }
    }

    @Test
    void writesAWellFormedDocumentWithItsTextEscaped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SitemapXml xml = new SitemapXml(bytes)) {
            xml.start("urlset");
            xml.entry("url", SitemapXml.escape("https://example.org/?a=1&b=<2>/"), "caf\u00e9&more", Instant.EPOCH);
            xml.entry("url", "https://example.org/", "", null);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapXml.NS);
        var locs = doc.getElementsByTagNameNS(SitemapXml.NS, "loc");
        assertThat(locs.getLength()).isEqualTo(2);
        assertThat(locs.item(0).getTextContent()).isEqualTo("https://example.org/?a=1&b=<2>/caf\u00e9&more");
        assertThat(locs.item(1).getTextContent()).isEqualTo("https://example.org/");
        var lastmods = doc.getElementsByTagNameNS(SitemapXml.NS, "lastmod");
        assertThat(lastmods.getLength()).isEqualTo(1);
        assertThat(lastmods.item(0).getTextContent()).isEqualTo("1970-01-01T00:00:00Z");
    }
}
