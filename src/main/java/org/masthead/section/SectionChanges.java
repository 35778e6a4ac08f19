package org.masthead.section;

/** Everything an admin sets on a section. */
public record SectionChanges(
        String name, String slug, String description, String disclaimer, String newsletterCta, int position) {}
