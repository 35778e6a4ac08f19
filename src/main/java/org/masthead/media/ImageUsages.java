package org.masthead.media;

import java.util.List;

/**
 * Tells where an image is used. The media library knows nothing of authors or articles: the features that use
 * images implement this, and the library asks all of them before it deletes an image or lists its uses.
 */
public interface ImageUsages {

    List<ImageUse> usesOf(long imageId);
}
