package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

class IdatStreamTest {

    @Test
    void zeroRunsOfEveryLengthAndEveryLiteralInflateBack() throws DataFormatException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] prefix = new byte[1];
        try (IdatStream stream = new IdatStream()) {
            for (int zeros = 0; zeros < 700; zeros++) {
                prefix[0] = (byte) zeros;
                stream.plainRow(prefix, 1, zeros);
                expected.write(zeros & 0xFF);
                expected.write(new byte[zeros], 0, zeros);
            }
            assertThat(inflate(stream.finish())).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void deflatedAndHandWrittenStretchesInterleaveInAnyOrder() throws DataFormatException {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (IdatStream stream = new IdatStream()) {
                for (int part = random.nextInt(12); part > 0; part--) {
                    if (random.nextBoolean()) {
                        byte[] data = new byte[random.nextInt(100_000)];
                        for (int i = 0; i < data.length; i++) {
                            data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt() : 0);
                        }
                        stream.deflate(data, 0, data.length);
                        expected.writeBytes(data);
                    } else {
                        byte[] prefix = {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()};
                        int zeros = random.nextInt(20_000);
                        stream.plainRow(prefix, 3, zeros);
                        expected.writeBytes(prefix);
                        expected.write(new byte[zeros], 0, zeros);
                    }
                }
                assertThat(inflate(stream.finish())).as("round %d", round).isEqualTo(expected.toByteArray());
            }
        }
    }

    /** Inflates a whole zlib stream; the Inflater rejects a wrong Adler-32 with an exception. */
    private static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                assertThat(n > 0 || !inflater.needsInput()).as("stream ends early").isTrue();
                out.write(buffer, 0, n);
            }
            assertThat(inflater.getRemaining()).isZero();
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
