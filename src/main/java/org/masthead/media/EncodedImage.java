package org.masthead.media;

/** Re-encoded image bytes with their size and type. */
record EncodedImage(byte[] bytes, int width, int height, String contentType) {}
