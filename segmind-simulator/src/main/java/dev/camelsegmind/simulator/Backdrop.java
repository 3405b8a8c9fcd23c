package dev.camelsegmind.simulator;

/** Puts an input picture behind an output: scaled to cover it, centred, and darkened under text. */
final class Backdrop {

    private Backdrop() {
    }

    /** Nearest-neighbour scaling is enough for a stand-in and costs one lookup per pixel. */
    static void cover(PixelRaster source, PixelRaster target) {
        double scale = Math.max(target.width / (double) source.width, target.height / (double) source.height);
        double offsetX = (source.width - target.width / scale) / 2;
        double offsetY = (source.height - target.height / scale) / 2;
        int[] columns = new int[target.width];
        for (int x = 0; x < target.width; x++) {
            columns[x] = clamp((int) (offsetX + (x + 0.5) / scale), source.width);
        }
        for (int y = 0; y < target.height; y++) {
            int row = clamp((int) (offsetY + (y + 0.5) / scale), source.height) * source.width;
            int out = y * target.width;
            for (int x = 0; x < target.width; x++) {
                target.rgb[out + x] = source.rgb[row + columns[x]];
            }
        }
    }

    static void darken(PixelRaster raster, int x, int y, int w, int h, int shade, float amount) {
        int right = Math.min(raster.width, x + w);
        int bottom = Math.min(raster.height, y + h);
        for (int row = Math.max(0, y); row < bottom; row++) {
            for (int col = Math.max(0, x); col < right; col++) {
                int i = row * raster.width + col;
                raster.rgb[i] = GradientPalette.blend(raster.rgb[i], shade, amount);
            }
        }
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }
}
