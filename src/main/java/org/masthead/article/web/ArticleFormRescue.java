package org.masthead.article.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.article.DraftRescues;
import org.masthead.security.RejectedFormRescue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps an article form's text when its save is refused for an expired session or CSRF token: the fields go
 * to {@link DraftRescues} (the database, not the expired session), kept for the staff member the request belongs
 * to, and the refusal page links to {@code /admin/articles/rescued/{key}}, which, after that member signs in again,
 * shows the form with the text as posted. A post that belongs to no known staff member, or carries too much text,
 * keeps nothing: its refusal page says to go back, where the browser still has the text.
 */
@Component
class ArticleFormRescue implements RejectedFormRescue {

    static final String NOTICE_PATH = "/admin/articles/rescue-notice";
    static final String KEY_ATTRIBUTE = ArticleFormRescue.class.getName() + ".key";
    static final String NOT_KEPT_ATTRIBUTE = ArticleFormRescue.class.getName() + ".notKept";

    /** The article form's two targets: create ({@code /admin/articles}) and update ({@code /admin/articles/{id}}). */
    private static final Pattern FORM_TARGET = Pattern.compile("^/admin/articles(?:/(\\d{1,18}))?/?$");

    private static final Logger LOG = LoggerFactory.getLogger(ArticleFormRescue.class);

    private final DraftRescues rescues;

    ArticleFormRescue(DraftRescues rescues) {
        this.rescues = rescues;
    }

    @Override
    public Optional<String> rescue(HttpServletRequest request, OptionalLong staffMember) {
        Matcher target = FORM_TARGET.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!target.matches()
                || request.getParameter("title") == null && request.getParameter("bodyMarkdown") == null) {
            return Optional.empty();
        }
        Optional<String> key = Optional.empty();
        if (staffMember.isPresent()) {
            Map<String, List<String>> fields = ArticleForm.postedFields(request.getParameterMap());
            Long articleId = target.group(1) == null ? null : Long.valueOf(target.group(1));
            try {
                key = rescues.keep(staffMember.getAsLong(), articleId, fields);
            } catch (DataAccessException ex) {
                // The refusal page then says to go back to the text, which the browser still has: never a 500.
                LOG.warn("A late article form could not be kept for account {}", staffMember.getAsLong(), ex);
            }
        }
        if (key.isPresent()) {
            request.setAttribute(KEY_ATTRIBUTE, key.get());
        } else {
            request.setAttribute(NOT_KEPT_ATTRIBUTE, true);
        }
        return Optional.of(NOTICE_PATH);
    }
}
