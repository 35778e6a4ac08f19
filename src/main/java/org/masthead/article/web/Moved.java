package org.masthead.article.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The 301 an old slug answers with, pointing at the page's current URL. */
final class Moved {

    private Moved() {}

    static ModelAndView permanentlyTo(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
