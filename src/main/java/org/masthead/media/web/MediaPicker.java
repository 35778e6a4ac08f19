package org.masthead.media.web;

import java.util.List;

import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.MediaProperties;
import org.springframework.stereotype.Component;

/**
 * What the reusable fragments in {@code templates/fragments/media.html} list ({@code ${@mediaPicker.recent()}}),
 * so that any form can include the image picker or the Markdown insert helper without its controller's help.
 */
@Component("mediaPicker")
public class MediaPicker {

    static final int PICKER_SIZE = 60;

    private final ImageService images;
    private final MediaProperties properties;

    MediaPicker(ImageService images, MediaProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    /** The upload limit, for pages that state it (the 413 error page among them). */
    public long maxUploadMegabytes() {
        return properties.maxUploadSize().toMegabytes();
    }

    public List<Image> recent() {
        return images.recent(PICKER_SIZE);
    }
}
