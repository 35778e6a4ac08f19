package org.masthead.section;

/** A section with articles cannot be deleted. */
public class SectionHasArticlesException extends RuntimeException {

    private final long articleCount;

    public SectionHasArticlesException(long sectionId, long articleCount) {
        super("Section #" + sectionId + " has " + articleCount + " articles");
        this.articleCount = articleCount;
    }

    public long getArticleCount() {
        return articleCount;
    }
}
