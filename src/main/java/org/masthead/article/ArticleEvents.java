package org.masthead.article;

import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.author.Author;
import org.masthead.event.ArticleChanged;
import org.masthead.event.ArticlePublished;
import org.masthead.event.ArticleScheduled;
import org.masthead.event.PublicContentEvent;
import org.masthead.topic.Topic;

/** The events of an article, with the ids of the pages that show it (read in the transaction that changed it). */
final class ArticleEvents {

    private ArticleEvents() {}

    static ArticlePublished published(Article article) {
        return new ArticlePublished(
                article.getId(), article.getSection().getId(), authorIds(article), topicIds(article));
    }

    static ArticleChanged changed(Article article) {
        return new ArticleChanged(article.getId(), article.getSection().getId(), authorIds(article), topicIds(article));
    }

    /** An article brought in whole from an export, in the state it had there. */
    static PublicContentEvent imported(Article article) {
        return switch (article.getStatus()) {
            case PUBLISHED -> published(article);
            case SCHEDULED -> new ArticleScheduled(article.getId());
            default -> changed(article);
        };
    }

    private static Set<Long> authorIds(Article article) {
        return article.getAuthors().stream().map(Author::getId).collect(Collectors.toSet());
    }

    private static Set<Long> topicIds(Article article) {
        return article.getTopics().stream().map(Topic::getId).collect(Collectors.toSet());
    }
}
