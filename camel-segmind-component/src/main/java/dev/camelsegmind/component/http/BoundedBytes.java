package dev.camelsegmind.component.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body read into memory up to a limit, so a server cannot make the component hold more than that for one answer.
 * Past the limit the subscription is cancelled, which closes the connection instead of reading to the end; the body
 * then either fails ({@link AnswerTooLargeException}) or, for an error answer whose status already says what
 * happened, ends with what came so far.
 */
final class BoundedBytes implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final boolean truncate;
    private final long declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    /**
     * @param truncate whether to keep the first {@code limit} bytes of a larger body instead of failing
     * @param declared Content-Length, or -1
     */
    BoundedBytes(long limit, boolean truncate, long declared) {
        this.limit = limit;
        this.truncate = truncate;
        this.declared = declared;
    }

    static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long limit, boolean truncate) {
        return new BoundedBytes(limit, truncate, info.headers().firstValueAsLong("content-length").orElse(-1L));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (!truncate && declared > limit) {
            // refused on its Content-Length, before a byte is read
            s.cancel();
            body.completeExceptionally(new AnswerTooLargeException(limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int room = (int) Math.min(Integer.MAX_VALUE, limit - bytes.size());
            int n = Math.min(room, b.remaining());
            byte[] chunk = new byte[n];
            b.get(chunk);
            bytes.write(chunk, 0, n);
            if (b.hasRemaining()) {
                subscription.cancel();
                if (truncate) {
                    body.complete(bytes.toByteArray());
                } else {
                    body.completeExceptionally(new AnswerTooLargeException(limit));
                }
                return;
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }
}
