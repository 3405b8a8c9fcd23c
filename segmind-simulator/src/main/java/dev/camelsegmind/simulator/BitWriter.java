package dev.camelsegmind.simulator;

import java.util.Arrays;

/**
 * Writes the bit-level syntax of H.264 (u(n), ue(v), se(v)) into one growing byte array, which
 * is also where the finished MP4 ends up: encoding straight into it spares a copy of every
 * multi-megabyte I_PCM frame.
 *
 * <p>While escaping is on, emulation prevention is applied as bytes leave the bit accumulator, so
 * a NAL unit's payload never holds a start-code prefix (0x000000..0x000003 become 0x00000300..).
 */
final class BitWriter {

    private byte[] buffer;
    private int position;
    /** Bits not yet flushed, right-aligned; fewer than 8 between calls. */
    private long pending;
    private int pendingBits;
    private boolean escaping;
    /** Zero bytes just written, counted only while escaping. */
    private int zeros;

    BitWriter(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    /** Writes the low {@code bits} bits of {@code value}, most significant first; up to 32 bits. */
    void u(int bits, int value) {
        pending = (pending << bits) | (value & ((1L << bits) - 1));
        pendingBits += bits;
        while (pendingBits >= 8) {
            pendingBits -= 8;
            put((int) (pending >>> pendingBits) & 0xFF);
        }
    }

    void flag(boolean value) {
        u(1, value ? 1 : 0);
    }

    /** Exp-Golomb code of a non-negative number. */
    void ue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("ue(v) takes non-negative values, not " + value);
        }
        long codeNum = value + 1L;
        int length = 64 - Long.numberOfLeadingZeros(codeNum);
        u(length - 1, 0);
        u(length, (int) codeNum);
    }

    /** Signed Exp-Golomb: positive k maps to 2k-1, non-positive k to -2k. */
    void se(int value) {
        ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    boolean aligned() {
        return pendingBits == 0;
    }

    /** Zero bits up to the next byte boundary (pcm_alignment_zero_bit). */
    void alignWithZeros() {
        if (pendingBits > 0) {
            u(8 - pendingBits, 0);
        }
    }

    /** rbsp_trailing_bits: the stop bit, then zeros to the byte boundary. */
    void trailingBits() {
        u(1, 1);
        alignWithZeros();
    }

    /** Copies whole bytes; the writer must be byte-aligned. */
    void bytes(byte[] source, int offset, int length) {
        if (pendingBits != 0) {
            throw new IllegalStateException("raw bytes need a byte-aligned writer");
        }
        // Escaping adds at most one byte per two written.
        ensure(length + length / 2 + 1);
        for (int i = offset, end = offset + length; i < end; i++) {
            putUnchecked(source[i] & 0xFF);
        }
    }

    /** Starts or stops emulation prevention; the writer must be byte-aligned. */
    void escaping(boolean on) {
        if (pendingBits != 0) {
            throw new IllegalStateException("escaping changes only on a byte boundary");
        }
        escaping = on;
        zeros = 0;
    }

    int position() {
        return position;
    }

    /** Moves forward over bytes that will be filled in later with {@link #putInt} or {@link #copyAt}. */
    void skip(int count) {
        ensure(count);
        position += count;
    }

    /** Overwrites four already written bytes, big-endian (a NAL length prefix or a box size). */
    void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    void copyAt(int at, byte[] source) {
        System.arraycopy(source, 0, buffer, at, source.length);
    }

    /** The bytes written so far; the writer must be byte-aligned. */
    byte[] toByteArray() {
        if (pendingBits != 0) {
            throw new IllegalStateException("unfinished byte");
        }
        return buffer.length == position ? buffer : Arrays.copyOf(buffer, position);
    }

    private void put(int value) {
        ensure(2);
        putUnchecked(value);
    }

    private void putUnchecked(int value) {
        if (escaping) {
            if (zeros >= 2 && value <= 3) {
                buffer[position++] = 3;
                zeros = 0;
            }
            zeros = value == 0 ? zeros + 1 : 0;
        }
        buffer[position++] = (byte) value;
    }

    private void ensure(int extra) {
        if (position + extra > buffer.length) {
            long wanted = Math.max((long) buffer.length * 3 / 2, (long) position + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("video too large for one array");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
