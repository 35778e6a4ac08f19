package org.masthead.article;

import java.util.Collection;
import java.util.Map;

import org.masthead.security.StaffUser;

/** How often articles were read, for the newsroom's article list; the readership counts implement it. */
public interface ArticleReadership {

    /** The days the article list shows views for. */
    int RECENT_DAYS = 7;

    /**
     * Each article's views over the last {@code days} days, for those of {@code ids} whose figures the viewer may
     * see (a contributor: their own); articles without views, or not the viewer's to see, are left out.
     */
    Map<Long, Long> recentViews(StaffUser viewer, Collection<Long> ids, int days);
}
