package org.masthead.media;

/** Image work is at its memory budget: the upload was not processed, and may be sent again in a moment. */
public class ImageWorkBusyException extends RuntimeException {

    ImageWorkBusyException() {
        super("Image work is at its memory budget");
    }
}
