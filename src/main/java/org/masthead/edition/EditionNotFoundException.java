package org.masthead.edition;

import org.masthead.web.PageNotFoundException;

/** No edition with that id: a 404 page. */
public class EditionNotFoundException extends PageNotFoundException {

    public EditionNotFoundException(long id) {
        super("edition " + id);
    }
}
