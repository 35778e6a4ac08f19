package org.masthead.media;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.event.ImageChanged;
import org.masthead.media.ImageProcessor.ProcessedImage;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.web.ETags;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The media library: uploads (verified and re-encoded), the texts that go with images, where they are used. */
@Service
@Transactional(readOnly = true)
public class ImageService {

    private final ImageRepository images;
    private final ImageVariantRepository variants;
    private final ImageProcessor processor;
    private final List<ImageUsages> usages;
    private final List<ImageVisibility> visibility;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ImageService(
            ImageRepository images,
            ImageVariantRepository variants,
            ImageProcessor processor,
            List<ImageUsages> usages,
            List<ImageVisibility> visibility,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.images = images;
        this.variants = variants;
        this.processor = processor;
        this.usages = usages;
        this.visibility = visibility;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Image get(long id) {
        return images.findById(id).orElseThrow(() -> new ImageNotFoundException(id));
    }

    public Optional<Image> find(long id) {
        return images.findById(id);
    }

    /** The newest images first. */
    public List<Image> recent(int limit) {
        return images.findAllByOrderByCreatedAtDescIdDesc(Limit.of(limit));
    }

    /**
     * A page of the library, newest first; with a query, the images whose alt text, caption, credit or file name
     * contain it (any case).
     */
    public Slice<Image> library(String query, Pageable page) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.isEmpty()) {
            return images.findAllByOrderByCreatedAtDescIdDesc(page);
        }
        String escaped = trimmed.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return images.search("%" + escaped + "%", page);
    }

    /**
     * Verifies, decodes and re-encodes an upload and stores it with its variants.
     *
     * @throws RejectedImageException when the bytes are not an image we take (the message key says why)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Image upload(
            Actor by, byte[] bytes, String originalFilename, String altText, String caption, String credit) {
        NotAllowedException.require(MediaPermissions.canUpload(by), by, "upload images");
        // The image work (which may wait for its share of the memory budget) holds no database connection.
        ProcessedImage processed = processor.process(bytes, originalFilename);
        return transaction.execute(status -> store(by, processed, altText, caption, credit));
    }

    /**
     * Stores an image of a Masthead export: checked, decoded and given its smaller copies like an upload, but a
     * full-size file that is already as this library writes them (a bare JPEG of the same size) is kept byte for byte,
     * so the imported journal serves the very same file. Anything else is encoded again, as an upload is.
     *
     * @throws RejectedImageException when the bytes are not an image we take
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Image restore(Actor by, byte[] bytes, String name, String altText, String caption, String credit) {
        NotAllowedException.require(MediaPermissions.canUpload(by), by, "restore images");
        ProcessedImage processed = processor.process(bytes, name);
        List<EncodedImage> variants = new ArrayList<>(processed.variants());
        EncodedImage full = variants.get(variants.size() - 1);
        if ("image/jpeg".equals(full.contentType())
                && full.width() == processed.width()
                && full.height() == processed.height()
                && BareJpeg.isBare(bytes)) {
            variants.set(variants.size() - 1, new EncodedImage(bytes, full.width(), full.height(), full.contentType()));
        }
        ProcessedImage kept = new ProcessedImage(
                processed.name(), processed.contentType(), processed.width(), processed.height(), variants);
        return transaction.execute(status -> store(by, kept, altText, caption, credit));
    }

    private Image store(Actor by, ProcessedImage processed, String altText, String caption, String credit) {
        long size = processed.variants().get(processed.variants().size() - 1).bytes().length;
        Image image = new Image(
                processed.name(),
                processed.contentType(),
                processed.width(),
                processed.height(),
                processed.variants().stream().map(EncodedImage::width).toList(),
                size,
                by.auditName(),
                clock.instant());
        image.describe(altText, caption, credit, clock.instant());
        images.save(image);
        for (EncodedImage encoded : processed.variants()) {
            variants.save(new ImageVariant(image.getId(), encoded, ETags.digest(encoded.bytes())));
        }
        audit.record(by, "media.upload", subject(image), processed.width() + "x" + processed.height());
        return image;
    }

    @Transactional
    public Image describe(Actor by, long id, String altText, String caption, String credit) {
        NotAllowedException.require(MediaPermissions.canManage(by), by, "edit images");
        Image image = get(id);
        image.describe(altText, caption, credit, clock.instant());
        audit.record(by, "media.edit", subject(image), "");
        events.publishEvent(new ImageDescribed(id));
        events.publishEvent(new ImageChanged(id));
        return image;
    }

    /** Every place that shows the image. */
    public List<ImageUse> usesOf(long id) {
        return usages.stream().flatMap(u -> u.usesOf(id).stream()).toList();
    }

    /** Deletes an image that nothing uses. */
    @Transactional
    public void delete(Actor by, long id) {
        NotAllowedException.require(MediaPermissions.canManage(by), by, "delete images");
        Image image = get(id);
        List<ImageUse> uses = usesOf(id);
        if (!uses.isEmpty()) {
            throw new ImageInUseException(id, uses);
        }
        images.delete(image);
        audit.record(by, "media.delete", subject(image), "");
    }

    /** Who may fetch an image: anyone, only the staff member or preview asking, or no one. */
    public enum Access {
        PUBLIC,
        PRIVATE,
        NONE
    }

    /**
     * Whether this request may fetch the image. Anyone may once a public page has shown it (it is then marked, and
     * stays public); staff may always; a preview link's token opens the images its article shows.
     */
    @Transactional
    public Access access(Image image, boolean staff, String previewToken) {
        if (image.isPublic()) {
            return Access.PUBLIC;
        }
        if (visibility.stream().anyMatch(v -> v.shownPublicly(image.getId()))) {
            images.findById(image.getId()).ifPresent(stored -> stored.markPublic(clock.instant()));
            return Access.PUBLIC;
        }
        if (staff) {
            return Access.PRIVATE;
        }
        if (previewToken != null
                && !previewToken.isBlank()
                && visibility.stream().anyMatch(v -> v.shownInPreview(image.getId(), previewToken))) {
            return Access.PRIVATE;
        }
        return Access.NONE;
    }

    /** The ETag of a stored rendition, without its bytes. */
    public Optional<String> etag(long imageId, int width) {
        return variants.findEtag(imageId, width);
    }

    /** A stored rendition, with its bytes. */
    public Optional<Rendition> rendition(long imageId, int width) {
        return variants.findByImageIdAndWidth(imageId, width)
                .map(v -> new Rendition(v.contentType(), v.etag(), v.bytes()));
    }

    /** The bytes of one rendition of an image, ready to be served. */
    public record Rendition(String contentType, String etag, byte[] bytes) {}

    private static String subject(Image image) {
        return "image #" + image.getId() + " " + image.getName();
    }
}
