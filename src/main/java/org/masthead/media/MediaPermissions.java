package org.masthead.media;

import org.masthead.security.Actor;
import org.masthead.security.Role;

/** Who may do what in the media library: anyone on the staff uploads; editors edit and delete images. */
public final class MediaPermissions {

    private MediaPermissions() {}

    public static boolean canUpload(Actor by) {
        return by.hasAtLeast(Role.CONTRIBUTOR);
    }

    /** Edit an image's description, delete it. */
    public static boolean canManage(Actor by) {
        return by.hasAtLeast(Role.EDITOR);
    }
}
