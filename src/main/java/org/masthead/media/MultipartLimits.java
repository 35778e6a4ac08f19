package org.masthead.media;

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

    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties media) {
        return new MultipartConfigElement("", maxFileSize(media), maxRequestSize(media), 0);
    }

    static long maxFileSize(MediaProperties media) {
        return media.maxUploadSize().toBytes() + HEADROOM.toBytes();
    }

    /** The largest multipart request the container parses. */
    public static long maxRequestSize(MediaProperties media) {
        return maxFileSize(media) + HEADROOM.toBytes();
    }
}
