package org.masthead.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A draft a reader must not see as it stands: no author on its byline, or a picture in its body without the alt
 * text a reader who cannot see it is given. Publish and Schedule refuse it; on an article already published the
 * same problems are only a warning.
 */
public class PublicationRefusedException extends RuntimeException {

    /** Why. */
    public enum Problem {
        NO_AUTHOR,
        IMAGE_WITHOUT_ALT
    }

    /** A Markdown image with empty alt text: {@code ![](…)}, {@code ![ ][ref]}. */
    private static final Pattern IMAGE_WITHOUT_ALT = Pattern.compile("!\\[\\s*]\\s*[(\\[]");

    private final transient Problem problem;

    PublicationRefusedException(Problem problem, long articleId) {
        super("article #" + articleId + " is not published: " + problem);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** What keeps the article from readers, first things first; empty when nothing does. */
    public static List<Problem> problems(Article article) {
        List<Problem> found = new ArrayList<>();
        if (article.getAuthors().isEmpty()) {
            found.add(Problem.NO_AUTHOR);
        }
        if (IMAGE_WITHOUT_ALT.matcher(article.getBodyMarkdown()).find()) {
            found.add(Problem.IMAGE_WITHOUT_ALT);
        }
        return found;
    }

    static void requirePublishable(Article article) {
        List<Problem> found = problems(article);
        if (!found.isEmpty()) {
            throw new PublicationRefusedException(found.get(0), article.getId());
        }
    }
}
