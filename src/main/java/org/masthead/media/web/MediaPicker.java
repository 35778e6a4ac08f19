package org.masthead.media.web;

import java.util.List;

import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.MediaProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;

/**
 * What the reusable fragments in {@code templates/fragments/media.html} list ({@code ${@mediaPicker.recent()}}),
 * so that any form can include the image picker or the Markdown insert helper without its controller's help.
 */
@Component("mediaPicker")
public class MediaPicker {

    static final int PICKER_SIZE = 60;

    static final int INSERT_SIZE = 24;

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

    /** The first page of a form's image picker (the newest images), with whether older ones follow. */
    public Slice<Image> pickerFirstPage() {
        return images.library("", PageRequest.of(0, PICKER_SIZE));
    }

    /** The first page of the editor's insert helper, with whether older images follow. */
    public Slice<Image> insertFirstPage() {
        return images.library("", PageRequest.of(0, INSERT_SIZE));
    }
}
