package org.masthead.media.web;

import java.util.concurrent.TimeUnit;

import org.masthead.media.Image;
import org.masthead.media.ImageNotFoundException;
import org.masthead.media.ImageService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the library's images: {@code /media/{id}/{name}} at full size, {@code /media/{id}/{width}/{name}} for a
 * smaller copy. An image's bytes never change, so the answers are cacheable for a year ("immutable") and carry an
 * ETag; a conditional request is answered 304 without loading the bytes.
 */
@Controller
class MediaController {

    static final CacheControl IMMUTABLE =
            CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final ImageService images;

    MediaController(ImageService images) {
        this.images = images;
    }

    @GetMapping("/media/{id}/{name}")
    ResponseEntity<byte[]> full(@PathVariable long id, @PathVariable String name, WebRequest request) {
        Image image = images.find(id).orElseThrow(() -> new ImageNotFoundException(id));
        return serve(image, image.getWidth(), name, request);
    }

    @GetMapping("/media/{id}/{width:\\d{1,5}}/{name}")
    ResponseEntity<byte[]> variant(
            @PathVariable long id, @PathVariable int width, @PathVariable String name, WebRequest request) {
        Image image = images.find(id).orElseThrow(() -> new ImageNotFoundException(id));
        if (!image.getVariantWidths().contains(width)) {
            throw new ImageNotFoundException(id);
        }
        return serve(image, width, name, request);
    }

    private ResponseEntity<byte[]> serve(Image image, int width, String name, WebRequest request) {
        if (!image.getName().equals(name)) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, image.urlAt(width))
                    .build();
        }
        String etag = images.etag(image.getId(), width).orElseThrow(() -> new ImageNotFoundException(image.getId()));
        if (request.checkNotModified("\"" + etag + "\"")) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(IMMUTABLE)
                    .build();
        }
        ImageService.Rendition rendition =
                images.rendition(image.getId(), width).orElseThrow(() -> new ImageNotFoundException(image.getId()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendition.contentType()))
                .eTag(rendition.etag())
                .cacheControl(IMMUTABLE)
                .body(rendition.bytes());
    }
}
