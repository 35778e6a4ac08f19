package org.masthead.web;

/** Text PostgreSQL can store: anything but the NUL character. */
public final class StorableText {

    private StorableText() {}

    /**
     * The text itself, or an {@link IllegalArgumentException} for a NUL character: thrown from a form's property
     * editor, it becomes the field's {@code typeMismatch} message, with the text as typed shown again.
     */
    public static String require(String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A NUL character cannot be stored");
        }
        return text;
    }
}
