package dev.camelsegmind.component.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending jobs as one small JSON file each in a directory, named by a digest of the job key (keys are user
 * expressions and may hold any character). Survives restarts, and may be shared by JVMs on one host or a shared file
 * system: a claim creates its file with a hard link, which fails atomically when the file exists; a write replaces the
 * file by an atomic rename, so a reader never sees half an entry; a removal deletes the file.
 */
public final class FilePendingJobStore implements PendingJobStore {

    private static final Logger LOG = LoggerFactory.getLogger(FilePendingJobStore.class);
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final Clock clock;

    public FilePendingJobStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public FilePendingJobStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the pending-job directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<PendingJob> putIfAbsent(PendingJob job) {
        Path target = fileOf(job.jobKey());
        Path temp = writeTemp(job);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Files.createLink(target, temp);
                    return Optional.empty();
                } catch (FileAlreadyExistsException e) {
                    Optional<PendingJob> existing = read(target);
                    if (existing.isPresent()) {
                        return existing;
                    }
                    // expired or unreadable entries were deleted by read(): claim again
                } catch (UnsupportedOperationException e) {
                    return createNew(target, job);
                }
            }
            return read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the pending-job entry " + target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Where a file system has no hard links: exclusive creation is still atomic, the content is written after. */
    private Optional<PendingJob> createNew(Path target, PendingJob job) throws IOException {
        try {
            Files.writeString(target, PendingJobJson.write(job), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            return Optional.empty();
        } catch (FileAlreadyExistsException e) {
            return read(target);
        }
    }

    @Override
    public void put(PendingJob job) {
        Path temp = writeTemp(job);
        try {
            Files.move(temp, fileOf(job.jobKey()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write the pending-job entry for " + job.requestId(), e);
        }
    }

    @Override
    public Optional<PendingJob> find(String jobKey) {
        return read(fileOf(jobKey));
    }

    @Override
    public void remove(String jobKey) {
        deleteQuietly(fileOf(jobKey));
    }

    @Override
    public Collection<PendingJob> list() {
        List<PendingJob> jobs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : files) {
                read(f).ifPresent(jobs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the pending-job directory " + directory, e);
        }
        return jobs;
    }

    private Optional<PendingJob> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pending-job entry " + file, e);
        }
        try {
            PendingJob job = PendingJobJson.read(text);
            if (job.isExpired(clock.instant())) {
                deleteQuietly(file);
                Expiry.dropped(job);
                return Optional.empty();
            }
            return Optional.of(job);
        } catch (IOException | RuntimeException e) {
            // a file cut short by a crash of the fallback path; a claim may then start anew
            LOG.warn("Removing an unreadable pending-job entry {}: {}", file.getFileName(), e.getMessage());
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    private Path writeTemp(PendingJob job) {
        try {
            Path temp = Files.createTempFile(directory, ".claim-", ".tmp");
            Files.writeString(temp, PendingJobJson.write(job), StandardCharsets.UTF_8);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write in the pending-job directory " + directory, e);
        }
    }

    private Path fileOf(String jobKey) {
        return directory.resolve(JobKeys.sha256(jobKey) + SUFFIX);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover file is read again and expires with its job
        }
    }

    @Override
    public String toString() {
        return "FilePendingJobStore[" + directory + "]";
    }
}
