package org.masthead.author;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link on an author's profile: their website, a social profile. Only http and https URLs are stored. */
@Embeddable
public class AuthorLink {

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String url;

    protected AuthorLink() {}

    public AuthorLink(String label, String url) {
        if (!isWebUrl(url)) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url);
        }
        this.label = label;
        this.url = url;
    }

    /** An absolute http or https URL with a host, and nothing that could break out of an attribute. */
    public static boolean isWebUrl(String url) {
        if (url == null
                || url.length() > 2000
                || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public String getLabel() {
        return label;
    }

    public String getUrl() {
        return url;
    }
}
