package org.masthead.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An image of the media library, as re-encoded on upload (JPEG, or PNG when it has transparency). Its bytes live in
 * {@link ImageVariant}s: the full-size one and smaller copies at {@link #getVariantWidths()}. An image's bytes never
 * change, so its URLs can be cached for ever; its alt text, caption and credit can be edited.
 */
@Entity
@Table(name = "images")
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The file name in its URLs, such as {@code harbour-at-dawn.jpg}. */
    @Column(nullable = false)
    private String name;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "variant_widths", nullable = false)
    private String variantWidths;

    @Column(name = "alt_text", nullable = false)
    private String altText;

    @Column(nullable = false)
    private String caption = "";

    @Column(nullable = false)
    private String credit = "";

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When a public page first showed the image; null while only staff and preview links may see it. */
    @Column(name = "public_since")
    private Instant publicSince;

    @Version
    private long version;

    protected Image() {}

    Image(
            String name,
            String contentType,
            int width,
            int height,
            List<Integer> variantWidths,
            long byteSize,
            String uploadedBy,
            Instant createdAt) {
        this.name = name;
        this.variantWidths = variantWidths.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.contentType = contentType;
        this.width = width;
        this.height = height;
        this.byteSize = byteSize;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets the texts that go with the image: alt text (required), caption and credit (optional). */
    void describe(String altText, String caption, String credit, Instant when) {
        this.altText = altText;
        this.caption = caption == null ? "" : caption;
        this.credit = credit == null ? "" : credit;
        this.updatedAt = when;
    }

    /** The path of the full-size image: {@code /media/{id}/{name}}. */
    public String getUrl() {
        return "/media/" + id + "/" + name;
    }

    /** The path of the copy {@code width} pixels wide; the full-size path for the image's own width. */
    public String urlAt(int variantWidth) {
        return variantWidth >= width ? getUrl() : "/media/" + id + "/" + variantWidth + "/" + name;
    }

    /** The widths stored for this image, smallest first: the configured ones below its width, then its own. */
    public List<Integer> getVariantWidths() {
        return Arrays.stream(variantWidths.split(",")).map(Integer::valueOf).toList();
    }

    /** The {@code srcset} attribute: every stored width with its URL. */
    public String getSrcset() {
        return getVariantWidths().stream().map(w -> urlAt(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /**
     * The largest copy stored (the widest of {@code masthead.media.variant-widths} below the image's own width, or
     * the image itself): for link previews and structured data, which want one image as large as there is.
     */
    public String getLargestUrl() {
        List<Integer> widths = getVariantWidths();
        return urlAt(widths.get(widths.size() - 1));
    }

    /** A small copy for lists and pickers. */
    public String getThumbnailUrl() {
        return urlAt(getVariantWidths().get(0));
    }

    /** The Markdown that shows this image inline in an article or bio. */
    public String getMarkdown() {
        return "![" + altText.replace("[", "").replace("]", "") + "](" + getUrl() + ")";
    }

    /** Whether anyone may fetch the image: a public page shows it, or has shown it. */
    public boolean isPublic() {
        return publicSince != null;
    }

    void markPublic(Instant when) {
        if (publicSince == null) {
            publicSince = when;
        }
    }

    /** The {@code srcset} with a query (such as a preview token) added to each URL. */
    public String srcsetWith(String query) {
        return getVariantWidths().stream()
                .map(w -> urlAt(w) + query + " " + w + "w")
                .collect(Collectors.joining(", "));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContentType() {
        return contentType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public String getAltText() {
        return altText;
    }

    public String getCaption() {
        return caption;
    }

    public String getCredit() {
        return credit;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
