package dev.camelsegmind.simulator;

import java.util.Arrays;

/**
 * A growing buffer of deflate data that can also take single bits, for the stretches of a PNG that
 * are written by hand: fixed-Huffman blocks (RFC 1951, 3.2.6) of literals and runs of zeros.
 */
final class DeflateOutput {

    private static final int MAX_MATCH = 258;
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        4, 5, 5, 5, 5, 0};
    /**
     * For each match length, the bits of its length code and extra bits, ready to write; the five
     * bits of distance code 0 (copy the byte before) that follow are zeros and only counted.
     */
    private static final long[] MATCH_BITS = new long[MAX_MATCH + 1];
    private static final int[] MATCH_BIT_COUNT = new int[MAX_MATCH + 1];

    static {
        for (int length = 3; length <= MAX_MATCH; length++) {
            int index = LENGTH_BASE.length - 1;
            while (LENGTH_BASE[index] > length) {
                index--;
            }
            int symbol = 257 + index;
            int codeLength = symbol < 280 ? 7 : 8;
            int code = symbol < 280 ? symbol - 256 : 0xC0 + symbol - 280;
            long bits = reverse(code, codeLength) | (long) (length - LENGTH_BASE[index]) << codeLength;
            int count = codeLength + LENGTH_EXTRA[index];
            MATCH_BITS[length] = bits;
            MATCH_BIT_COUNT[length] = count + 5;
        }
    }

    private byte[] bytes = new byte[64 * 1024];
    private int size;
    private long bitBuffer;
    private int bitCount;

    void write(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void startFixedBlock() {
        bits(0b010, 3); // not final; block type 01
    }

    void literal(int value) {
        if (value < 144) {
            bits(reverse(0x30 + value, 8), 8);
        } else {
            bits(reverse(0x190 + value - 144, 9), 9);
        }
    }

    /** {@code count} zero bytes: one literal, then copies of the byte before. */
    void zeros(int count) {
        if (count > 0) {
            literal(0);
        }
        int left = count - 1;
        while (left >= 3) {
            int length = Math.min(left, MAX_MATCH);
            bits(MATCH_BITS[length], MATCH_BIT_COUNT[length]);
            left -= length;
        }
        for (; left > 0; left--) {
            literal(0);
        }
    }

    /**
     * Ends the fixed block and pads to a byte boundary with an empty stored block, the same way
     * zlib's own flush does, so zlib's next output can follow byte for byte.
     */
    void endBlockAligned() {
        bits(0, 7); // end-of-block code
        bits(0, 3); // not final; block type 00 (stored)
        if (bitCount > 0) {
            bits(0, 8 - bitCount);
        }
        write(0);
        write(0);
        write(0xFF);
        write(0xFF);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void bits(long value, int count) {
        bitBuffer |= value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            write((int) bitBuffer);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Huffman codes go into the stream most significant bit first, everything else least first. */
    private static int reverse(int code, int length) {
        return Integer.reverse(code) >>> (32 - length);
    }
}
