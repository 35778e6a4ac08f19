package org.masthead.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A schedule for a time that has already come. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class ScheduleInPastException extends RuntimeException {

    ScheduleInPastException() {
        super("A scheduled time must be in the future");
    }
}
