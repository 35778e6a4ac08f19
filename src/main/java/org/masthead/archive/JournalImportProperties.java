package org.masthead.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits a Masthead export must keep to be imported ({@code masthead.journal-import.*}), so that a hostile zip
 * (a zip bomb, millions of entries) is refused with a message instead of filling the disk or the memory.
 *
 * @param maxEntries      the most files in the zip
 * @param maxFileSize     the largest file once unpacked (an image; a text file is held to the same limit)
 * @param maxUnpackedSize the most bytes unpacked in all, summed over the files as they are read
 */
@ConfigurationProperties("masthead.journal-import")
public record JournalImportProperties(
        @DefaultValue("200000") int maxEntries,
        @DefaultValue("64MB") DataSize maxFileSize,
        @DefaultValue("8GB") DataSize maxUnpackedSize) {}
