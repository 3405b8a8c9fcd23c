package dev.camelsegmind.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.CRC32;

/**
 * Grows a PNG with private ancillary chunks placed before IEND, which decoders skip by
 * definition, so the padded file still decodes. Chunk type {@code siMp}: lower-case first letter
 * (ancillary), lower-case second (private), upper-case third (required), lower-case fourth (safe
 * to copy).
 */
final class PngPadding {

    private static final byte[] TYPE = "siMp".getBytes(StandardCharsets.US_ASCII);
    private static final int IEND_LENGTH = 12;
    private static final int CHUNK_OVERHEAD = 12;
    /** Well under the format's 2^31-1 so chunk sizes never need care near the limit. */
    private static final long MAX_DATA = 1L << 30;
    private static final ConcurrentMap<Long, Integer> CRC_OF_ZEROS = new ConcurrentHashMap<>();

    private PngPadding() {
    }

    static Body pad(byte[] png, long target) {
        long missing = target - png.length;
        if (missing <= 0) {
            return Body.bytes(png);
        }
        if (missing < CHUNK_OVERHEAD) {
            // Too little room for a chunk: trailing bytes after IEND are ignored by readers.
            return Body.concat(Body.bytes(png), Body.zeros(missing));
        }
        List<Body> parts = new ArrayList<>();
        parts.add(Body.bytes(Arrays.copyOfRange(png, 0, png.length - IEND_LENGTH)));
        long left = missing;
        while (left > 0) {
            long data = dataSize(left);
            parts.add(chunk(data));
            left -= data + CHUNK_OVERHEAD;
        }
        parts.add(Body.bytes(Arrays.copyOfRange(png, png.length - IEND_LENGTH, png.length)));
        return Body.concat(parts.toArray(Body[]::new));
    }

    /** Sizes each chunk so whatever is left is either nothing or enough for another chunk. */
    static long dataSize(long left) {
        long all = left - CHUNK_OVERHEAD;
        if (all <= MAX_DATA) {
            return all;
        }
        return all - MAX_DATA >= CHUNK_OVERHEAD ? MAX_DATA : MAX_DATA - CHUNK_OVERHEAD;
    }

    private static Body chunk(long dataLength) {
        byte[] header = ByteBuffer.allocate(8).putInt((int) dataLength).put(TYPE).array();
        int crc = CRC_OF_ZEROS.computeIfAbsent(dataLength, PngPadding::crcOfZeros);
        byte[] trailer = ByteBuffer.allocate(4).putInt(crc).array();
        return Body.concat(Body.bytes(header), Body.zeros(dataLength), Body.bytes(trailer));
    }

    private static int crcOfZeros(long dataLength) {
        CRC32 crc = new CRC32();
        crc.update(TYPE);
        byte[] zeros = new byte[64 * 1024];
        for (long left = dataLength; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return (int) crc.getValue();
    }
}
