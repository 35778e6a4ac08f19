package org.masthead.markdown;

import java.util.Optional;

/**
 * The library images that Markdown shows by their {@code /media/{id}/…} URL, as the renderer needs them to make a
 * figure: implemented by the media library (which may depend on Markdown; Markdown depends on nothing).
 */
public interface InlineImages {

    /** The library image with this id, if there is one. */
    Optional<InlineImage> find(long id);
}
