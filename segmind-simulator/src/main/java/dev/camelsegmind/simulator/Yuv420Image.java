package dev.camelsegmind.simulator;

import java.util.Arrays;

/**
 * An 8-bit 4:2:0 picture padded to whole 16x16 macroblocks, converted from RGB with the BT.601
 * matrix in limited ("TV") range: the range every player assumes for H.264, and one that keeps
 * samples within 16..240, so I_PCM data never holds a zero byte.
 *
 * <p>The padding repeats the last column and row; it is cropped away by the SPS, and repeating
 * keeps it from bleeding a stray colour into chroma or into players that ignore cropping.
 */
final class Yuv420Image {

    /** VUI/colr code points: BT.601 (SMPTE 170M) matrix; sRGB input shares BT.709's primaries. */
    static final int MATRIX_BT601 = 6;
    static final int PRIMARIES_BT709 = 1;
    static final int TRANSFER_BT709 = 1;

    final int width;
    final int height;
    final int paddedWidth;
    final int paddedHeight;
    final byte[] luma;
    final byte[] cb;
    final byte[] cr;

    private Yuv420Image(int width, int height) {
        this.width = width;
        this.height = height;
        this.paddedWidth = (width + 15) & ~15;
        this.paddedHeight = (height + 15) & ~15;
        this.luma = new byte[paddedWidth * paddedHeight];
        this.cb = new byte[paddedWidth * paddedHeight / 4];
        this.cr = new byte[cb.length];
    }

    /** {@code rgb} holds width*height pixels 0xRRGGBB, row by row; width and height must be even. */
    static Yuv420Image fromRgb(int[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("4:2:0 needs positive even sizes, not " + width + "x" + height);
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        Yuv420Image image = new Yuv420Image(width, height);
        image.convert(rgb);
        image.padEdges();
        return image;
    }

    static int luma(int rgb) {
        int r = (rgb >>> 16) & 0xFF;
        int g = (rgb >>> 8) & 0xFF;
        int b = rgb & 0xFF;
        return ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
    }

    /** From the sums of four pixels' components, so a 2x2 block is averaged before conversion. */
    private static int cb(int r4, int g4, int b4) {
        return ((-38 * r4 - 74 * g4 + 112 * b4 + 512) >> 10) + 128;
    }

    private static int cr(int r4, int g4, int b4) {
        return ((112 * r4 - 94 * g4 - 18 * b4 + 512) >> 10) + 128;
    }

    static int cb(int rgb) {
        return cb(4 * ((rgb >>> 16) & 0xFF), 4 * ((rgb >>> 8) & 0xFF), 4 * (rgb & 0xFF));
    }

    static int cr(int rgb) {
        return cr(4 * ((rgb >>> 16) & 0xFF), 4 * ((rgb >>> 8) & 0xFF), 4 * (rgb & 0xFF));
    }

    /**
     * Paints a solid rectangle [x0, x1) x [y0, y1) of the visible picture; even bounds keep the
     * chroma samples whole.
     */
    void fill(int x0, int y0, int x1, int y1, int rgb) {
        if (((x0 | y0 | x1 | y1) & 1) != 0) {
            throw new IllegalArgumentException("rectangle bounds must be even");
        }
        byte y = (byte) luma(rgb);
        byte u = (byte) cb(rgb);
        byte v = (byte) cr(rgb);
        for (int row = y0; row < y1; row++) {
            Arrays.fill(luma, row * paddedWidth + x0, row * paddedWidth + x1, y);
        }
        int chromaWidth = paddedWidth / 2;
        for (int row = y0 / 2; row < y1 / 2; row++) {
            Arrays.fill(cb, row * chromaWidth + x0 / 2, row * chromaWidth + x1 / 2, u);
            Arrays.fill(cr, row * chromaWidth + x0 / 2, row * chromaWidth + x1 / 2, v);
        }
    }

    private void convert(int[] rgb) {
        int chromaWidth = paddedWidth / 2;
        for (int y = 0; y < height; y += 2) {
            int top = y * width;
            int bottom = top + width;
            int lumaTop = y * paddedWidth;
            int lumaBottom = lumaTop + paddedWidth;
            int chroma = (y / 2) * chromaWidth;
            for (int x = 0; x < width; x += 2) {
                int p0 = rgb[top + x];
                int p1 = rgb[top + x + 1];
                int p2 = rgb[bottom + x];
                int p3 = rgb[bottom + x + 1];
                luma[lumaTop + x] = (byte) luma(p0);
                luma[lumaTop + x + 1] = (byte) luma(p1);
                luma[lumaBottom + x] = (byte) luma(p2);
                luma[lumaBottom + x + 1] = (byte) luma(p3);
                int r = ((p0 >>> 16) & 0xFF) + ((p1 >>> 16) & 0xFF) + ((p2 >>> 16) & 0xFF) + ((p3 >>> 16) & 0xFF);
                int g = ((p0 >>> 8) & 0xFF) + ((p1 >>> 8) & 0xFF) + ((p2 >>> 8) & 0xFF) + ((p3 >>> 8) & 0xFF);
                int b = (p0 & 0xFF) + (p1 & 0xFF) + (p2 & 0xFF) + (p3 & 0xFF);
                cb[chroma + x / 2] = (byte) cb(r, g, b);
                cr[chroma + x / 2] = (byte) cr(r, g, b);
            }
        }
    }

    private void padEdges() {
        padPlane(luma, paddedWidth, width, height, paddedHeight);
        padPlane(cb, paddedWidth / 2, width / 2, height / 2, paddedHeight / 2);
        padPlane(cr, paddedWidth / 2, width / 2, height / 2, paddedHeight / 2);
    }

    private static void padPlane(byte[] plane, int stride, int width, int height, int paddedHeight) {
        if (width < stride) {
            for (int row = 0; row < height; row++) {
                int start = row * stride;
                Arrays.fill(plane, start + width, start + stride, plane[start + width - 1]);
            }
        }
        for (int row = height; row < paddedHeight; row++) {
            System.arraycopy(plane, (height - 1) * stride, plane, row * stride, stride);
        }
    }
}
