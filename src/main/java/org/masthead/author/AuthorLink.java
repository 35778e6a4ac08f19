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

    /** The longest link URL kept: checked here, by the author form and by the form's {@code maxlength}. */
    public static final int MAX_URL_LENGTH = 2_000;

    protected AuthorLink() {}

    public AuthorLink(String label, String url) {
        if (!isWebUrl(url)) {
            throw new InvalidAuthorLinkException(url);
        }
        this.label = label;
        this.url = url;
    }

    /** An absolute http or https URL with a host, and nothing that could break out of an attribute. */
    public static boolean isWebUrl(String url) {
        if (url == null
                || url.length() > MAX_URL_LENGTH
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
