package dev.camelsegmind.component.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelsegmind.component.engine.DownloadOptions;
import dev.camelsegmind.component.engine.FetchedMedia;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.MediaDownloader;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.SegmindMedia;

/**
 * Downloads a job's outputs. A file is written under a temporary name and only becomes visible once its length
 * matches {@code Content-Length}, so a route never sees half a video. Small media stays in memory.
 */
public final class HttpMediaDownloader implements MediaDownloader {

    private final HttpTransport http;

    public HttpMediaDownloader(HttpTransport http) {
        this.http = http;
    }

    /** Fetches output {@code index} of the job; the caller retries on a retryable {@link SegmindDownloadException}. */
    @Override
    public CompletableFuture<FetchedMedia> fetch(JobHandle job, MediaRef ref, int index, int count,
                                                 DownloadOptions options) {
        String baseName = safeName(job.requestId()) + (count > 1 ? "-" + (index + 1) : "");
        if (ref.inline() != null) {
            String type = ref.contentType() != null ? ref.contentType() : sniff(ref.inline());
            return CompletableFuture.completedFuture((FetchedMedia) SegmindMedia.inMemory(null, type,
                    baseName + "." + MediaTypes.extensionFor(type), ref.inline()));
        }
        Path dir = options.directory();
        Path part;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, baseName + "-", ".part");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SegmindDownloadException("Cannot create a download file in "
                    + dir + " (option downloadDirectory): " + e.getMessage(), 0, job.requestId(), job.model(), false, e));
        }
        CompletableFuture<HttpResponse<MediaDownload>> sent = http.download(URI.create(ref.url()), options.timeout(),
                options.inMemoryThreshold(), options.maxSize(), part);
        CompletableFuture<FetchedMedia> fetched = new CompletableFuture<>();
        // cancelled (the job was given up): the transfer ends and its file goes; a file that made it into place
        // meanwhile goes too
        fetched.whenComplete((m, e) -> {
            if (fetched.isCancelled()) {
                sent.cancel(true);
                deleteQuietly(part);
            }
        });
        sent.handle((response, failure) -> {
                    if (failure != null) {
                        deleteQuietly(part);
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        boolean tooLarge = cause instanceof MediaDownload.TooLargeException;
                        throw new CompletionException(new SegmindDownloadException("Download of output " + (index + 1)
                                + " of request " + job.requestId() + " failed: " + cause.getMessage(), 0,
                                job.requestId(), job.model(), !tooLarge, cause));
                    }
                    return complete(job, ref, baseName, part, response, options);
                })
                .whenComplete((media, failure) -> {
                    if (failure != null) {
                        fetched.completeExceptionally(failure);
                    } else if (!fetched.complete(media) && media.getDownloadedFile() != null) {
                        deleteQuietly(media.getDownloadedFile());
                    }
                });
        return fetched;
    }

    private FetchedMedia complete(JobHandle job, MediaRef ref, String baseName, Path part,
                                  HttpResponse<MediaDownload> response, DownloadOptions options) {
        MediaDownload body = response.body();
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            deleteQuietly(part);
            throw new CompletionException(new SegmindDownloadException("Download of " + ref.url() + " for request "
                    + job.requestId() + " answered HTTP " + response.statusCode(), response.statusCode(),
                    job.requestId(), job.model(), response.statusCode() >= 500 || response.statusCode() == 429, null));
        }
        if (body == null) {
            deleteQuietly(part);
            throw new CompletionException(new SegmindDownloadException("Media of request " + job.requestId()
                    + " is larger than the limit of " + options.maxSize() + " bytes (option maxMediaSize)",
                    response.statusCode(), job.requestId(), job.model(), false, null));
        }
        if (body.declaredLength() >= 0 && body.received() != body.declaredLength()) {
            deleteQuietly(part);
            throw new CompletionException(new SegmindDownloadException("Download of request " + job.requestId()
                    + " was truncated: " + body.received() + " of " + body.declaredLength() + " bytes",
                    response.statusCode(), job.requestId(), job.model(), true, null));
        }
        String type = contentType(response, ref, body);
        String fileName = baseName + "." + extension(type, ref);
        if (body.bytes() != null) {
            deleteQuietly(part);
            return SegmindMedia.inMemory(ref.url(), type, fileName, body.bytes());
        }
        try {
            Path target = part.resolveSibling(fileName);
            if (!target.normalize().getParent().equals(part.normalize().getParent())) {
                throw new IOException("the file name " + fileName + " would leave the download directory");
            }
            try {
                Files.createFile(target);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another download of the same job (two routes awaiting it) holds the name: never share, or delete,
                // its file; this one keeps the unique name of its temporary file
                String partName = part.getFileName().toString();
                target = part.resolveSibling(partName.substring(0, partName.length() - ".part".length()) + "."
                        + extension(type, ref));
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return SegmindMedia.onDisk(ref.url(), type, fileName, target, body.received());
        } catch (IOException e) {
            deleteQuietly(part);
            throw new CompletionException(new SegmindDownloadException("Cannot move the downloaded media of request "
                    + job.requestId() + " into place: " + e.getMessage(), 0, job.requestId(), job.model(), false, e));
        }
    }

    private static String contentType(HttpResponse<MediaDownload> response, MediaRef ref, MediaDownload body) {
        String header = response.headers().firstValue("content-type").orElse(null);
        if (header != null && !header.startsWith("application/octet-stream") && !header.startsWith("binary/")) {
            return header.split(";")[0].trim();
        }
        if (ref.contentType() != null) {
            return ref.contentType();
        }
        String sniffed = body.bytes() != null ? sniff(body.bytes()) : sniffFile(body.file());
        if (sniffed != null) {
            return sniffed;
        }
        String fromName = ref.url() == null ? null : MediaTypes.fromFileName(ref.url().replaceAll("[?#].*$", ""));
        return fromName != null ? fromName : "application/octet-stream";
    }

    private static String extension(String type, MediaRef ref) {
        String ext = MediaTypes.extensionFor(type);
        if ("bin".equals(ext) && ref.url() != null) {
            String fromUrl = MediaTypes.extensionFromUrl(ref.url());
            return fromUrl != null ? fromUrl : ext;
        }
        return ext;
    }

    private static String sniff(byte[] bytes) {
        String s = MediaTypes.sniff(bytes);
        return s != null ? s : "application/octet-stream";
    }

    private static String sniffFile(Path file) {
        try (var in = Files.newInputStream(file)) {
            return MediaTypes.sniff(in.readNBytes(32));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Files are named by request id, never by a name from the result (a {@code file_name} may hold {@code ../}). The
     * id comes from the server too, so anything but letters, digits, '.', '_' and '-' is replaced and dot runs are
     * shortened: no id can name a path outside the download directory.
     */
    public static String safeName(String requestId) {
        String name = requestId == null ? "" : requestId.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.{2,}", ".");
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name.isEmpty() ? "output" : name;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the job's outcome is what matters
        }
    }
}
