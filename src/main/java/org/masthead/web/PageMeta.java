package org.masthead.web;

/**
 * What the layout puts in a public page's head besides its title and description: the canonical URL, the
 * OpenGraph and Twitter card tags, robots {@code noindex}, and (on articles) the JSON-LD data block.
 * Controllers add it to the model as {@code meta}; every URL in it is absolute, built from {@code masthead.site-url}.
 *
 * @param jsonLd already-safe JSON (see {@link JsonLd}): placed in the page unescaped, inside a data block
 */
public record PageMeta(
        String siteName,
        String title,
        String description,
        String canonicalUrl,
        String type,
        String imageUrl,
        String publishedTime,
        String modifiedTime,
        boolean noindex,
        String jsonLd) {

    /** A page of the site (OpenGraph type {@code website}). */
    public static PageMeta website(SiteProperties site, String title, String description, String path) {
        return new PageMeta(
                site.siteName(), title, description, site.absolute(path), "website", null, null, null, false, null);
    }

    /** An article page (OpenGraph type {@code article}) with its dates and structured data. */
    public static PageMeta article(
            SiteProperties site,
            String title,
            String description,
            String path,
            String imageUrl,
            String publishedTime,
            String modifiedTime,
            String jsonLd) {
        return new PageMeta(
                site.siteName(),
                title,
                description,
                site.absolute(path),
                "article",
                imageUrl,
                publishedTime,
                modifiedTime,
                false,
                jsonLd);
    }
}
