package org.mastheadplanted.alpha.web;

/** Web code of the same feature as {@link AlphaPage}: allowed. */
class AlphaHelper {

    String title() {
        return "alpha";
    }
}
