package org.masthead.archive.source;

import java.nio.file.Path;

/**
 * Reads one kind of archive file (a WordPress WXR, a Ghost JSON export) and passes what it holds to a
 * {@link ImportModel.Listener}, one piece at a time. A reader knows its file format only: what becomes of each piece
 * (the sections, articles and old addresses made of it) is the import's business, so the readers depend on this
 * package and nothing else of the import.
 */
public interface ArchiveReader {

    /**
     * Reads the file through once.
     *
     * @throws ImportFileException when the file is not of this kind, or cannot be read as it is
     */
    void read(Path file, ImportModel.Listener listener);
}
