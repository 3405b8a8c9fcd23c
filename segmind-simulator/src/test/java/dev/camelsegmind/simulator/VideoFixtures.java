package dev.camelsegmind.simulator;

/**
 * Test pictures for {@link VideoEncoder} and checks of decoded frames against them. The expected
 * colours are computed here from the BT.601 definition in floating point, not with the encoder's
 * integer conversion, so a wrong matrix or range would show.
 */
final class VideoFixtures {

    static final int BAR_RGB = 0xFF3030;

    private VideoFixtures() {
    }

    /** A picture in which every macroblock differs, so a misplaced block cannot go unnoticed. */
    static int[] picture(int width, int height) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = width == 1 ? 0 : x * 255 / (width - 1);
                int g = height == 1 ? 0 : y * 255 / (height - 1);
                int b = ((x / 7 + y / 5) * 37) & 0xFF;
                rgb[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return rgb;
    }

    /** A decoded 8-bit 4:2:0 frame, cropped to the picture size; samples are unsigned. */
    record Frame(int width, int height, int[] luma, int[] cb, int[] cr) {

        int y(int x, int row) {
            return luma[row * width + x];
        }

        int u(int x, int row) {
            return cb[(row / 2) * (width / 2) + x / 2];
        }

        int v(int x, int row) {
            return cr[(row / 2) * (width / 2) + x / 2];
        }

        static Frame fromYuv420p(byte[] data, int offset, int width, int height) {
            int lumaSize = width * height;
            int chromaSize = lumaSize / 4;
            return new Frame(width, height, unsigned(data, offset, lumaSize),
                    unsigned(data, offset + lumaSize, chromaSize),
                    unsigned(data, offset + lumaSize + chromaSize, chromaSize));
        }

        private static int[] unsigned(byte[] data, int offset, int length) {
            int[] samples = new int[length];
            for (int i = 0; i < length; i++) {
                samples[i] = data[offset + i] & 0xFF;
            }
            return samples;
        }
    }

    static double expectedY(int rgb) {
        return 16 + (65.481 * red(rgb) + 128.553 * green(rgb) + 24.966 * blue(rgb)) / 255;
    }

    static double expectedCb(double r, double g, double b) {
        return 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255;
    }

    static double expectedCr(double r, double g, double b) {
        return 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255;
    }

    /**
     * Every sample above the bottom macroblock row equals the picture within rounding; the bottom
     * 16 rows hold the progress bar.
     */
    static void assertShowsPicture(Frame frame, int[] rgb) {
        int width = frame.width();
        int rows = Math.max(0, frame.height() - 16);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < width; x++) {
                assertClose("Y", frame.y(x, y), expectedY(rgb[y * width + x]), x, y);
            }
        }
        for (int y = 0; y + 1 < rows; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int[] p = {rgb[y * width + x], rgb[y * width + x + 1], rgb[(y + 1) * width + x],
                    rgb[(y + 1) * width + x + 1]};
                double r = 0;
                double g = 0;
                double b = 0;
                for (int pixel : p) {
                    r += red(pixel) / 4.0;
                    g += green(pixel) / 4.0;
                    b += blue(pixel) / 4.0;
                }
                assertClose("Cb", frame.u(x, y), expectedCb(r, g, b), x, y);
                assertClose("Cr", frame.v(x, y), expectedCr(r, g, b), x, y);
            }
        }
    }

    /** The bottom two rows are the bar's colour from x = 0 up to {@code filled}, the picture after. */
    static void assertBar(Frame frame, int[] rgb, int filled) {
        int bottom = frame.height() - 1;
        for (int y = bottom - 1; y <= bottom; y++) {
            for (int x = 0; x < frame.width(); x++) {
                int expected = x < filled ? BAR_RGB : rgb[y * frame.width() + x];
                assertClose("Y", frame.y(x, y), expectedY(expected), x, y);
            }
        }
        if (filled > 0) {
            int r = red(BAR_RGB);
            int g = green(BAR_RGB);
            int b = blue(BAR_RGB);
            assertClose("Cb", frame.u(0, bottom), expectedCb(r, g, b), 0, bottom);
            assertClose("Cr", frame.v(0, bottom), expectedCr(r, g, b), 0, bottom);
        }
    }

    /** Plain loop checks: an AssertJ call per sample would dominate the test's run time. */
    private static void assertClose(String what, int actual, double expected, int x, int y) {
        if (Math.abs(actual - expected) > 1.5) {
            throw new AssertionError(what + " at " + x + "," + y + ": expected ~" + expected + " but was " + actual);
        }
    }

    private static int red(int rgb) {
        return (rgb >>> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >>> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
