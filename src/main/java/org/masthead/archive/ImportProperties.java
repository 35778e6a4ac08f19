package org.masthead.archive;

import java.nio.file.Path;

import org.masthead.media.LargeUploads;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Archive imports ({@code masthead.import.*}).
 *
 * @param maxFileSize     the largest archive file the admin's upload takes (its own limit, not the image limit)
 * @param dir             where uploaded archive files are kept between their dry run and their run
 * @param fetchRemote     whether images missing from the uploads folder are fetched from their old URLs (http and
 *                        https only; loopback, private and link-local addresses are refused); off by default
 * @param maxImageSize    the largest image fetched from a URL or read from the uploads folder
 * @param uploadsRoot     the folder under which the admin page may point to an uploads folder; empty: any folder
 */
@ConfigurationProperties("masthead.import")
public record ImportProperties(
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("./data/imports") Path dir,
        @DefaultValue("false") boolean fetchRemote,
        @DefaultValue("20MB") DataSize maxImageSize,
        @DefaultValue("") String uploadsRoot)
        implements LargeUploads {}
