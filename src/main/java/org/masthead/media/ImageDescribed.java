package org.masthead.media;

/**
 * An image's alt text, caption or credit changed: the pages that show it inline render their bodies again. Published
 * inside the transaction that changed it, so the pages change with it or not at all.
 */
public record ImageDescribed(long imageId) {}
