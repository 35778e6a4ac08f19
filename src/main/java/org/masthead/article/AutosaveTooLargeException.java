package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An autosave larger than the form allows: refused (413), and the page says it was not saved. */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
public class AutosaveTooLargeException extends RuntimeException {

    AutosaveTooLargeException() {
        super("The autosaved text is larger than an article may be");
    }
}
