package dev.camelsegmind.component.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import dev.camelsegmind.component.engine.DownloadOptions;
import dev.camelsegmind.component.engine.FetchedMedia;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.MediaDownloader;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.model.SegmindMedia;

/**
 * Downloads a job's outputs. A file is written under a temporary name and only becomes visible once its length
 * matches {@code Content-Length}, so a route never sees half a video. Small media stays in memory and touches no file.
 * <p>
 * Output URLs are often served by a CDN that redirects; since the HTTP client follows no redirect (a keyed call must
 * never carry its key across one), redirects are followed here, by hand: at most {@value #MAX_REDIRECTS} hops, only
 * to http and https URLs, and never with a key, as no download carries one. Each download is bounded three ways: the
 * wait for headers and any silence of the body by {@code requestTimeout}, the whole download by the download
 * options' timeout, and the job's deadline, which gives up the call (its connection closed, its partial file
 * deleted).
 */
public final class HttpMediaDownloader implements MediaDownloader {

    /** Enough for a CDN's edge-to-origin hops; a longer chain is a loop. */
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Compiled once: every output of every job is named through {@link #safeName}. */
    private static final Pattern UNSAFE_CHARS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern DOT_RUNS = Pattern.compile("\\.{2,}");

    private final HttpTransport http;
    private final Duration requestTimeout;
    private final ScheduledExecutorService timer;

    /**
     * @param requestTimeout the wait for an answer's headers and the longest silence of its body
     * @param timer          ends a download that outlives the download options' timeout
     */
    public HttpMediaDownloader(HttpTransport http, Duration requestTimeout, ScheduledExecutorService timer) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.timer = timer;
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
        // created only if the body needs the disk: a broken directory fails the download then (the GET is not billed)
        PartFile part = PartFile.whenNeeded(options.directory(), baseName);
        CompletableFuture<FetchedMedia> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> onWire = new AtomicReference<>();
        ScheduledFuture<?> limit = overall(job, index, result, options.timeout());
        result.whenComplete((m, e) -> {
            if (limit != null) {
                limit.cancel(false);
            }
            CompletableFuture<?> call = onWire.get();
            if (e != null && call != null && !call.isDone()) {
                // given up (deadline, stop, overall limit): the call is aborted, and its file deleted below
                call.cancel(true);
            }
        });
        follow(job, ref, index, URI.create(ref.url()), 0, baseName, part, options, onWire, result);
        return result;
    }

    private void follow(JobHandle job, MediaRef ref, int index, URI uri, int hops, String baseName, PartFile part,
                        DownloadOptions options, AtomicReference<CompletableFuture<?>> onWire,
                        CompletableFuture<FetchedMedia> result) {
        if (result.isDone()) {
            part.delete();
            return;
        }
        CompletableFuture<MediaResponse> call = http.download(uri, requestTimeout, requestTimeout,
                options.inMemoryThreshold(), options.maxSize(), part);
        onWire.set(call);
        if (result.isDone()) {
            call.cancel(true);
        }
        BiConsumer<MediaResponse, Throwable> onAnswer = (response, failure) -> {
            try {
                if (failure != null) {
                    throw failed(job, index, part, failure);
                }
                URI next = redirectOf(job, uri, response, hops);
                if (next != null) {
                    follow(job, ref, index, next, hops + 1, baseName, part, options, onWire, result);
                    return;
                }
                FetchedMedia media = complete(job, ref, baseName, part, response, options);
                if (!result.complete(media)) {
                    // given up while the last bytes came in: nothing stays on disk
                    deleteQuietly(media.getDownloadedFile());
                }
            } catch (CompletionException e) {
                part.delete();
                result.completeExceptionally(e.getCause());
            } catch (RuntimeException e) {
                part.delete();
                result.completeExceptionally(e);
            }
        };
        // an answer comes on the client's executor already, and is read there without another hand-over; a failure
        // may come on the thread that gave the call up (a job's deadline, on the scheduler), so its clean-up moves
        call.whenComplete((response, failure) -> {
            if (failure == null) {
                onAnswer.accept(response, null);
                return;
            }
            try {
                http.executor().execute(() -> onAnswer.accept(null, failure));
            } catch (RejectedExecutionException stopping) {
                onAnswer.accept(null, failure);
            }
        });
    }

    /** Where a redirect points, checked; null when the answer is not a redirect. */
    private static URI redirectOf(JobHandle job, URI from, MediaResponse response, int hops) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return null;
        }
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new CompletionException(new SegmindDownloadException("The media server answered HTTP "
                    + response.statusCode() + " without a Location for request " + job.requestId(),
                    response.statusCode(), job.requestId(), job.model(), false, null));
        }
        if (hops >= MAX_REDIRECTS) {
            throw new CompletionException(new SegmindDownloadException("The media of request " + job.requestId()
                    + " was redirected more than " + MAX_REDIRECTS + " times; not followed further",
                    response.statusCode(), job.requestId(), job.model(), false, null));
        }
        URI next;
        try {
            next = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            next = null;
        }
        String scheme = next == null || next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (next == null || next.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new CompletionException(new SegmindDownloadException("The media of request " + job.requestId()
                    + " was redirected to '" + SafeText.forMessage(location, 80) + "', which is not an http or"
                    + " https URL; not followed", response.statusCode(), job.requestId(), job.model(), false, null));
        }
        return next;
    }

    private ScheduledFuture<?> overall(JobHandle job, int index, CompletableFuture<FetchedMedia> result,
                                       Duration timeout) {
        if (timer == null || timeout == null) {
            return null;
        }
        try {
            return timer.schedule(() -> result.completeExceptionally(new SegmindDownloadException("Download of output "
                    + (index + 1) + " of request " + job.requestId() + " took longer than " + timeout.toMillis()
                    + " ms; given up", 0, job.requestId(), job.model(), false,
                    new HttpTimeoutException("download time limit"))), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private static CompletionException failed(JobHandle job, int index, PartFile part, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SegmindDownloadException) {
            return new CompletionException(cause);
        }
        if (cause instanceof PartFile.NotCreated) {
            return new CompletionException(new SegmindDownloadException("Cannot create a download file in "
                    + part.directory() + " (option downloadDirectory): " + cause.getMessage(), 0, job.requestId(),
                    job.model(), false, cause));
        }
        boolean tooLarge = cause instanceof MediaDownload.TooLargeException;
        return new CompletionException(new SegmindDownloadException("Download of output " + (index + 1)
                + " of request " + job.requestId() + " failed: " + cause.getMessage(), 0, job.requestId(),
                job.model(), !tooLarge, cause));
    }

    private static FetchedMedia complete(JobHandle job, MediaRef ref, String baseName, PartFile part,
                                         MediaResponse response, DownloadOptions options) {
        MediaDownload body = response.body();
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new CompletionException(new SegmindDownloadException("Download of " + SafeText.forMessage(ref.url(),
                    200) + " for request " + job.requestId() + " answered HTTP " + response.statusCode(),
                    response.statusCode(), job.requestId(), job.model(),
                    response.statusCode() >= 500 || response.statusCode() == 429, null));
        }
        if (body.declaredLength() >= 0 && body.received() != body.declaredLength()) {
            throw new CompletionException(new SegmindDownloadException("Download of request " + job.requestId()
                    + " was truncated: " + body.received() + " of " + body.declaredLength() + " bytes",
                    response.statusCode(), job.requestId(), job.model(), true, null));
        }
        String type = contentType(response.headers(), ref.contentType(), ref.url(), body);
        try {
            return keep(part, body, ref.url(), type, baseName, extension(type, ref.url()));
        } catch (IOException e) {
            throw new CompletionException(new SegmindDownloadException("Cannot move the downloaded media of request "
                    + job.requestId() + " into place: " + e.getMessage(), 0, job.requestId(), job.model(), false, e));
        }
    }

    /**
     * Turns a finished body into media: in memory as it came, or its temporary file moved to {@code baseName.ext}
     * beside it (or, when another download of the same job holds that name, kept under its own unique name).
     * The temporary file is gone afterwards either way.
     */
    public static SegmindMedia keep(PartFile partFile, MediaDownload body, String url, String type, String baseName,
                                    String ext) throws IOException {
        String fileName = baseName + "." + ext;
        if (body.bytes() != null) {
            partFile.delete();
            return SegmindMedia.inMemory(url, type, fileName, body.bytes());
        }
        Path part = body.file();
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
            target = part.resolveSibling(partName.substring(0, partName.length() - ".part".length()) + "." + ext);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return SegmindMedia.onDisk(url, type, fileName, target, body.received());
    }

    /** The media type of a body: its header unless generic, else the hint, the bytes, or the URL's file name. */
    public static String contentType(Headers headers, String hint, String url, MediaDownload body) {
        String header = headers.firstValue("content-type").orElse(null);
        if (header != null && !header.isBlank() && !header.startsWith("application/octet-stream")
                && !header.startsWith("binary/")) {
            return header.split(";")[0].trim();
        }
        if (hint != null) {
            return hint;
        }
        String sniffed = body.bytes() != null ? MediaTypes.sniff(body.bytes()) : sniffFile(body.file());
        if (sniffed != null) {
            return sniffed;
        }
        String fromName = url == null ? null : MediaTypes.fromFileName(url.replaceAll("[?#].*$", ""));
        return fromName != null ? fromName : "application/octet-stream";
    }

    /** The file extension for a media type, or the URL's when the type says nothing better than "bin". */
    public static String extension(String type, String url) {
        String ext = MediaTypes.extensionFor(type);
        if ("bin".equals(ext) && url != null) {
            String fromUrl = MediaTypes.extensionFromUrl(url);
            return fromUrl != null ? fromUrl : ext;
        }
        return ext;
    }

    private static String sniff(byte[] bytes) {
        String s = MediaTypes.sniff(bytes);
        return s != null ? s : "application/octet-stream";
    }

    private static String sniffFile(Path file) {
        if (file == null) {
            return null;
        }
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
        String name = requestId == null ? ""
                : DOT_RUNS.matcher(UNSAFE_CHARS.matcher(requestId).replaceAll("_")).replaceAll(".");
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name.isEmpty() ? "output" : name;
    }

    public static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the job's outcome is what matters
        }
    }
}
