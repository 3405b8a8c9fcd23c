package dev.camelsegmind.simulator;

import java.util.Arrays;

/**
 * A picture as row-major {@code 0xRRGGBB} ints, top byte zero: the one form the image encoders
 * and the video writer both take, so a video's first frame and a still of the same job match.
 * The array is exposed rather than copied because a 4096x4096 raster is already 64 MB.
 */
final class PixelRaster {

    /** 8192x8192: a bound so that a mistaken size fails fast instead of exhausting the heap. */
    static final int MAX_PIXELS = 1 << 26;

    final int width;
    final int height;
    final int[] rgb;

    PixelRaster(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("unsupported image size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
    }

    int pixel(int x, int y) {
        return rgb[y * width + x];
    }

    /** Clipped to the raster, so callers may lay out text that runs past a small image's edge. */
    void fill(int x, int y, int w, int h, int colour) {
        int left = Math.max(x, 0);
        int right = (int) Math.min((long) x + w, width);
        int top = Math.max(y, 0);
        int bottom = (int) Math.min((long) y + h, height);
        if (left >= right) {
            return;
        }
        for (int row = top; row < bottom; row++) {
            int start = row * width;
            Arrays.fill(rgb, start + left, start + right, colour & 0xFFFFFF);
        }
    }
}
