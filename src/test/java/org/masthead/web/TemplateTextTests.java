package org.masthead.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All UI text goes through messages.properties: no literal text a reader would see in a template, and every
 * message key a template names exists.
 */
class TemplateTextTests {

    /** Text a template may show as it is: punctuation and separators, no words. */
    private static final Pattern NO_WORDS = Pattern.compile("[\\s\\p{Punct}·—–→←…×|]*");

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
    private static final List<String> TEXT_ATTRIBUTES =
            List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert", "th:remove");

    @Test
    void templatesShowNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Resource template : templates()) {
            Document document = Jsoup.parse(template.getContentAsString(StandardCharsets.UTF_8));
            for (Element element : document.getAllElements()) {
                if (replacedByThymeleaf(element)
                        || element.tagName().equals("script")
                        || element.tagName().equals("style")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (!NO_WORDS.matcher(text.text()).matches()) {
                        literals.add(template.getFilename() + ": <" + element.tagName() + "> \""
                                + text.text().strip() + "\"");
                    }
                }
                for (String attribute : List.of("placeholder", "title", "alt", "aria-label")) {
                    if (element.hasAttr(attribute)
                            && !NO_WORDS.matcher(element.attr(attribute)).matches()) {
                        literals.add(
                                template.getFilename() + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(literals)
                .as("literal UI text in templates (use th:text=\"#{...}\")")
                .isEmpty();
    }

    @Test
    void everyMessageKeyATemplateUsesExists() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        for (Resource template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (!messages.containsKey(matcher.group(1))) {
                    missing.add(template.getFilename() + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Elements whose content Thymeleaf replaces. A page's {@code <html th:replace>} only names its layout. */
    private static boolean replacedByThymeleaf(Element element) {
        for (Element current = element;
                current != null && !current.tagName().equals("html");
                current = current.parent()) {
            for (Attribute attribute : current.attributes()) {
                if (TEXT_ATTRIBUTES.contains(attribute.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Resource[] templates() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
    }
}
