package dev.camelsegmind.simulator;

import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * The zlib stream of a PNG's image data, from two kinds of filtered rows. Rows with detail go
 * through {@link Deflater}. Rows that are a few bytes followed by zeros, which is nearly every row
 * of a gradient once filtered, are written by hand as runs: zlib's fastest level still scans each
 * zero byte, and that scan was most of the time of a 4K encode. A full flush before each hand-written
 * stretch keeps the Deflater from referring back to bytes it never saw.
 */
final class IdatStream implements AutoCloseable {

    private static final int ADLER_MOD = 65521;

    private final DeflateOutput out = new DeflateOutput();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final byte[] chunk = new byte[64 * 1024];
    private final Adler32 adlerOfRows = new Adler32();
    private boolean deflaterHasUnflushed;
    private boolean inFixedBlock;
    private long adlerA = 1;
    private long adlerB;

    IdatStream() {
        out.write(0x78); // deflate, 32 KiB window
        out.write(0x01); // fastest; header check bits
    }

    void deflate(byte[] rows, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (inFixedBlock) {
            out.endBlockAligned();
            inFixedBlock = false;
        }
        adlerOfRows.reset();
        adlerOfRows.update(rows, offset, length);
        appendAdler(adlerOfRows.getValue(), length);
        deflater.setInput(rows, offset, length);
        while (!deflater.needsInput()) {
            pump(Deflater.NO_FLUSH);
        }
        deflaterHasUnflushed = true;
    }

    /** A row of {@code prefixLength} bytes from {@code prefix}, then {@code zeros} zero bytes. */
    void plainRow(byte[] prefix, int prefixLength, int zeros) {
        if (!inFixedBlock) {
            if (deflaterHasUnflushed) {
                while (pump(Deflater.FULL_FLUSH) == chunk.length) {
                    // a full output buffer may hide more flushed output
                }
                deflaterHasUnflushed = false;
            }
            out.startFixedBlock();
            inFixedBlock = true;
        }
        for (int i = 0; i < prefixLength; i++) {
            out.literal(prefix[i] & 0xFF);
            adlerA = (adlerA + (prefix[i] & 0xFF)) % ADLER_MOD;
            adlerB = (adlerB + adlerA) % ADLER_MOD;
        }
        out.zeros(zeros);
        adlerB = (adlerB + zeros % ADLER_MOD * adlerA) % ADLER_MOD;
    }

    byte[] finish() {
        if (inFixedBlock) {
            out.endBlockAligned();
            inFixedBlock = false;
        }
        deflater.finish();
        while (!deflater.finished()) {
            pump(Deflater.NO_FLUSH);
        }
        long adler = adlerB << 16 | adlerA;
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (adler >>> shift));
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        deflater.end();
    }

    private int pump(int flush) {
        int n = deflater.deflate(chunk, 0, chunk.length, flush);
        out.write(chunk, 0, n);
        return n;
    }

    /** Extends the running checksum by that of {@code length} further bytes (zlib's adler32_combine). */
    private void appendAdler(long adlerOfMore, long length) {
        long a2 = adlerOfMore & 0xFFFF;
        long b2 = adlerOfMore >>> 16;
        adlerB = (adlerB + b2 + length % ADLER_MOD * ((adlerA + ADLER_MOD - 1) % ADLER_MOD)) % ADLER_MOD;
        adlerA = (adlerA + a2 + ADLER_MOD - 1) % ADLER_MOD;
    }
}
