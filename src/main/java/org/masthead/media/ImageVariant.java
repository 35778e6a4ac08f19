package org.masthead.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored rendition of an {@link Image}: the full-size re-encoded file or a smaller copy. */
@Entity
@Table(name = "image_variants")
class ImageVariant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "image_id", nullable = false)
    private long imageId;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private String etag;

    @Column(nullable = false)
    private byte[] bytes;

    protected ImageVariant() {}

    ImageVariant(long imageId, EncodedImage encoded, String etag) {
        this.imageId = imageId;
        this.width = encoded.width();
        this.height = encoded.height();
        this.contentType = encoded.contentType();
        this.bytes = encoded.bytes();
        this.etag = etag;
    }

    long imageId() {
        return imageId;
    }

    int width() {
        return width;
    }

    String contentType() {
        return contentType;
    }

    String etag() {
        return etag;
    }

    byte[] bytes() {
        return bytes;
    }
}
