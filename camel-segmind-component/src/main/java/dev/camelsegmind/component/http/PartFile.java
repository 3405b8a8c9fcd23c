package dev.camelsegmind.component.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary file of one media answer. A polled job's download creates it only when the body needs the disk
 * (announced larger than the in-memory threshold, or outgrowing it): most media fits in memory, and an empty file
 * created and deleted for every job cost the kernel more CPU than the rest of the job's work (an inode allocated and
 * freed per job, a third of the overhead trial's CPU). A sync call creates it before it is sent, since its answer
 * is billed whether or not it can be kept.
 */
public final class PartFile {

    private final Path dir;
    private final String baseName;
    // guarded by this: created on the client's I/O thread, deleted on whichever thread ends the download
    private Path path;

    private PartFile(Path dir, String baseName, Path path) {
        this.dir = dir;
        this.baseName = baseName;
        this.path = path;
    }

    /** A file in {@code dir}, created when the body first needs it. */
    public static PartFile whenNeeded(Path dir, String baseName) {
        return new PartFile(dir, baseName, null);
    }

    /** A file in {@code dir}, created now, so a broken directory fails before anything is sent. */
    public static PartFile now(Path dir, String baseName) throws IOException {
        Files.createDirectories(dir);
        return new PartFile(dir, baseName, Files.createTempFile(dir, baseName + "-", ".part"));
    }

    /** A file that exists already. */
    public static PartFile of(Path existing) {
        return new PartFile(existing.getParent(), null, existing);
    }

    /**
     * The file, created now if it is not there yet (owner-only permissions, as every temporary file).
     *
     * @throws NotCreated when the directory cannot hold it
     */
    synchronized Path create() throws IOException {
        if (path == null) {
            try {
                Files.createDirectories(dir);
                path = Files.createTempFile(dir, baseName + "-", ".part");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new NotCreated(e);
            }
        }
        return path;
    }

    /** The file, or null while nothing needed it. */
    public synchronized Path path() {
        return path;
    }

    public Path directory() {
        return dir;
    }

    /** Deletes the file if there is one; a leftover temporary file is harmless, so a failure is ignored. */
    public void delete() {
        HttpMediaDownloader.deleteQuietly(path());
    }

    /** The download directory cannot hold the file; the message is the file system's. */
    public static final class NotCreated extends IOException {
        NotCreated(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
