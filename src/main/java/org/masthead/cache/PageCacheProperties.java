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
 */
@ConfigurationProperties("masthead.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("true") boolean notifyOtherNodes) {}
