package org.masthead.media;

import java.util.List;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Sets the servlet container's multipart limits a little above the media library's own upload limit. A file just
 * over our limit then reaches the application, which answers with a clear message on the upload form; only a
 * request far larger than any image is stopped by the container (and is still answered with a message, by
 * {@code media.web.UploadTooLargeAdvice}). Replaces Boot's {@code spring.servlet.multipart.*} settings.
 */
@Configuration(proxyBeanMethods = false)
public class MultipartLimits {

    /** Room for the form's other fields and the multipart framing around the file. */
    static final DataSize HEADROOM = DataSize.ofMegabytes(1);

    /**
     * The container's limits: the media library's, or the largest of the {@link LargeUploads} (the import of an
     * archive's {@code masthead.import.max-file-size}, checked by the import itself) when larger. Parts are always
     * written to disk (threshold 0), never held in memory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties media, List<LargeUploads> largeUploads) {
        long file = maxFileSize(media);
        for (LargeUploads large : largeUploads) {
            file = Math.max(file, large.maxFileSize().toBytes() + HEADROOM.toBytes());
        }
        return new MultipartConfigElement("", file, Math.max(maxRequestSize(media), file + HEADROOM.toBytes()), 0);
    }

    static long maxFileSize(MediaProperties media) {
        return media.maxUploadSize().toBytes() + HEADROOM.toBytes();
    }

    /** The largest multipart request the container parses. */
    public static long maxRequestSize(MediaProperties media) {
        return maxFileSize(media) + HEADROOM.toBytes();
    }
}
