package org.masthead.slug;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes URL slugs: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    /** What a valid slug looks like; the database checks the same pattern. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static final int MAX_LENGTH = 120;

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** "Why NATO's 'Eastern Flank' matters — again" becomes "why-natos-eastern-flank-matters-again". */
    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replace("\u2019", "")
                .replace("&", " and ");
        String slug = NON_WORD.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$|-+$", "");
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }
}
