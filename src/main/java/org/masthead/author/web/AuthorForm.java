package org.masthead.author.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.masthead.author.Author;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorLink;
import org.masthead.slug.Slugs;

/** An author profile as an admin edits it. A blank slug is made from the name. */
class AuthorForm {

    /** Rows of the links table on the form; blank rows are ignored. */
    static final int MIN_LINK_ROWS = 4;

    private long version;

    @NotBlank(message = "{author.error.name-required}")
    @Size(max = 200, message = "{author.error.name-length}")
    private String name;

    @Size(max = Slugs.MAX_LENGTH, message = "{author.error.slug-length}")
    @Pattern(regexp = "|" + Slugs.PATTERN, message = "{author.error.slug-pattern}")
    private String slug;

    @Size(max = 300, message = "{author.error.title-length}")
    private String titleLine;

    @Size(max = 20000, message = "{author.error.bio-length}")
    private String bioMarkdown;

    private Long photoImageId;

    @Positive(message = "{author.error.account-id}")
    private Long accountId;

    @Valid
    private List<LinkRow> links = new ArrayList<>();

    static AuthorForm empty() {
        AuthorForm form = new AuthorForm();
        form.padLinks();
        return form;
    }

    static AuthorForm of(Author author) {
        AuthorForm form = new AuthorForm();
        form.version = author.getVersion();
        form.name = author.getName();
        form.slug = author.getSlug();
        form.titleLine = author.getTitleLine();
        form.bioMarkdown = author.getBioMarkdown();
        form.photoImageId = author.getPhoto() == null ? null : author.getPhoto().getId();
        form.accountId = author.getAccountId();
        for (AuthorLink link : author.getLinks()) {
            form.links.add(new LinkRow(link.getLabel(), link.getUrl()));
        }
        form.padLinks();
        return form;
    }

    /** Adds blank rows so that the form always offers a few more links. */
    void padLinks() {
        while (links.size() < MIN_LINK_ROWS || !links.get(links.size() - 1).isBlank()) {
            links.add(new LinkRow());
        }
    }

    /** The slug as entered, or one made from the name. */
    String effectiveSlug() {
        return slug == null || slug.isBlank() ? Slugs.slugify(name) : slug;
    }

    AuthorChanges toChanges() {
        List<AuthorLink> filled = links.stream()
                .filter(row -> !row.isBlank())
                .map(row -> new AuthorLink(row.getLabel(), row.getUrl()))
                .toList();
        return new AuthorChanges(
                name, effectiveSlug(), nonNull(titleLine), nonNull(bioMarkdown), photoImageId, accountId, filled);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitleLine() {
        return titleLine;
    }

    public void setTitleLine(String titleLine) {
        this.titleLine = titleLine;
    }

    public String getBioMarkdown() {
        return bioMarkdown;
    }

    public void setBioMarkdown(String bioMarkdown) {
        this.bioMarkdown = bioMarkdown;
    }

    public Long getPhotoImageId() {
        return photoImageId;
    }

    public void setPhotoImageId(Long photoImageId) {
        this.photoImageId = photoImageId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public List<LinkRow> getLinks() {
        return links;
    }

    public void setLinks(List<LinkRow> links) {
        this.links = links;
    }

    /** One link: both fields or neither; the URL must be an absolute http(s) URL. */
    public static class LinkRow {

        @Size(max = 100, message = "{author.error.link-label-length}")
        private String label;

        @Size(max = AuthorLink.MAX_URL_LENGTH, message = "{author.error.link-url}")
        private String url;

        public LinkRow() {}

        LinkRow(String label, String url) {
            this.label = label;
            this.url = url;
        }

        boolean isBlank() {
            return (label == null || label.isBlank()) && (url == null || url.isBlank());
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }
}
