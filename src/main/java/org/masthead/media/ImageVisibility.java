package org.masthead.media;

/**
 * Tells whether readers may see an image. The media library knows nothing of articles or authors: the feature that
 * shows images to readers implements this (as {@link ImageUsages} for deletion).
 */
public interface ImageVisibility {

    /** Whether a public page shows the image now. */
    boolean shownPublicly(long imageId);

    /** Whether the page a live preview link opens shows the image. */
    boolean shownInPreview(long imageId, String previewToken);
}
