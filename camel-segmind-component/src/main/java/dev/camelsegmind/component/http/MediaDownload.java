package dev.camelsegmind.component.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.net.http.HttpResponse;

/**
 * The body of a media download: either bytes in memory or a file on disk, with the number of bytes actually
 * received so the caller can compare it with {@code Content-Length}. Bodies over the size limit are refused while
 * streaming, before they fill the disk.
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

    public byte[] bytes() {
        return bytes;
    }

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

    static HttpResponse.BodyHandler<MediaDownload> handler(long inMemoryThreshold, long maxSize, Path target) {
        return info -> {
            long length = info.headers().firstValueAsLong("content-length").orElse(-1L);
            if (info.statusCode() < 200 || info.statusCode() >= 300) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        b -> new MediaDownload(b, null, b.length, length));
            }
            if (maxSize > 0 && length > maxSize) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            if (length >= 0 && length <= inMemoryThreshold) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        b -> new MediaDownload(b, null, b.length, length));
            }
            return new FileSubscriber(target, maxSize, length);
        };
    }

    /**
     * Streams to a file through a channel, counting bytes and enforcing the limit. Writes happen on the HTTP
     * client's executor, never on a caller's thread.
     */
    private static final class FileSubscriber implements HttpResponse.BodySubscriber<MediaDownload> {
        private final Path target;
        private final long maxSize;
        private final long declared;
        private final CompletableFuture<MediaDownload> result = new CompletableFuture<>();
        private FileChannel channel;
        private Flow.Subscription subscription;
        private long received;

        FileSubscriber(Path target, long maxSize, long declared) {
            this.target = target;
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
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
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
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                }
            } catch (IOException e) {
                subscription.cancel();
                closeQuietly();
                deleteQuietly();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            closeQuietly();
            deleteQuietly();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            try {
                channel.close();
                result.complete(new MediaDownload(null, target, received, declared));
            } catch (IOException e) {
                deleteQuietly();
                result.completeExceptionally(e);
            }
        }

        private void closeQuietly() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the download already failed; the close error adds nothing
            }
        }

        private void deleteQuietly() {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // a temporary file the OS will clean; the download error is what matters
            }
        }
    }
}
