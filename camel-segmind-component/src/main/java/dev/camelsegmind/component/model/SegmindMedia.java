package dev.camelsegmind.component.model;

import dev.camelsegmind.component.engine.FetchedMedia;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated media file, as the producer puts it in the message body. Small media is held in memory; anything
 * larger than the in-memory threshold is streamed to a file on disk and never enters the heap. Camel converts it to
 * {@code byte[]}, {@code InputStream}, {@code File} and {@code Path}, so {@code to("file:outbox")} just works.
 */
public final class SegmindMedia implements FetchedMedia {

    private final String url;
    private final String contentType;
    private final String fileName;
    private final long size;
    private final byte[] bytes;
    private volatile Path file;

    private SegmindMedia(String url, String contentType, String fileName, long size, byte[] bytes, Path file) {
        this.url = url;
        this.contentType = contentType;
        this.fileName = fileName;
        this.size = size;
        this.bytes = bytes;
        this.file = file;
    }

    public static SegmindMedia inMemory(String url, String contentType, String fileName, byte[] bytes) {
        return new SegmindMedia(url, contentType, fileName, bytes.length, Objects.requireNonNull(bytes), null);
    }

    public static SegmindMedia onDisk(String url, String contentType, String fileName, Path file, long size) {
        return new SegmindMedia(url, contentType, fileName, size, null, Objects.requireNonNull(file));
    }

    /** The output URL the media was downloaded from (kept about seven days by Segmind). */
    public String getUrl() {
        return url;
    }

    public String getContentType() {
        return contentType;
    }

    /** The name the component gives the file: {@code <request-id>[-n].<ext>}. */
    public String getFileName() {
        return fileName;
    }

    public long getSize() {
        return size;
    }

    public boolean isInMemory() {
        return bytes != null;
    }

    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toBytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The media as a file. In-memory media is written to a temporary file on first call, so a route that asks for a
     * {@code File} always gets one.
     */
    public Path toPath() {
        Path f = file;
        if (f == null) {
            synchronized (this) {
                if (file == null) {
                    try {
                        String ext = fileName != null && fileName.contains(".")
                                ? fileName.substring(fileName.lastIndexOf('.')) : ".bin";
                        Path tmp = Files.createTempFile("segmind-", ext);
                        Files.write(tmp, bytes);
                        tmp.toFile().deleteOnExit();
                        file = tmp;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                f = file;
            }
        }
        return f;
    }

    public File toFile() {
        return toPath().toFile();
    }

    /** The file behind on-disk media, or null for in-memory media that was never written out. */
    public Path getDownloadedFile() {
        return bytes == null ? file : null;
    }

    @Override
    public String toString() {
        return "SegmindMedia[" + fileName + ", " + contentType + ", " + size + " bytes" + (bytes != null ? ", in memory" : ", " + file) + "]";
    }
}
