package org.masthead.article;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every article, in any state, for the journal's export: read in batches, each batch in a read-only transaction
 * of its own so that the article's authors, topics and notes can be read while it is handed out.
 */
@Component
public class ArticleArchive {

    static final int BATCH = 100;

    private final ArticleRepository articles;
    private final TransactionTemplate readOnly;

    ArticleArchive(ArticleRepository articles, TransactionTemplate transactions) {
        this.articles = articles;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Hands every article but those in the trash to {@code each}, oldest first, inside a read-only transaction. */
    public void forEach(Consumer<Article> each) {
        long after = 0;
        while (true) {
            long from = after;
            Long last = readOnly.execute(status -> {
                List<Article> batch = articles.findByIdGreaterThanOrderByIdAsc(from, Limit.of(BATCH));
                batch.stream()
                        .filter(article -> article.getStatus() != ArticleStatus.TRASHED)
                        .forEach(each);
                return batch.isEmpty() ? null : batch.get(batch.size() - 1).getId();
            });
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    public long count() {
        return articles.count();
    }
}
