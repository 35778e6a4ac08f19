package org.masthead.article;

import java.util.List;

import org.masthead.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's history as the newsroom reads it: its revisions, the diff between two of them, what was saved since
 * an editor started typing (a conflict), and the merge of their text with it. Nothing here writes; restoring a
 * revision is an edit ({@link ArticleService#restoreRevision}).
 */
@Service
@Transactional(readOnly = true)
public class ArticleRevisions {

    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;

    ArticleRevisions(ArticleRepository articles, ArticleRevisionRepository revisions) {
        this.articles = articles;
        this.revisions = revisions;
    }

    public List<ArticleRevision> revisions(long id, Actor by) {
        Article article = article(id);
        ArticleService.require(ArticlePermissions.canView(by, article), "list revisions of", article);
        return revisions.findByArticleIdOrderByNumberDesc(id);
    }

    /** The diff between two revisions of an article, in the order given (from, to). */
    public List<TextDiff.Line> diff(long id, int from, int to, Actor by) {
        Article article = article(id);
        ArticleService.require(ArticlePermissions.canView(by, article), "compare revisions of", article);
        return TextDiff.between(revision(id, from).asText(), revision(id, to).asText());
    }

    public ArticleRevision revision(long id, int number) {
        return revisions
                .findByArticleIdAndNumber(id, number)
                .orElseThrow(() -> new ArticleNotFoundException("#" + id + " revision " + number));
    }

    /**
     * What was saved since {@code baseRevision}: who saved last, when, and the diff from the editor's starting
     * point to the current text.
     */
    public EditConflict conflict(long id, int baseRevision) {
        Article article = article(id);
        String before = revisions
                .findByArticleIdAndNumber(id, baseRevision)
                .map(ArticleRevision::asText)
                .orElse("");
        ArticleRevision current =
                revisions.findByArticleIdAndNumber(id, article.getRevision()).orElse(null);
        String after = current != null ? current.asText() : "";
        return new EditConflict(
                current != null ? current.getCreatedByName() : "",
                current != null ? current.getCreatedAt() : article.getUpdatedAt(),
                article.getRevision(),
                article.getVersion(),
                TextDiff.between(before, after));
    }

    /** The result of merging an editor's text with the change saved meanwhile; see {@link #merge}. */
    public record MergedText(String title, String dek, String bodyMarkdown, boolean conflicted, int currentRevision) {}

    /**
     * Merges an editor's title, dek and body, typed over revision {@code baseRevision}, with the article's current
     * text: the changes of each side are both kept; where both changed the same lines differently, both versions
     * are kept between markers ({@link TextMerge}). A title both changed keeps the editor's. Nothing is saved.
     */
    public MergedText merge(
            long id, int baseRevision, ArticleContent mine, String mineLabel, String theirsLabel, Actor by) {
        Article article = article(id);
        ArticleService.require(ArticlePermissions.canView(by, article), "merge", article);
        ArticleRevision base =
                revisions.findByArticleIdAndNumber(id, baseRevision).orElse(null);
        String baseTitle = base != null ? base.getTitle() : "";
        String title = mine.title() == null || mine.title().equals(baseTitle) ? article.getTitle() : mine.title();
        TextMerge.Result dek = TextMerge.merge(
                base != null ? base.getDek() : "", mine.dek(), article.getDek(), mineLabel, theirsLabel);
        TextMerge.Result body = TextMerge.merge(
                base != null ? base.getBodyMarkdown() : "",
                mine.bodyMarkdown(),
                article.getBodyMarkdown(),
                mineLabel,
                theirsLabel);
        return new MergedText(
                title, dek.text(), body.text(), dek.conflicted() || body.conflicted(), article.getRevision());
    }

    private Article article(long id) {
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
    }
}
