package org.masthead.media;

import org.springframework.util.unit.DataSize;

/**
 * A feature whose uploads may be larger than the media library's (the import of an archive): the servlet container's
 * multipart limits are raised to its {@link #maxFileSize()}, which the feature checks itself.
 */
public interface LargeUploads {

    DataSize maxFileSize();
}
