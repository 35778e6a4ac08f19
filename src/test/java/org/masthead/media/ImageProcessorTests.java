package org.masthead.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.masthead.media.ImageProcessor.ProcessedImage;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProcessorTests {

    private final ImageProcessor processor = new ImageProcessor(new MediaProperties(
            DataSize.ofMegabytes(10), 40_000_000, List.of(480, 960, 1600), 0, java.time.Duration.ofSeconds(30)));

    @Test
    void acceptsJpegAndStoresItAsJpegWithSmallerVariants() {
        ProcessedImage result = processor.process(TestImages.jpeg(1200, 800), "Harbour at Dawn.JPG");

        assertThat(result.name()).isEqualTo("harbour-at-dawn.jpg");
        assertThat(result.contentType()).isEqualTo("image/jpeg");
        assertThat(result.width()).isEqualTo(1200);
        assertThat(result.variants()).extracting(EncodedImage::width).containsExactly(480, 960, 1200);
        assertThat(result.variants()).extracting(EncodedImage::height).containsExactly(320, 640, 800);
        for (EncodedImage variant : result.variants()) {
            BufferedImage decoded = TestImages.read(variant.bytes());
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
        }
    }

    @Test
    void neverMakesVariantsLargerThanTheImage() {
        ProcessedImage result = processor.process(TestImages.png(300, 200), "small.png");

        assertThat(result.variants()).extracting(EncodedImage::width).containsExactly(300);
    }

    @Test
    void acceptsPngWithoutTransparencyAsJpeg() {
        ProcessedImage result = processor.process(TestImages.png(100, 60), "chart.png");

        assertThat(result.contentType()).isEqualTo("image/jpeg");
        assertThat(result.name()).isEqualTo("chart.jpg");
        assertThat(isJpeg(last(result))).isTrue();
    }

    @Test
    void keepsTransparencyAsPng() {
        ProcessedImage result = processor.process(TestImages.transparentPng(100, 60), "logo.png");

        assertThat(result.contentType()).isEqualTo("image/png");
        BufferedImage decoded = TestImages.read(last(result));
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(90, 30) >>> 24).isZero();
        assertThat(decoded.getRGB(10, 30) >>> 24).isEqualTo(255);
    }

    @Test
    void acceptsGif() {
        ProcessedImage result = processor.process(TestImages.gif(120, 80), "drawing.gif");

        assertThat(result.contentType()).isEqualTo("image/jpeg");
        assertThat(result.width()).isEqualTo(120);
    }

    @Test
    void keepsTheFirstFrameOfAnAnimatedGif() {
        ProcessedImage result = processor.process(TestImages.animatedGif(60, 40), "animation.gif");

        Color pixel = new Color(TestImages.read(last(result)).getRGB(30, 20));
        assertThat(pixel.getRed()).isGreaterThan(200);
        assertThat(pixel.getBlue()).isLessThan(60);
    }

    @Test
    void acceptsWebp() {
        ProcessedImage result = processor.process(TestImages.webp(), "sample.webp");

        assertThat(result.contentType()).isEqualTo("image/jpeg");
        assertThat(result.width()).isEqualTo(64);
        assertThat(result.height()).isEqualTo(40);
        Color left = new Color(TestImages.read(last(result)).getRGB(10, 20));
        assertThat(left.getBlue()).isGreaterThan(left.getRed());
    }

    @Test
    void decodesCmykJpeg() {
        ProcessedImage result = processor.process(TestImages.cmykJpeg(64, 48), "print.jpg");

        BufferedImage decoded = TestImages.read(last(result));
        Color pixel = new Color(decoded.getRGB(32, 24));
        // Magenta ink: much red and blue, little green.
        assertThat(pixel.getRed()).isGreaterThan(150);
        assertThat(pixel.getBlue()).isGreaterThan(60);
        assertThat(pixel.getGreen()).isLessThan(pixel.getRed() - 80);
    }

    @Test
    void stripsExifAndGpsMetadata() throws Exception {
        byte[] upload = TestImages.jpegWithExif(200, 100, 1);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload))
                        .getFirstDirectoryOfType(GpsDirectory.class))
                .as("the test image carries a GPS position")
                .isNotNull();

        ProcessedImage result = processor.process(upload, "holiday.jpg");

        for (EncodedImage variant : result.variants()) {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(variant.bytes()));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class))
                    .isNull();
            String raw = new String(variant.bytes(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Exif").doesNotContain("SpyCam");
        }
    }

    @Test
    void appliesTheExifOrientationBeforeStrippingIt() {
        // Stored sideways: left half red, right half blue; orientation 6 says "turn 90° clockwise to view".
        ProcessedImage result = processor.process(TestImages.jpegWithExif(80, 40, 6), "sideways.jpg");

        assertThat(result.width()).isEqualTo(40);
        assertThat(result.height()).isEqualTo(80);
        BufferedImage upright = TestImages.read(last(result));
        Color top = new Color(upright.getRGB(20, 10));
        Color bottom = new Color(upright.getRGB(20, 70));
        assertThat(top.getRed()).isGreaterThan(200);
        assertThat(bottom.getBlue()).isGreaterThan(200);
    }

    @Test
    void refusesSvg() {
        assertRefused(TestImages.svg(), "drawing.svg", "media.error.unsupported");
    }

    @Test
    void refusesRenamedExecutablesAndArchives() {
        assertRefused(TestImages.elf(), "photo.jpg", "media.error.unsupported");
        assertRefused(TestImages.zip(), "photo.png", "media.error.unsupported");
        assertRefused(
                "MZ this is not a picture".getBytes(StandardCharsets.US_ASCII), "x.gif", "media.error.unsupported");
    }

    @Test
    void refusesTruncatedImages() {
        byte[] jpeg = TestImages.jpeg(400, 300);
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), "cut.jpg", "media.error.damaged");
        byte[] png = TestImages.png(400, 300);
        assertRefused(Arrays.copyOf(png, png.length / 2), "cut.png", "media.error.damaged");
    }

    @Test
    void refusesTooManyPixelsFromTheHeaderWithoutDecoding() {
        // 100 megapixels claimed by a file of a few dozen bytes: refused on the header's word, before decoding
        // (decoding this body would fail as "damaged", so the message shows the pixels were never read).
        byte[] bomb = TestImages.pngClaiming(10_000, 10_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> processor.process(bomb, "bomb.png"))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo("media.error.too-many-pixels");
                    assertThat(e.getArguments()).containsExactly(10_000, 10_000, 40L);
                });
    }

    @Test
    void refusesFilesOverTheSizeLimit() {
        ImageProcessor small = new ImageProcessor(new MediaProperties(
                DataSize.ofKilobytes(1), 40_000_000, List.of(480), 0, java.time.Duration.ofSeconds(30)));

        assertThatThrownBy(() -> small.process(TestImages.png(400, 300), "big.png"))
                .isInstanceOfSatisfying(
                        RejectedImageException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("media.error.too-large"));
    }

    @Test
    void refusesEmptyFiles() {
        assertRefused(new byte[0], "empty.jpg", "media.error.empty");
    }

    private void assertRefused(byte[] bytes, String name, String key) {
        assertThatThrownBy(() -> processor.process(bytes, name))
                .isInstanceOfSatisfying(
                        RejectedImageException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo(key));
    }

    private static byte[] last(ProcessedImage result) {
        return result.variants().get(result.variants().size() - 1).bytes();
    }

    private static boolean isJpeg(byte[] bytes) {
        return (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    }
}
