package org.masthead.media;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class BareJpegTests {

    private final ImageProcessor processor = new ImageProcessor(new MediaProperties(
            DataSize.ofMegabytes(10), 40_000_000, List.of(480, 960, 1600), 0, Duration.ofSeconds(30)));

    private byte[] ownJpeg() {
        List<EncodedImage> variants =
                processor.process(TestImages.jpeg(640, 400), "x.jpg").variants();
        return variants.get(variants.size() - 1).bytes();
    }

    @Test
    void theLibrarysOwnJpegIsBare() {
        assertThat(BareJpeg.isBare(ownJpeg())).isTrue();
    }

    @Test
    void aJpegWithExifCommentsOrTrailingBytesIsNot() {
        assertThat(BareJpeg.isBare(TestImages.jpegWithExif(64, 48, 6))).isFalse();

        byte[] own = ownJpeg();
        byte[] trailing = Arrays.copyOf(own, own.length + 4);
        assertThat(BareJpeg.isBare(trailing)).isFalse();

        // a comment segment (FFFE) right after the start of image
        byte[] comment = new byte[own.length + 8];
        comment[0] = (byte) 0xFF;
        comment[1] = (byte) 0xD8;
        byte[] segment = {(byte) 0xFF, (byte) 0xFE, 0, 6, 'h', 'i', '!', '!'};
        System.arraycopy(segment, 0, comment, 2, segment.length);
        System.arraycopy(own, 2, comment, 2 + segment.length, own.length - 2);
        assertThat(BareJpeg.isBare(comment)).isFalse();

        assertThat(BareJpeg.isBare(Arrays.copyOf(own, own.length - 2)))
                .as("cut short")
                .isFalse();
        assertThat(BareJpeg.isBare(TestImages.png(10, 10))).isFalse();
        assertThat(BareJpeg.isBare(new byte[0])).isFalse();
    }
}
