package org.masthead.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.article.Article;
import org.masthead.article.PublicArticles;
import org.masthead.event.ArticleArchived;
import org.masthead.event.ArticleChanged;
import org.masthead.event.ArticlePublished;
import org.masthead.event.ArticleUnpublished;
import org.masthead.outbox.HttpOutbox;
import org.masthead.outbox.OutgoingRequest;
import org.masthead.web.SiteProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the article events into deliveries: for each webhook that wants the event, a JSON {@code POST} written to
 * the outbox in the transaction of the change, so a delivery exists exactly when the change was committed, and
 * is sent right after the commit and retried until answered. A change to an article that is not public tells no
 * one: webhooks hear only what readers can see.
 */
@Component
class WebhookDispatch {

    static final String KIND = "webhook";
    /** The header naming the webhook a delivery is for: its signature is made with that webhook's secret. */
    static final String WEBHOOK_ID = "X-Masthead-Webhook-Id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Webhooks webhooks;
    private final PublicArticles articles;
    private final HttpOutbox outbox;
    private final SiteProperties site;
    private final Clock clock;

    WebhookDispatch(Webhooks webhooks, PublicArticles articles, HttpOutbox outbox, SiteProperties site, Clock clock) {
        this.webhooks = webhooks;
        this.articles = articles;
        this.outbox = outbox;
        this.site = site;
        this.clock = clock;
    }

    @EventListener
    void on(ArticlePublished event) {
        publicArticle(event.articleId(), WebhookEvent.PUBLISHED);
    }

    @EventListener
    void on(ArticleChanged event) {
        publicArticle(event.articleId(), WebhookEvent.UPDATED);
    }

    @EventListener
    void on(ArticleUnpublished event) {
        gone(event.articleId(), "unpublished");
    }

    @EventListener
    void on(ArticleArchived event) {
        gone(event.articleId(), "archived");
    }

    private void publicArticle(long id, WebhookEvent event) {
        List<Webhook> listeners = webhooks.wanting(event);
        if (listeners.isEmpty()) {
            return;
        }
        Optional<Article> found = articles.findById(id);
        if (found.isEmpty()) {
            return; // a draft, or not due yet: nothing a reader sees changed
        }
        Article article = found.get();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", article.getId());
        fields.put("slug", article.getSlug());
        fields.put("title", article.getTitle());
        fields.put("url", site.absolute("/articles/" + article.getSlug()));
        fields.put("api_url", site.absolute("/api/v1/articles/" + article.getSlug()));
        fields.put("published_at", String.valueOf(article.getPublishedAt()));
        fields.put("updated_at", String.valueOf(article.getUpdatedAt()));
        deliver(listeners, event, fields);
    }

    private void gone(long id, String reason) {
        List<Webhook> listeners = webhooks.wanting(WebhookEvent.UNPUBLISHED);
        if (listeners.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("reason", reason);
        deliver(listeners, WebhookEvent.UNPUBLISHED, fields);
    }

    private void deliver(List<Webhook> listeners, WebhookEvent event, Map<String, Object> article) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event.wireName());
        payload.put("occurred_at", Instant.now(clock).toString());
        payload.put("article", article);
        String body = JSON.writeValueAsString(payload);
        for (Webhook webhook : listeners) {
            outbox.enqueue(new OutgoingRequest(
                    KIND,
                    "POST",
                    URI.create(webhook.url().toString()),
                    Map.of(
                            "Content-Type",
                            "application/json",
                            "User-Agent",
                            "Masthead-Webhook",
                            "X-Masthead-Event",
                            event.wireName(),
                            WEBHOOK_ID,
                            Long.toString(webhook.id())),
                    body));
        }
    }
}
