package org.masthead.article.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.article.DraftRescues;
import org.masthead.security.RejectedFormRescue;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps an article form's text when its save is refused for an expired session or CSRF token: the fields go
 * to {@link DraftRescues} (the database, not the expired session) and the refusal page links to
 * {@code /admin/articles/rescued/{key}}, which, after signing in again, shows the form with the text as posted.
 */
@Component
class ArticleFormRescue implements RejectedFormRescue {

    static final String NOTICE_PATH = "/admin/articles/rescue-notice";
    static final String KEY_ATTRIBUTE = ArticleFormRescue.class.getName() + ".key";

    /** The article form's two targets: create ({@code /admin/articles}) and update ({@code /admin/articles/{id}}). */
    private static final Pattern FORM_TARGET = Pattern.compile("^/admin/articles(?:/(\\d{1,18}))?/?$");

    private static final List<String> FIELDS = List.of(
            "title",
            "slug",
            "dek",
            "sectionId",
            "topics",
            "bodyMarkdown",
            "seoTitle",
            "seoDescription",
            "revision",
            "version");
    private static final Pattern AUTHOR_FIELD = Pattern.compile("^authorIds\\[[0-9]]$");

    private final DraftRescues rescues;

    ArticleFormRescue(DraftRescues rescues) {
        this.rescues = rescues;
    }

    @Override
    public Optional<String> rescue(HttpServletRequest request) {
        Matcher target = FORM_TARGET.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!target.matches()
                || request.getParameter("title") == null && request.getParameter("bodyMarkdown") == null
                || !fromAStaffBrowser(request)) {
            return Optional.empty();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (FIELDS.contains(name) || AUTHOR_FIELD.matcher(name).matches()) {
                fields.put(name, List.of(values));
            }
        });
        Long articleId = target.group(1) == null ? null : Long.valueOf(target.group(1));
        request.setAttribute(KEY_ATTRIBUTE, rescues.keep(articleId, fields));
        return Optional.of(NOTICE_PATH);
    }

    /**
     * A save that lost its session still names that session (its cookie), or is still signed in with a stale
     * token. A post with neither (a stranger's, or a cross-site one, whose cookies the browser withholds) is
     * refused without keeping anything.
     */
    private static boolean fromAStaffBrowser(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated =
                signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken);
        return authenticated || request.getRequestedSessionId() != null;
    }
}
