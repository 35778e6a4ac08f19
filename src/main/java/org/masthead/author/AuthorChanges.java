package org.masthead.author;

import java.util.List;

/**
 * Everything an admin sets on an author profile.
 *
 * @param photoImageId an image of the media library, or null for no photo
 * @param accountId    the staff account that may edit the bio and photo, or null
 */
public record AuthorChanges(
        String name,
        String slug,
        String titleLine,
        String bioMarkdown,
        Long photoImageId,
        Long accountId,
        List<AuthorLink> links) {}
