package dev.camelsegmind.component.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

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
     * Where an answer's body goes, chosen on its status and headers.
     *
     * @param jsonIsAnswer whether a JSON body is an answer to read (a sync call answers media or JSON) rather than
     *                     media to keep
     * @throws TooLargeException when the announced length is over {@code maxSize}: refused before a byte is read
     */
    static BodySink<MediaDownload> sink(int status, Headers headers, long inMemoryThreshold, long maxSize,
                                        PartFile target, boolean jsonIsAnswer) throws IOException {
        long length = headers.firstValueAsLong("content-length").orElse(-1L);
        if (status < 200 || status >= 300) {
            return answer(BoundedBytes.open(HttpTransport.MAX_ERROR_BYTES, true, length), length);
        }
        String type = headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (jsonIsAnswer && type.contains("json")) {
            return answer(BoundedBytes.open(HttpTransport.MAX_ANSWER_BYTES, false, length), length);
        }
        if (maxSize > 0 && length > maxSize) {
            throw new TooLargeException(maxSize);
        }
        return new MediaSink(target, inMemoryThreshold, maxSize, length);
    }

    private static BodySink<MediaDownload> answer(BoundedBytes bytes, long length) {
        return new BodySink<>() {
            @Override
            public boolean write(ByteBuffer data) throws IOException {
                return bytes.write(data);
            }

            @Override
            public MediaDownload finish() {
                byte[] b = bytes.finish();
                return new MediaDownload(b, null, b.length, length);
            }

            @Override
            public void discard() {
                bytes.discard();
            }
        };
    }

    /**
     * Keeps a body in memory while it stays within the threshold (a declared length above it goes to disk from the
     * first byte), and moves it to the file the moment it grows past it, whatever Content-Length said or whether it
     * said anything. Counts every byte against the size limit on either path. The client's buffers are written to
     * the file as they come: no copy of the body is held on the way.
     */
    private static final class MediaSink implements BodySink<MediaDownload> {
        private final PartFile target;
        private final long threshold;
        private final long maxSize;
        private final long declared;
        private ByteBuilder memory;
        private FileChannel channel;
        private long received;

        MediaSink(PartFile target, long threshold, long maxSize, long declared) throws IOException {
            this.target = target;
            // an array holds at most 2 GiB: beyond that, memory is no option whatever the threshold says
            this.threshold = Math.min(threshold, Integer.MAX_VALUE - 16);
            this.maxSize = maxSize;
            this.declared = declared;
            if (declared > this.threshold) {
                openFile();
            } else {
                memory = new ByteBuilder(declared >= 0 ? declared : 8192, 1 << 20);
            }
        }

        @Override
        public boolean write(ByteBuffer data) throws IOException {
            received += data.remaining();
            if (maxSize > 0 && received > maxSize) {
                throw new TooLargeException(maxSize);
            }
            if (memory != null && received > threshold) {
                spill();
            }
            if (memory != null) {
                memory.take(data, data.remaining());
            } else {
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
            return true;
        }

        @Override
        public MediaDownload finish() throws IOException {
            if (memory != null) {
                return new MediaDownload(memory.toArray(), null, received, declared);
            }
            channel.close();
            return new MediaDownload(null, target.path(), received, declared);
        }

        @Override
        public void discard() {
            memory = null;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the download already failed; the close error adds nothing
            }
            if (target != null) {
                // whether or not a byte reached it: a failed download leaves no file behind
                target.delete();
            }
        }

        private void openFile() throws IOException {
            if (target == null) {
                throw new IOException("no download file for media larger than the in-memory threshold");
            }
            channel = FileChannel.open(target.create(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        /** The body outgrew the threshold: what is in memory goes to the file, and the rest follows it there. */
        private void spill() throws IOException {
            openFile();
            ByteBuffer held = ByteBuffer.wrap(memory.toArray());
            memory = null;
            while (held.hasRemaining()) {
                channel.write(held);
            }
        }
    }
}
