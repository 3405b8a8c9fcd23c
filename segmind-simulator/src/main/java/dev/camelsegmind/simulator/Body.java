package dev.camelsegmind.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A response body of known length that writes itself. Media bodies are built from parts so a
 * gigabyte file is a few kilobytes of real bytes plus a count of zeros, never a gigabyte array.
 */
interface Body {

    long length();

    void writeTo(OutputStream out) throws IOException;

    static Body bytes(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Body zeros(long count) {
        return new Zeros(count);
    }

    static Body concat(Body... parts) {
        return new Concat(List.of(parts));
    }

    record Bytes(byte[] bytes) implements Body {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    record Zeros(long count) implements Body {
        /** Shared and never written to, so one buffer serves every download. */
        private static final byte[] BLOCK = new byte[64 * 1024];

        @Override
        public long length() {
            return count;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long left = count;
            while (left > 0) {
                int n = (int) Math.min(BLOCK.length, left);
                out.write(BLOCK, 0, n);
                left -= n;
            }
        }
    }

    record Concat(List<Body> parts) implements Body {
        @Override
        public long length() {
            long total = 0;
            for (Body part : parts) {
                total += part.length();
            }
            return total;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (Body part : parts) {
                part.writeTo(out);
            }
        }
    }
}
