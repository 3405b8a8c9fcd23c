package dev.camelsegmind.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A minimal, fast PNG writer for 8-bit RGB. ImageIO's writer tries every filter on every row at a
 * high compression level, which costs seconds at 4K. Here a row equal to the one above is
 * filtered Up (all zeros) and a single-colour row Sub (one pixel, then zeros); both are checked on
 * the int raster without touching bytes, and go to {@link IdatStream} as zero runs. Only rows with
 * detail are filtered byte by byte and deflated.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte FILTER_SUB = 1;
    private static final byte FILTER_UP = 2;
    /** Detailed rows go to the deflater in batches of about this size to keep native calls few. */
    private static final int BATCH_BYTES = 256 * 1024;

    private PngEncoder() {
    }

    static byte[] encode(PixelRaster raster) {
        byte[] idat = compress(raster);
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(raster.width).putInt(raster.height)
                .put((byte) 8) // bits per channel
                .put((byte) 2) // colour type: RGB
                .put((byte) 0).put((byte) 0).put((byte) 0) // deflate, adaptive filtering, no interlace
                .array());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] compress(PixelRaster raster) {
        int width = raster.width;
        int rowBytes = 1 + 3 * width;
        byte[] batch = new byte[Math.max(1, BATCH_BYTES / rowBytes) * rowBytes];
        int batched = 0;
        byte[] prefix = new byte[4];
        try (IdatStream idat = new IdatStream()) {
            for (int y = 0; y < raster.height; y++) {
                int start = y * width;
                int end = start + width;
                boolean sameAsAbove = y > 0 && Arrays.equals(raster.rgb, start - width, start, raster.rgb, start, end);
                if (sameAsAbove || Arrays.equals(raster.rgb, start, end - 1, raster.rgb, start + 1, end)) {
                    idat.deflate(batch, 0, batched);
                    batched = 0;
                    if (sameAsAbove) {
                        prefix[0] = FILTER_UP;
                        idat.plainRow(prefix, 1, 3 * width);
                    } else {
                        prefix[0] = FILTER_SUB;
                        putPixel(prefix, 1, raster.rgb[start]);
                        idat.plainRow(prefix, 4, 3 * width - 3);
                    }
                    continue;
                }
                if (batched == batch.length) {
                    idat.deflate(batch, 0, batched);
                    batched = 0;
                }
                subFilter(raster.rgb, start, end, batch, batched);
                batched += rowBytes;
            }
            idat.deflate(batch, 0, batched);
            return idat.finish();
        }
    }

    /** Sub rather than a per-row best choice: text rows are mostly runs of the panel colour, zeros under Sub. */
    private static void subFilter(int[] rgb, int start, int end, byte[] out, int at) {
        out[at] = FILTER_SUB;
        int q = at + 1;
        int previous = 0;
        for (int i = start; i < end; i++) {
            int c = rgb[i];
            out[q++] = (byte) ((c >> 16) - (previous >> 16));
            out[q++] = (byte) ((c >> 8) - (previous >> 8));
            out[q++] = (byte) (c - previous);
            previous = c;
        }
    }

    private static void putPixel(byte[] out, int at, int c) {
        out[at] = (byte) (c >> 16);
        out[at + 1] = (byte) (c >> 8);
        out[at + 2] = (byte) c;
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(8).putInt(data.length).put(name).array());
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
