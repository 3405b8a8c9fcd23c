package dev.camelsegmind.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Grows an MP4 to an exact size and keeps it valid: a top-level {@code free} box, which players
 * skip, in the 64-bit form past 4 GiB. Fewer than eight missing bytes cannot hold a box header,
 * so then the final {@code mdat} box is lengthened instead (trailing media data is never read
 * because sample offsets point before it).
 */
final class Mp4Padding {

    private static final int BOX_HEADER = 8;
    private static final int LARGE_BOX_HEADER = 16;

    private Mp4Padding() {
    }

    static Body pad(byte[] mp4, long target) {
        long missing = target - mp4.length;
        if (missing <= 0) {
            return Body.bytes(mp4);
        }
        if (missing >= BOX_HEADER) {
            return Body.concat(Body.bytes(mp4), freeBox(missing));
        }
        return Body.concat(Body.bytes(growLastMdat(mp4, (int) missing)), Body.zeros(missing));
    }

    private static Body freeBox(long size) {
        ByteBuffer header;
        if (size <= 0xFFFF_FFFFL) {
            header = ByteBuffer.allocate(BOX_HEADER).putInt((int) size).put(type("free"));
        } else {
            header = ByteBuffer.allocate(LARGE_BOX_HEADER).putInt(1).put(type("free")).putLong(size);
        }
        return Body.concat(Body.bytes(header.array()), Body.zeros(size - header.capacity()));
    }

    private static byte[] growLastMdat(byte[] mp4, int extra) {
        int offset = lastBoxOffset(mp4);
        ByteBuffer buffer = ByteBuffer.wrap(mp4.clone());
        long size = Integer.toUnsignedLong(buffer.getInt(offset));
        String type = new String(mp4, offset + 4, 4, StandardCharsets.US_ASCII);
        if (!"mdat".equals(type) || size < BOX_HEADER || size + extra > 0xFFFF_FFFFL) {
            throw new IllegalStateException("placeholder MP4 must end with a 32-bit mdat box, found " + type);
        }
        buffer.putInt(offset, (int) (size + extra));
        return buffer.array();
    }

    /** Walks the top-level boxes; the placeholder is small, so this is cheap enough per call. */
    static int lastBoxOffset(byte[] mp4) {
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        int offset = 0;
        int last = -1;
        while (offset + BOX_HEADER <= mp4.length) {
            long size = Integer.toUnsignedLong(buffer.getInt(offset));
            if (size == 1) {
                size = buffer.getLong(offset + 8);
            } else if (size == 0) {
                size = mp4.length - offset;
            }
            if (size < BOX_HEADER) {
                throw new IllegalStateException("corrupt MP4 box at " + offset);
            }
            last = offset;
            offset += (int) size;
        }
        return last;
    }

    private static byte[] type(String fourcc) {
        return fourcc.getBytes(StandardCharsets.US_ASCII);
    }
}
