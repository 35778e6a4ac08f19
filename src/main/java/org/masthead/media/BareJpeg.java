package org.masthead.media;

/**
 * Whether a JPEG file is bare, as this library writes them: a JFIF header, the tables, the frame and the scans, and
 * nothing else (no EXIF, XMP, ICC profile or comment, nothing after the end). Such a file carries no metadata, so an
 * imported copy of the library's own file may be kept byte for byte instead of being encoded once more.
 */
final class BareJpeg {

    private BareJpeg() {}

    static boolean isBare(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return false;
        }
        int i = 2;
        while (i < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return false;
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) {
                i++;
            }
            if (i >= b.length) {
                return false;
            }
            int marker = b[i++] & 0xFF;
            if (marker == 0xD9) {
                return i == b.length; // the end, with nothing after it
            }
            if (i + 2 > b.length) {
                return false;
            }
            int length = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (length < 2 || i + length > b.length || !allowed(marker, b, i + 2, length - 2)) {
                return false;
            }
            i += length;
            if (marker == 0xDA) {
                i = afterScan(b, i);
                if (i < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** JFIF header, quantisation and Huffman tables, baseline/extended/progressive frames, restart interval, scan. */
    private static boolean allowed(int marker, byte[] b, int start, int length) {
        return switch (marker) {
            case 0xE0 ->
                length >= 5
                        && b[start] == 'J'
                        && b[start + 1] == 'F'
                        && b[start + 2] == 'I'
                        && b[start + 3] == 'F'
                        && b[start + 4] == 0;
            case 0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD, 0xDA -> true;
            default -> false;
        };
    }

    /** The index of the marker after a scan's entropy-coded data (stuffed zeros and restart markers skipped). */
    private static int afterScan(byte[] b, int i) {
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }
}
