package org.masthead.slug;

import org.masthead.rule.BusinessRuleException;

/** A slug that is not lower-case letters, digits and single hyphens (see {@link Slugs#isValid}). */
public class InvalidSlugException extends BusinessRuleException {

    public InvalidSlugException(String slug) {
        super("Invalid slug: " + slug, "slug.invalid", "slug");
    }
}
