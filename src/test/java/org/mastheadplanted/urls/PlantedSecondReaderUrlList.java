package org.mastheadplanted.urls;

import java.util.Set;

/** A second list of the reader's URLs beside web.ReaderUrls: what the one-table rule must report. */
class PlantedSecondReaderUrlList {

    static final Set<String> OPEN_TO_ALL = Set.of("/", "/articles/**", "/sections/**", "/search");

    boolean isOpen(String path) {
        return OPEN_TO_ALL.stream().anyMatch(path::startsWith);
    }
}
