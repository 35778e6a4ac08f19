package org.masthead.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.article.Article;
import org.masthead.article.ArticleService;
import org.masthead.outbox.OutgoingRequest;
import org.masthead.security.NotAllowedException;
import org.masthead.testing.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks as an admin adds them and a receiver gets them: a publication and an unpublication delivered as signed
 * JSON right after the commit, through the outbox; a draft's change tells no one; only admins see or change them;
 * a bad address is refused with what was typed kept; a deleted webhook's waiting deliveries are never sent unsigned.
 */
@IntegrationTest
class WebhooksTests {

    record Received(Map<String, String> headers, String body) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ArticleService articles;

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookSignature signature;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void removeWhatThisTestAdded() {
        webhooks.all(TestData.ADMIN).stream()
                .filter(webhook ->
                        webhook.url().getPort() == receiver.getAddress().getPort())
                .forEach(webhook -> webhooks.delete(TestData.ADMIN, webhook.id()));
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void anAdminAddsAWebhookThatIsToldOfAPublicationAndAnUnpublicationSigned() throws Exception {
        MvcResult added = mvc.perform(post("/admin/webhooks")
                        .with(user(TestData.ADMIN))
                        .with(csrf())
                        .param("url", hookUrl())
                        .param("events", "article.published", "article.unpublished")
                        .param("description", "the newsroom's chat"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String secret = (String) added.getFlashMap().get("createdSecret");
        assertThat(secret).isNotBlank();

        Article article = data.anArticle().draft();
        articles.publish(article.getId(), TestData.EDITOR);
        Received published = awaitDelivery(article, "article.published");
        assertThat(published.headers().get("Content-Type")).startsWith("application/json");
        assertThat(published.body())
                .contains("\"slug\":\"" + article.getSlug() + "\"")
                .contains("/articles/" + article.getSlug());
        assertSigned(published, secret);

        articles.unpublish(article.getId(), TestData.EDITOR);
        Received unpublished = awaitDelivery(article, "article.unpublished");
        assertThat(unpublished.body()).contains("\"reason\":\"unpublished\"");
        assertSigned(unpublished, secret);

        String page = mvc.perform(get("/admin/webhooks").with(user(TestData.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(hookUrl()).contains("the newsroom&#39;s chat").doesNotContain(secret);
    }

    @Test
    void aDraftsChangeAndAnUnwantedEventTellNoOne() throws Exception {
        webhooks.create(TestData.ADMIN, hookUrl(), Set.of(WebhookEvent.UPDATED), "");
        org.masthead.author.Author author = data.anAuthor().create();
        org.masthead.section.Section section = data.aSection().create();
        Article draft = data.anArticle().by(List.of(author)).inSection(section).draft();
        Article loaded = articles.get(draft.getId());
        articles.update(
                draft.getId(),
                loaded.getRevision(),
                new org.masthead.article.ArticleChanges(
                        loaded.getSlug(),
                        new org.masthead.article.ArticleContent(
                                "A draft's new title", loaded.getDek(), loaded.getBodyMarkdown(), null, null),
                        section.getId(),
                        List.of(author.getId()),
                        List.of()),
                TestData.EDITOR);
        // the publication is not wanted; the note on the public article is an update
        articles.publish(draft.getId(), TestData.EDITOR);
        articles.addNote(draft.getId(), org.masthead.article.NoteKind.UPDATE, "A note on it, public.", TestData.EDITOR);

        Received updated = awaitDelivery(draft, "article.updated");
        assertThat(updated.body()).contains("\"id\":" + draft.getId());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(received.stream().filter(r -> r.body().contains("\"id\":" + draft.getId())))
                .as("one delivery: the draft's note and the unwanted publication told no one")
                .hasSize(1);
    }

    @Test
    void onlyAdminsSeeOrChangeWebhooks() throws Exception {
        mvc.perform(get("/admin/webhooks").with(user(TestData.EDITOR))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks")
                        .with(user(TestData.EDITOR))
                        .with(csrf())
                        .param("url", hookUrl())
                        .param("events", "article.published"))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> webhooks.create(TestData.CONTRIBUTOR, hookUrl(), Set.of(WebhookEvent.PUBLISHED), ""))
                .isInstanceOf(NotAllowedException.class);
        assertThat(webhooks.all(TestData.ADMIN))
                .noneMatch(w -> w.url().toString().equals(hookUrl()));
    }

    @Test
    void aBadAddressIsRefusedWithWhatWasTypedKept() throws Exception {
        for (String url : List.of("ftp://example.org/hook", "not a url", "http://user:pw@example.org/", "")) {
            MvcResult refused = mvc.perform(post("/admin/webhooks")
                            .with(user(TestData.ADMIN))
                            .with(csrf())
                            .param("url", url)
                            .param("events", "article.published"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(refused.getFlashMap().get("error")).as(url).isEqualTo("webhook.error.url");
            assertThat(refused.getFlashMap().get("typedUrl")).isEqualTo(url);
        }
        MvcResult noEvents = mvc.perform(post("/admin/webhooks")
                        .with(user(TestData.ADMIN))
                        .with(csrf())
                        .param("url", hookUrl()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(noEvents.getFlashMap().get("error")).isEqualTo("webhook.error.events");
    }

    @Test
    void aDeletedWebhooksWaitingDeliveryIsNeverSentUnsigned() {
        Webhooks.Created created = webhooks.create(TestData.ADMIN, hookUrl(), Set.of(WebhookEvent.PUBLISHED), "");
        OutgoingRequest waiting = new OutgoingRequest(
                WebhookDispatch.KIND,
                "POST",
                java.net.URI.create(hookUrl()),
                Map.of(
                        WebhookDispatch.WEBHOOK_ID,
                        Long.toString(created.webhook().id())),
                "{}");
        assertThat(signature.headersFor(waiting)).containsKey(WebhookSignature.HEADER);
        webhooks.delete(TestData.ADMIN, created.webhook().id());
        assertThatThrownBy(() -> signature.headersFor(waiting)).isInstanceOf(IllegalStateException.class);
    }

    private Received awaitDelivery(Article article, String event) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> received.stream()
                                .filter(r -> event.equals(r.headers().get("X-Masthead-Event")))
                                .filter(r -> r.body().contains("\"id\":" + article.getId()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static void assertSigned(Received delivery, String secret) {
        String header = delivery.headers().get(WebhookSignature.HEADER);
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String time = header.substring(2, header.indexOf(','));
        String given = header.substring(header.indexOf("v1=") + 3);
        assertThat(given).isEqualTo(WebhookSignature.sign(secret, time + "." + delivery.body()));
        assertThat(WebhookSignature.sign(secret + "x", time + "." + delivery.body()))
                .isNotEqualTo(given);
    }
}
