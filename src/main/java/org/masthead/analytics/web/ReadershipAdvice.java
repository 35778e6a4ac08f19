package org.masthead.analytics.web;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.analytics.AnalyticsProperties;
import org.masthead.analytics.ReaderPage;
import org.masthead.web.ReaderUrls;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which kind of reader page it draws ({@code readershipPage}: {@code article}, {@code home}…), so
 * it adds the counting script and its {@code <noscript>} image; other pages (the newsroom, previews, errors) get
 * none. The page's markup is the same for everyone who reads it.
 */
@ControllerAdvice
class ReadershipAdvice {

    private final boolean enabled;

    ReadershipAdvice(AnalyticsProperties properties) {
        this.enabled = properties.enabled();
    }

    @ModelAttribute("readershipPage")
    String readershipPage(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        String uri = request.getRequestURI();
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        ReaderUrls row = ReaderUrls.of(path);
        if (row == null) {
            return null;
        }
        ReaderPage page = switch (row) {
            case HOME -> ReaderPage.HOME;
            case ARTICLE -> ReaderPage.ARTICLE;
            case SECTION -> ReaderPage.SECTION;
            case AUTHOR -> ReaderPage.AUTHOR;
            case TOPIC -> ReaderPage.TOPIC;
            case SEARCH -> ReaderPage.SEARCH;
            default -> null;
        };
        return page == null ? null : page.code();
    }
}
