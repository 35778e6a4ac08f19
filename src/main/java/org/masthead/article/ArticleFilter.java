package org.masthead.article;

/** The filters of the newsroom's article list; null means "any". */
public record ArticleFilter(ArticleStatus status, Long sectionId, Long authorId, String text, Long createdBy) {

    public static ArticleFilter any() {
        return new ArticleFilter(null, null, null, null, null);
    }

    public ArticleFilter withStatus(ArticleStatus value) {
        return new ArticleFilter(value, sectionId, authorId, text, createdBy);
    }

    public ArticleFilter withCreatedBy(Long value) {
        return new ArticleFilter(status, sectionId, authorId, text, value);
    }
}
