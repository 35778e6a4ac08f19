package org.masthead.article;

/** The words of an article as an editor writes them. */
public record ArticleContent(String title, String dek, String bodyMarkdown, String seoTitle, String seoDescription) {

    public ArticleContent {
        dek = dek == null ? "" : dek;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
        seoTitle = blankToNull(seoTitle);
        seoDescription = blankToNull(seoDescription);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
