package org.masthead.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Test images made in code (plus one WebP fixture, see src/test/resources/media/README.md). */
public final class TestImages {

    private TestImages() {}

    /** A picture whose left half is red and right half blue, so that turns and flips can be told apart. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return write(halves(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return write(halves(width, height), "png");
    }

    /**
     * The same picture as {@link #png}, written row by row so that the test never holds it decoded: a 6000 × 6000
     * picture is a file of about 100 kB and no memory to speak of on this side.
     */
    public static byte[] streamedPng(int width, int height) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED))) {
            byte[] row = new byte[1 + width * 3];
            for (int x = 0; x < width; x++) {
                row[1 + x * 3 + (x < width / 2 ? 0 : 2)] = (byte) 0xff;
            }
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pngFile(width, height, idat.toByteArray());
    }

    /** A PNG of {@code width} × {@code height} 8-bit RGB pixels with this (compressed) image data. */
    private static byte[] pngFile(int width, int height, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    public static byte[] gif(int width, int height) {
        return write(halves(width, height), "gif");
    }

    /** A PNG whose right half is fully transparent. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                image.setRGB(x, y, 0xff00aa00);
            }
        }
        return write(image, "png");
    }

    /** An animated GIF: a red frame, then a blue one. */
    public static byte[] animatedGif(int width, int height) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                writer.prepareWriteSequence(null);
                for (Color color : new Color[] {Color.RED, Color.BLUE}) {
                    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = frame.createGraphics();
                    g.setColor(color);
                    g.fillRect(0, 0, width, height);
                    g.dispose();
                    IIOMetadata metadata =
                            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                    String format = metadata.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", "50");
                    control.setAttribute("transparentColorIndex", "0");
                    root.appendChild(control);
                    metadata.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                }
                writer.endWriteSequence();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] webp() {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/sample.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CMYK JPEG (Adobe APP14 marker, four components) of a magenta square: ImageIO's own reader cannot turn it
     * into RGB; TwelveMonkeys can. Adobe CMYK JPEGs store inverted values, so 255 means no ink.
     */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] magenta = {255, 0, 255, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, magenta);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(raster, null, null), null);
            }
            byte[] plain = out.toByteArray();
            byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            byte[] cmyk = new byte[plain.length + adobe.length];
            cmyk[0] = plain[0];
            cmyk[1] = plain[1];
            System.arraycopy(adobe, 0, cmyk, 2, adobe.length);
            System.arraycopy(plain, 2, cmyk, 2 + adobe.length, plain.length - 2);
            return cmyk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with an EXIF block holding a GPS position, a camera make and an orientation. */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(-0.1276, 51.5072);
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "SpyCam");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid PNG header claiming {@code width} × {@code height} pixels, with a tiny body. */
    public static byte[] pngClaiming(int width, int height) {
        return pngFile(width, height, new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                        + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of an ELF executable (what a renamed program looks like). */
    public static byte[] elf() {
        byte[] bytes = new byte[256];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    public static byte[] zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("payload.sh"));
                zip.write("echo hi".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
