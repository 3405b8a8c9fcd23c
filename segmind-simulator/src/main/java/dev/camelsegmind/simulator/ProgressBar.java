package dev.camelsegmind.simulator;

/**
 * A bar along the bottom edge that fills from left to right, reaching (i+1)/N of the width at
 * frame i of N: it makes a still picture visibly play, and it shows how far a player got.
 *
 * <p>It is painted into the picture a column range at a time, and reports which macroblocks that
 * touched, so a P picture codes only those and skips the rest.
 */
final class ProgressBar {

    private final Yuv420Image image;
    private final int frames;
    private final int rgb;
    private final int top;
    private final int widthInMbs;
    private final int firstMbRow;
    private final int lastMbRow;
    private int filled;

    ProgressBar(Yuv420Image image, int frames, int rgb) {
        this.image = image;
        this.frames = frames;
        this.rgb = rgb;
        // About 2% of the height, even (whole chroma rows) and at most 16 rows, so it spans one or
        // two macroblock rows whatever the cropping.
        int thickness = Math.min(Math.min(16, image.height), Math.max(2, (image.height / 48) & ~1));
        this.top = image.height - thickness;
        this.widthInMbs = image.paddedWidth / 16;
        this.firstMbRow = top / 16;
        this.lastMbRow = (image.height - 1) / 16;
    }

    /** The most macroblocks one frame can change. */
    int maxChanged() {
        return widthInMbs * (lastMbRow - firstMbRow + 1);
    }

    /** Filled width at {@code frame}, rounded to even so chroma samples are never split. */
    int filledAt(int frame) {
        long half = image.width / 2;
        return (int) (2 * (((frame + 1L) * half * 2 + frames) / (2L * frames)));
    }

    /**
     * Paints the bar as it is at {@code frame} and lists the macroblocks that changed.
     *
     * @param changed receives macroblock addresses in ascending (raster) order
     * @return how many were written
     */
    int advance(int frame, int[] changed) {
        int target = filledAt(frame);
        if (target <= filled) {
            return 0;
        }
        image.fill(filled, top, target, image.height, rgb);
        int firstColumn = filled / 16;
        int lastColumn = (target - 1) / 16;
        filled = target;
        int count = 0;
        for (int row = firstMbRow; row <= lastMbRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                changed[count++] = row * widthInMbs + column;
            }
        }
        return count;
    }
}
