package dev.camelsegmind.simulator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes through the first {@code limit} bytes, flushes them onto the wire, then stops the
 * writer with {@link Cut}. Flushing matters: the bytes must reach the client before the
 * connection is torn down, or the "truncated" file would arrive empty.
 */
final class CuttingOutputStream extends FilterOutputStream {

    /** Thrown once the limit is reached; the sender expects it and closes the connection. */
    static final class Cut extends IOException {
        Cut() {
            super("response deliberately cut short");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not an error: the stack trace would be pure cost
        }
    }

    private long left;

    CuttingOutputStream(OutputStream out, long limit) {
        super(out);
        this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int allowed = (int) Math.min(len, left);
        if (allowed > 0) {
            out.write(b, off, allowed);
            left -= allowed;
        }
        if (allowed < len) {
            out.flush();
            throw new Cut();
        }
    }
}
