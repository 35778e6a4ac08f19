package org.masthead.media.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.media.MediaProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request far over the upload limit is stopped by the servlet container's multipart limit before any controller
 * runs (a file just over our limit reaches {@link MediaAdminController}, which says the same). Either way the
 * uploader sees the upload form again with the limit stated, not an error page or a reset connection. Ordered
 * first, so that it answers before the 400 that any other broken multipart body gets.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final MediaProperties properties;

    UploadTooLargeAdvice(MediaProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("uploadForm", new UploadForm());
        model.addAttribute("maxUploadMegabytes", properties.maxUploadSize().toMegabytes());
        model.addAttribute("uploadError", "media.error.too-large");
        return "admin/media/new";
    }
}
