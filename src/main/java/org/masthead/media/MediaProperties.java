package org.masthead.media;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The media library's limits ({@code masthead.media.*}).
 *
 * @param maxUploadSize the largest file accepted; larger ones are refused with a message. The servlet container's own
 *                      multipart limits are set above this one ({@link MultipartLimits}) so that the application,
 *                      not the container, answers
 * @param maxPixels     the most pixels (width × height) an image may have; checked from the file's header, before
 *                      the pixels are decoded, so that a small file cannot claim a huge picture and exhaust memory
 * @param variantWidths the widths of the resized copies made for responsive {@code srcset}; never larger than the
 *                      image itself
 * @param workPixels    the most pixels decoded and re-encoded at once, across concurrent uploads ({@link PixelBudget});
 *                      0 (the default) for what half of the heap holds
 * @param workWait      how long an upload waits for its share of that budget before it is answered "busy, try again"
 */
@ConfigurationProperties("masthead.media")
public record MediaProperties(
        @DefaultValue("10MB") DataSize maxUploadSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue({"480", "960", "1600"}) List<Integer> variantWidths,
        @DefaultValue("0") long workPixels,
        @DefaultValue("30s") java.time.Duration workWait) {}
