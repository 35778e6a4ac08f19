package org.masthead.article;

import org.masthead.rule.BusinessRuleException;

/** A schedule for a time that has already come: the one check, in {@link Article#schedule}. */
public class ScheduleInPastException extends BusinessRuleException {

    ScheduleInPastException() {
        super("A scheduled time must be in the future", "article.schedule.past", "date");
    }
}
