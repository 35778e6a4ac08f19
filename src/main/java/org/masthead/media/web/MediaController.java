package org.masthead.media.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.masthead.media.Image;
import org.masthead.media.ImageNotFoundException;
import org.masthead.media.ImageService;
import org.masthead.security.StaffUser;
import org.masthead.web.ETags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
    ResponseEntity<byte[]> full(
            @PathVariable long id,
            @PathVariable String name,
            @RequestParam(required = false) String preview,
            @AuthenticationPrincipal StaffUser staff,
            WebRequest request) {
        Image image = images.find(id).orElseThrow(() -> new ImageNotFoundException(id));
        return serve(image, image.getWidth(), name, access(image, staff, preview), preview, request);
    }

    @GetMapping("/media/{id}/{width:\\d{1,5}}/{name}")
    ResponseEntity<byte[]> variant(
            @PathVariable long id,
            @PathVariable int width,
            @PathVariable String name,
            @RequestParam(required = false) String preview,
            @AuthenticationPrincipal StaffUser staff,
            WebRequest request) {
        Image image = images.find(id).orElseThrow(() -> new ImageNotFoundException(id));
        if (!image.getVariantWidths().contains(width)) {
            throw new ImageNotFoundException(id);
        }
        return serve(image, width, name, access(image, staff, preview), preview, request);
    }

    /** An image no public page has shown is not found, unless staff or a preview link of its article ask. */
    private ImageService.Access access(Image image, StaffUser staff, String preview) {
        ImageService.Access access = images.access(image, staff != null, preview);
        if (access == ImageService.Access.NONE) {
            throw new ImageNotFoundException(image.getId());
        }
        return access;
    }

    private ResponseEntity<byte[]> serve(
            Image image, int width, String name, ImageService.Access access, String preview, WebRequest request) {
        // Public images are cached for a year by anyone; the others only by the browser that asked, never stored.
        CacheControl cache = access == ImageService.Access.PUBLIC
                ? IMMUTABLE
                : CacheControl.noStore().cachePrivate();
        if (!image.getName().equals(name)) {
            String location = image.urlAt(width);
            if (access != ImageService.Access.PUBLIC && preview != null) {
                location += "?preview=" + URLEncoder.encode(preview, StandardCharsets.UTF_8);
            }
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, location)
                    .cacheControl(cache)
                    .build();
        }
        String etag = images.etag(image.getId(), width).orElseThrow(() -> new ImageNotFoundException(image.getId()));
        if (request.checkNotModified(ETags.quoted(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cache)
                    .build();
        }
        ImageService.Rendition rendition =
                images.rendition(image.getId(), width).orElseThrow(() -> new ImageNotFoundException(image.getId()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendition.contentType()))
                .eTag(rendition.etag())
                .cacheControl(cache)
                .body(rendition.bytes());
    }
}
