package org.masthead.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory of image work: the pixels being decoded and re-encoded at once, across every upload, stay
 * within a budget. A job takes its picture's pixel count from the budget before it decodes a pixel and gives it back
 * when done; when the budget is spent it waits (big pictures are processed one after another) for at most
 * {@code wait}, then is answered "busy, try again" ({@link ImageWorkBusyException}). A picture larger than the
 * whole budget is refused at once with a message, since this server could never hold it.
 */
final class PixelBudget {

    /** Heap a job of one pixel may use: decoded picture, its sRGB copy, the scaled copies and the encoders. */
    static final int BYTES_PER_PIXEL = 14;

    private final long pixels;
    private final int unit;
    private final Semaphore permits;
    private final Duration wait;

    /**
     * @param pixels the budget: the most pixels in work at once
     * @param wait   how long a job waits for its share before the uploader is told to try again
     */
    PixelBudget(long pixels, Duration wait) {
        this.pixels = pixels;
        // Semaphore permits are ints: count in units of pixels that keep the budget under a million permits.
        this.unit = (int) Math.max(1, pixels / 1_000_000);
        this.permits = new Semaphore((int) Math.max(1, pixels / unit), true);
        this.wait = wait;
    }

    /** The budget for this JVM's heap: what half of the heap holds at {@link #BYTES_PER_PIXEL}. */
    static long forHeap(long maxHeapBytes) {
        return maxHeapBytes / 2 / BYTES_PER_PIXEL;
    }

    long pixels() {
        return pixels;
    }

    /** A share of the budget, given back by {@link Share#close()}. */
    Share take(int width, int height) {
        long wanted = (long) width * height;
        if (wanted > pixels) {
            throw new RejectedImageException(
                    "media.error.too-many-pixels-here", width, height, Math.max(1, pixels / 1_000_000));
        }
        int count = (int) Math.max(1, (wanted + unit - 1) / unit);
        count = Math.min(count, (int) Math.max(1, pixels / unit));
        try {
            if (!permits.tryAcquire(count, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImageWorkBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageWorkBusyException();
        }
        int taken = count;
        return () -> permits.release(taken);
    }

    /** The pixels not in work now. */
    long available() {
        return (long) permits.availablePermits() * unit;
    }

    interface Share extends AutoCloseable {
        @Override
        void close();
    }
}
