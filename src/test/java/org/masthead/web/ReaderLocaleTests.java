package org.masthead.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reader's texts in a second language (German) are a complete, well-formed companion of the English ones, and
 * a page's language is the journal's, never the browser's: a German browser gets the same English page as anyone
 * (the page cache keeps one copy per address).
 */
@IntegrationTest
class ReaderLocaleTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Test
    void aBrowsersLanguageDoesNotChooseThePagesLanguage() throws Exception {
        mvc.perform(get("/search").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Search the journal")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("Die Zeitschrift durchsuchen"))));
    }

    @Test
    void theGermanTextsAreReadAsUtf8() {
        assertThat(messages.getMessage("pager.older", null, Locale.GERMAN)).isEqualTo("Ältere \u2192");
        assertThat(messages.getMessage("search.count", new Object[] {1234, 2, 3}, Locale.GERMAN))
                .isEqualTo("1.234 Treffer, Seite 2 von 3");
        // a key the German file does not have falls back to English
        assertThat(messages.getMessage("admin.nav.dashboard", null, Locale.GERMAN))
                .isEqualTo(messages.getMessage("admin.nav.dashboard", null, Locale.ENGLISH));
    }

    @Test
    void everyGermanTextTranslatesAnEnglishOneWithTheSameArguments() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        assertThat(german).isNotEmpty();
        for (String key : german.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as("English text of %s", key).isNotNull();
            assertThat(arguments(german.getProperty(key)))
                    .as("arguments of %s", key)
                    .isEqualTo(arguments(english.getProperty(key)));
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
