package org.masthead.article.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.article.Article;
import org.masthead.article.ArticleCard;
import org.masthead.event.SurrogateKey;

/**
 * Tags a reader's page with what it shows, so that a CDN in front of the journal can purge by tag rather than by
 * URL: {@code Surrogate-Key} (Fastly and others: space-separated) and {@code Cache-Tag} (Cloudflare:
 * comma-separated) carry the same keys ({@link SurrogateKey}), which the events of
 * {@code org.masthead.event} name too. A page listing articles carries each listed article's key. The page cache
 * keeps these headers with the page. See docs/benchmarks.md ("Purging a CDN by tag").
 */
final class SurrogateKeys {

    static final String SURROGATE_KEY = "Surrogate-Key";
    static final String CACHE_TAG = "Cache-Tag";

    private final Set<String> keys = new LinkedHashSet<>();

    static SurrogateKeys of(String... keys) {
        SurrogateKeys tags = new SurrogateKeys();
        tags.keys.addAll(List.of(keys));
        return tags;
    }

    /** The article's own key and its section's. */
    SurrogateKeys article(Article article) {
        keys.add(SurrogateKey.article(article.getId()));
        keys.add(SurrogateKey.section(article.getSection().getId()));
        return this;
    }

    /** The page's own article, with its authors and topics (loaded with it). */
    SurrogateKeys articleWithBylines(Article article) {
        article(article);
        article.getAuthors().forEach(author -> keys.add(SurrogateKey.author(author.getId())));
        article.getTopics().forEach(topic -> keys.add(SurrogateKey.topic(topic.getId())));
        return this;
    }

    SurrogateKeys articles(Collection<Article> articles) {
        articles.forEach(this::article);
        return this;
    }

    /** The keys of the articles a list shows (each one's own and its section's). */
    SurrogateKeys cards(Collection<ArticleCard> cards) {
        for (ArticleCard card : cards) {
            keys.add(SurrogateKey.article(card.getId()));
            keys.add(SurrogateKey.section(card.getSection().getId()));
        }
        return this;
    }

    void writeTo(HttpServletResponse response) {
        response.setHeader(SURROGATE_KEY, String.join(" ", keys));
        response.setHeader(CACHE_TAG, String.join(",", keys));
    }
}
