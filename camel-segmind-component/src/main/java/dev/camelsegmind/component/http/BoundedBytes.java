package dev.camelsegmind.component.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An answer's body read into memory up to a limit. A body announced larger than the limit is refused before a byte
 * is read; one that grows past it fails as the limit is crossed, or, for an error answer whose status already says
 * what happened, ends with what came so far. Either way the rest is never read.
 */
final class BoundedBytes implements BodySink<byte[]> {

    private final long limit;
    private final boolean truncate;
    private ByteBuilder bytes;

    private BoundedBytes(long limit, boolean truncate, long declared) {
        this.limit = limit;
        this.truncate = truncate;
        this.bytes = new ByteBuilder(declared, limit);
    }

    /**
     * @param truncate whether to keep the first {@code limit} bytes of a larger body instead of failing
     * @param declared Content-Length, or -1
     * @throws AnswerTooLargeException when {@code declared} is over the limit and the body is not to be truncated
     */
    static BoundedBytes open(long limit, boolean truncate, long declared) throws AnswerTooLargeException {
        if (!truncate && declared > limit) {
            throw new AnswerTooLargeException(limit);
        }
        return new BoundedBytes(limit, truncate, declared);
    }

    @Override
    public boolean write(ByteBuffer data) throws IOException {
        int n = (int) Math.min(data.remaining(), limit - bytes.size());
        bytes.take(data, n);
        if (!data.hasRemaining()) {
            return true;
        }
        if (truncate) {
            return false;
        }
        bytes = null;
        throw new AnswerTooLargeException(limit);
    }

    @Override
    public byte[] finish() {
        return bytes.toArray();
    }

    @Override
    public void discard() {
        bytes = null;
    }
}
