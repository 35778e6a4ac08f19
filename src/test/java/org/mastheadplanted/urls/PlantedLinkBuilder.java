package org.mastheadplanted.urls;

/** Links made to the reader's pages, and one path: no list, which the one-table rule leaves alone. */
class PlantedLinkBuilder {

    String article(String slug) {
        return "/articles/" + slug;
    }

    String search() {
        return "/search";
    }
}
