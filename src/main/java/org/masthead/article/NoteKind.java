package org.masthead.article;

/** A correction fixes an error; an update adds news. Both are shown, dated, on the article. */
public enum NoteKind {
    CORRECTION,
    UPDATE
}
