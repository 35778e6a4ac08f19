package org.masthead.media;

import java.awt.AlphaComposite;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.masthead.slug.Slugs;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into the files the library serves. The format is decided from the content (the ImageIO
 * reader that recognises the bytes), never from the file name or the declared type; only JPEG, PNG, GIF and WebP
 * are accepted. The picture's size is read from the header and refused above the pixel limit before any pixel is
 * decoded. The decoded picture is turned upright (EXIF orientation) and re-encoded without any metadata: JPEG,
 * or PNG when it has transparent pixels; an animated GIF keeps its first frame. Smaller copies are made for
 * responsive images, never larger than the original.
 */
@Component
class ImageProcessor {

    /** ImageIO format names of the readers we accept (TwelveMonkeys supplies the JPEG and WebP ones). */
    private static final Set<String> ACCEPTED_FORMATS = Set.of("jpeg", "png", "gif", "webp");

    /** Reader warnings that mean the file is incomplete or damaged: the picture would be partly grey. */
    private static final Pattern DAMAGE = Pattern.compile("(?i)truncat|premature|corrupt|missing|unexpected end|eof");

    private static final float JPEG_QUALITY = 0.85f;

    private final MediaProperties properties;

    private final PixelBudget budget;

    ImageProcessor(MediaProperties properties) {
        this.properties = properties;
        long pixels = properties.workPixels() > 0
                ? properties.workPixels()
                : PixelBudget.forHeap(Runtime.getRuntime().maxMemory());
        this.budget = new PixelBudget(pixels, properties.workWait());
    }

    PixelBudget budget() {
        return budget;
    }

    ProcessedImage process(byte[] bytes, String originalFilename) {
        if (bytes.length == 0) {
            throw new RejectedImageException("media.error.empty");
        }
        if (bytes.length > properties.maxUploadSize().toBytes()) {
            throw new RejectedImageException(
                    "media.error.too-large", properties.maxUploadSize().toMegabytes());
        }
        Dimension size = size(bytes);
        try (PixelBudget.Share share = budget.take(size.width, size.height)) {
            return process(bytes, originalFilename, orientation(bytes));
        }
    }

    private ProcessedImage process(byte[] bytes, String originalFilename, int orientation) {
        BufferedImage upright = normalise(orient(decode(bytes), orientation));
        boolean transparent = hasTransparentPixels(upright);
        String contentType = transparent ? "image/png" : "image/jpeg";

        List<EncodedImage> variants = new ArrayList<>();
        for (int width : properties.variantWidths().stream().sorted().distinct().toList()) {
            if (width < upright.getWidth()) {
                int height = Math.max(1, Math.round(upright.getHeight() * (float) width / upright.getWidth()));
                variants.add(encode(scale(upright, width, height), transparent));
            }
        }
        variants.add(encode(upright, transparent));
        return new ProcessedImage(
                fileName(originalFilename, transparent),
                contentType,
                upright.getWidth(),
                upright.getHeight(),
                variants);
    }

    /** The picture's size from its header, checked against the pixel limit; nothing decoded. */
    private Dimension size(byte[] bytes) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = acceptedReader(input);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new RejectedImageException("media.error.damaged");
                }
                if ((long) width * height > properties.maxPixels()) {
                    throw new RejectedImageException(
                            "media.error.too-many-pixels", width, height, properties.maxPixels() / 1_000_000);
                }
                return new Dimension(width, height);
            } finally {
                reader.dispose();
            }
        } catch (RejectedImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RejectedImageException("media.error.damaged", e);
        }
    }

    private BufferedImage decode(byte[] bytes) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = acceptedReader(input);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new RejectedImageException("media.error.damaged");
                }
                long pixels = (long) width * height;
                if (pixels > properties.maxPixels()) {
                    throw new RejectedImageException(
                            "media.error.too-many-pixels", width, height, properties.maxPixels() / 1_000_000);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (warnings.stream()
                        .anyMatch(warning -> DAMAGE.matcher(warning).find())) {
                    throw new RejectedImageException("media.error.damaged");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RejectedImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A reader recognised the header but could not decode the rest: truncated or damaged.
            throw new RejectedImageException("media.error.damaged", e);
        }
    }

    private static ImageReader acceptedReader(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (ACCEPTED_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException e) {
                // Cannot happen for the readers ImageIO lists; try the next one.
            }
            reader.dispose();
        }
        throw new RejectedImageException("media.error.unsupported");
    }

    /** The EXIF orientation (1 to 8) of a photo; 1 (upright) when it has none or it cannot be read. */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    return directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                }
            }
        } catch (Exception | StackOverflowError e) {
            // Unreadable metadata: the picture itself decoded, so keep it as it is.
        }
        return 1;
    }

    /** Turns the picture as its EXIF orientation says, so that it is upright once the metadata is gone. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned 90° clockwise to be upright
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turned 90° anticlockwise to be upright
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** Copies the picture into plain sRGB with alpha, whatever the source's colour model (CMYK, indexed, grey). */
    private static BufferedImage normalise(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static boolean hasTransparentPixels(BufferedImage image) {
        Raster alpha = image.getAlphaRaster();
        if (alpha == null) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, width, 1, 0, row);
            for (int value : row) {
                if (value < 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Scales down in halving steps and then to the exact size: smooth results without a resampling library. */
    private static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(height, h / 2);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setComposite(AlphaComposite.Src);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != width || h != height);
        return current;
    }

    private static EncodedImage encode(BufferedImage image, boolean transparent) {
        try {
            if (transparent) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(output);
                    writer.write(null, new IIOImage(image, null, null), null);
                } finally {
                    writer.dispose();
                }
                return new EncodedImage(out.toByteArray(), image.getWidth(), image.getHeight(), "image/png");
            }
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                writer.setOutput(output);
                // No metadata: the file gets a bare JFIF header, nothing of the upload's EXIF, XMP or ICC data.
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return new EncodedImage(out.toByteArray(), image.getWidth(), image.getHeight(), "image/jpeg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Harbour at Dawn (2).HEIC.jpg" becomes "harbour-at-dawn-2-heic.jpg"; the extension follows the output. */
    static String fileName(String originalFilename, boolean transparent) {
        String base = originalFilename == null ? "" : originalFilename.replaceAll("^.*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String slug = Slugs.slugify(base);
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "image" : slug) + (transparent ? ".png" : ".jpg");
    }

    record ProcessedImage(String name, String contentType, int width, int height, List<EncodedImage> variants) {}
}
