package org.masthead.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-memory page cache ({@code masthead.page-cache.*}).
 *
 * @param enabled {@code false} renders every public page anew (the cache-miss path), with the same HTTP headers
 * @param maxSize the most memory the cached bytes may take (both encodings of every page counted)
 * @param timeToLive the longest any page stays cached; changes clear it long before
 * @param notifyOtherNodes tell the other app nodes of every change through PostgreSQL {@code NOTIFY}, and listen for theirs
 * @param maxPageSize the largest page kept in memory; a larger one is sent as it is written (no ETag), never kept
 * @param maxHeldPage a page that will not be kept (the cache off, search results) is held in memory up to this
 *     size for its ETag and gzip, and past it sent as it is written, so that many large pages rendered at once
 *     cannot exhaust the heap
 */
@ConfigurationProperties("masthead.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("true") boolean notifyOtherNodes,
        @DefaultValue("8MB") DataSize maxPageSize,
        @DefaultValue("256KB") DataSize maxHeldPage) {}
