package dev.camelsegmind.component.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The body of a media answer: either bytes in memory or a file on disk, with the number of bytes actually received
 * so the caller can compare it with {@code Content-Length}. Bodies over the size limit are refused while streaming,
 * when the limit is crossed, before they fill memory or the disk. An answer that is not media (an error, or a JSON
 * answer of a sync call) is read into memory within the limits of any API answer.
 */
public final class MediaDownload {

    private final byte[] bytes;
    private final Path file;
    private final long received;
    private final long declaredLength;

    private MediaDownload(byte[] bytes, Path file, long received, long declaredLength) {
        this.bytes = bytes;
        this.file = file;
        this.received = received;
        this.declaredLength = declaredLength;
    }

    /** The body when it is held in memory, else null. */
    public byte[] bytes() {
        return bytes;
    }

    /** The file the body was written to, else null. */
    public Path file() {
        return file;
    }

    public long received() {
        return received;
    }

    /** Content-Length as the server declared it, or -1. */
    public long declaredLength() {
        return declaredLength;
    }

    /** Raised while streaming when a body grows past the configured maximum. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("media is larger than the limit of " + limit + " bytes (option maxMediaSize)");
        }
    }

    /**
     * @param jsonIsAnswer whether a JSON body is an answer to read (a sync call answers media or JSON) rather than
     *                     media to keep
     */
    static HttpResponse.BodyHandler<MediaDownload> handler(long inMemoryThreshold, long maxSize, Path target,
                                                           boolean jsonIsAnswer) {
        return info -> {
            long length = info.headers().firstValueAsLong("content-length").orElse(-1L);
            if (info.statusCode() < 200 || info.statusCode() >= 300) {
                return answer(BoundedBytes.of(info, HttpTransport.MAX_ERROR_BYTES, true), length);
            }
            String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            if (jsonIsAnswer && type.contains("json")) {
                return answer(BoundedBytes.of(info, HttpTransport.MAX_ANSWER_BYTES, false), length);
            }
            if (maxSize > 0 && length > maxSize) {
                return new Refused(maxSize);
            }
            return new MediaSubscriber(target, inMemoryThreshold, maxSize, length);
        };
    }

    private static HttpResponse.BodySubscriber<MediaDownload> answer(HttpResponse.BodySubscriber<byte[]> bytes,
                                                                     long length) {
        return HttpResponse.BodySubscribers.mapping(bytes, b -> new MediaDownload(b, null, b.length, length));
    }

    /** A body refused on its Content-Length: the connection is closed before a byte is read. */
    private static final class Refused implements HttpResponse.BodySubscriber<MediaDownload> {
        private final CompletableFuture<MediaDownload> result = new CompletableFuture<>();
        private final long limit;

        Refused(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<MediaDownload> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            result.completeExceptionally(new TooLargeException(limit));
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.completeExceptionally(new TooLargeException(limit));
        }
    }

    /**
     * Keeps a body in memory while it stays within the threshold (a declared length above it goes to disk from the
     * first byte), and moves it to the file the moment it grows past it, whatever Content-Length said or whether it
     * said anything. Counts every byte against the size limit on either path. Runs on the HTTP client's executor.
     */
    private static final class MediaSubscriber implements HttpResponse.BodySubscriber<MediaDownload> {
        private final Path target;
        private final long threshold;
        private final long maxSize;
        private final long declared;
        private final CompletableFuture<MediaDownload> result = new CompletableFuture<>();
        private ByteArrayOutputStream memory;
        private FileChannel channel;
        private Flow.Subscription subscription;
        private long received;

        MediaSubscriber(Path target, long threshold, long maxSize, long declared) {
            this.target = target;
            // an array holds at most 2 GiB: beyond that, memory is no option whatever the threshold says
            this.threshold = Math.min(threshold, Integer.MAX_VALUE - 16);
            this.maxSize = maxSize;
            this.declared = declared;
        }

        @Override
        public CompletionStage<MediaDownload> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            try {
                if (declared > threshold) {
                    openFile();
                } else {
                    memory = new ByteArrayOutputStream((int) Math.min(declared >= 0 ? declared : 8192, 1 << 20));
                }
            } catch (IOException e) {
                s.cancel();
                result.completeExceptionally(e);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer b : buffers) {
                    received += b.remaining();
                    if (maxSize > 0 && received > maxSize) {
                        throw new TooLargeException(maxSize);
                    }
                    if (memory != null && received > threshold) {
                        spill();
                    }
                    if (memory != null) {
                        byte[] chunk = new byte[b.remaining()];
                        b.get(chunk);
                        memory.write(chunk, 0, chunk.length);
                    } else {
                        while (b.hasRemaining()) {
                            channel.write(b);
                        }
                    }
                }
            } catch (IOException e) {
                subscription.cancel();
                fail(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            fail(t);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            if (memory != null) {
                result.complete(new MediaDownload(memory.toByteArray(), null, received, declared));
                return;
            }
            try {
                channel.close();
                result.complete(new MediaDownload(null, target, received, declared));
            } catch (IOException e) {
                fail(e);
            }
        }

        private void openFile() throws IOException {
            if (target == null) {
                throw new IOException("no download file for media larger than the in-memory threshold");
            }
            channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        /** The body outgrew the threshold: what is in memory goes to the file, and the rest follows it there. */
        private void spill() throws IOException {
            openFile();
            ByteBuffer held = ByteBuffer.wrap(memory.toByteArray());
            memory = null;
            while (held.hasRemaining()) {
                channel.write(held);
            }
        }

        private void fail(Throwable t) {
            memory = null;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the download already failed; the close error adds nothing
            }
            if (channel != null) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // a temporary file the caller deletes too; the download error is what matters
                }
            }
            result.completeExceptionally(t);
        }
    }
}
