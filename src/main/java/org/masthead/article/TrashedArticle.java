package org.masthead.article;

import java.time.Instant;

/**
 * One line of the trash: a deleted draft, when and by whom it was put there, when the purge takes it, and whether
 * the member looking may restore it.
 */
public record TrashedArticle(
        long id, String title, Instant trashedAt, String trashedByName, Instant purgedAfter, boolean restorable) {}
