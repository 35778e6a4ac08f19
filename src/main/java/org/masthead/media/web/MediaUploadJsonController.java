package org.masthead.media.web;

import java.io.IOException;
import java.util.Locale;

import org.masthead.media.Image;
import org.masthead.media.ImageService;
import org.masthead.media.ImageWorkBusyException;
import org.masthead.media.MediaProperties;
import org.masthead.media.RejectedImageException;
import org.masthead.security.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An image dropped or pasted into the article body's visual editor, or into an image picker (a featured image, an
 * author's photo), goes into the library here, through the same
 * checks as the upload form (its type read from its content, its size and pixel limits, re-encoded), and the editor
 * gets back what it needs to insert it as a figure. A refusal answers a status with the message the upload form
 * would show, so the editor can say which file to choose again. Staff only and CSRF-checked (the token comes in a
 * header, so a large body is never read for it).
 */
@RestController
@RequestMapping("/admin/media")
class MediaUploadJsonController {

    /** What the editor inserts: the image's library URL, its thumbnail (for a picker) and its alt text. */
    record Uploaded(long id, String url, String thumbnail, String alt, String markdown) {}

    /** Why an upload was refused, in the uploader's language. */
    record Refused(String error) {}

    private final ImageService images;
    private final MediaProperties properties;
    private final MessageSource messages;

    MediaUploadJsonController(ImageService images, MediaProperties properties, MessageSource messages) {
        this.images = images;
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping(path = "/upload.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "altText", defaultValue = "") String altText,
            @RequestParam(name = "caption", defaultValue = "") String caption,
            @AuthenticationPrincipal StaffUser me,
            Locale locale) {
        long megabytes = properties.maxUploadSize().toMegabytes();
        if (file == null || file.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "media.error.no-file", new Object[0], locale);
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "media.error.too-large", new Object[] {megabytes}, locale);
        }
        String alt = altText.strip();
        if (alt.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "media.error.alt-required", new Object[0], locale);
        }
        if (alt.length() > 300) {
            return refuse(HttpStatus.BAD_REQUEST, "media.error.alt-length", new Object[0], locale);
        }
        String described = caption.strip();
        if (described.length() > 1000) {
            return refuse(HttpStatus.BAD_REQUEST, "media.error.caption-length", new Object[0], locale);
        }
        Image image;
        try {
            image = images.upload(me, file.getBytes(), file.getOriginalFilename(), alt, described, "");
        } catch (RejectedImageException e) {
            HttpStatus status = e.getMessageKey().equals("media.error.too-large")
                    ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.BAD_REQUEST;
            return refuse(status, e.getMessageKey(), e.getArguments(), locale);
        } catch (ImageWorkBusyException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "30")
                    .body(new Refused(messages.getMessage("media.error.busy", null, locale)));
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, "media.error.damaged", new Object[0], locale);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new Uploaded(
                        image.getId(),
                        image.getUrl(),
                        image.getThumbnailUrl(),
                        image.getAltText(),
                        image.getMarkdown()));
    }

    private ResponseEntity<Refused> refuse(HttpStatus status, String key, Object[] arguments, Locale locale) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(new Refused(messages.getMessage(key, arguments, locale)));
    }
}
