package org.masthead.media;

import java.util.List;

/** Deleting an image that a page still shows is refused. */
public class ImageInUseException extends RuntimeException {

    private final transient List<ImageUse> uses;

    public ImageInUseException(long id, List<ImageUse> uses) {
        super("Image #" + id + " is in use");
        this.uses = List.copyOf(uses);
    }

    public List<ImageUse> getUses() {
        return uses;
    }
}
