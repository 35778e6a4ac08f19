package org.masthead.section;

/** What the section feature needs to know about articles, implemented by {@code article/}. */
public interface SectionArticles {

    /** How many articles, in any state, belong to the section. */
    long countBySection(long sectionId);
}
