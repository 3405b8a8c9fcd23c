package dev.camelsegmind.component.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growing byte array filled straight from the client's buffers: one copy per chunk, none per growth step. */
final class ByteBuilder {

    private byte[] bytes;
    private int size;

    /** @param expected the size announced (Content-Length), or -1: sizes the first array, never beyond a limit */
    ByteBuilder(long expected, long limit) {
        long first = expected >= 0 ? Math.min(expected, limit) : Math.min(8192, limit);
        this.bytes = new byte[(int) Math.max(0, Math.min(first, Integer.MAX_VALUE - 16))];
    }

    int size() {
        return size;
    }

    /** Takes {@code n} bytes of {@code data}. */
    void take(ByteBuffer data, int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max((long) size + n, 2L * bytes.length)));
        }
        data.get(bytes, size, n);
        size += n;
    }

    byte[] toArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
