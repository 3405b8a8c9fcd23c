package dev.camelsegmind.component.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelsegmind.component.error.SegmindValidationException;

/**
 * Non-blocking HTTP for every provider, on the JDK's {@link HttpClient}. Every call returns at once with a future; no
 * thread waits for an answer. Here, once, live the rules that hold for every call:
 * <ul>
 * <li>the key goes only where its {@link KeyPolicy} allows, and no call follows a redirect (the client is built with
 * {@code Redirect.NEVER}), so a key never crosses one;</li>
 * <li>every call ends by its time limit: the JDK's request timeout for the headers, then the same limit on any
 * silence of the body ({@link BodyIdleTimeoutException}), which the JDK does not bound;</li>
 * <li>an answer is read into memory only up to a limit: {@link #MAX_ANSWER_BYTES} for an API answer,
 * {@link #MAX_ERROR_BYTES} of an error page, media up to its caller's threshold and size limit;</li>
 * <li>a caller that gives a call up (cancels its future, or completes it exceptionally) aborts it: a call still
 * waiting for its turn is never sent, one on the wire has its connection closed and its partial file deleted.</li>
 * </ul>
 * Knows no provider's JSON: that is each adapter's job.
 */
public final class HttpTransport {

    /** Enough to keep a loopback or WAN link busy; measured in docs/performance.md with 10,000 jobs in flight. */
    static final int MAX_CONCURRENT_REQUESTS = 128;
    /**
     * The largest API answer (JSON: a submit, status, result, credits, upload or sync answer) read into memory: 64
     * MiB, room for a result that carries its media inline as base64. A constant rather than an option: a real answer
     * is far below it, and it only bounds what a broken or hostile server can make one call hold. A larger answer
     * fails the call when the limit is crossed ({@link AnswerTooLargeException}).
     */
    public static final long MAX_ANSWER_BYTES = 64L << 20;
    /** Of an error answer only this much is read (its status says what happened); the rest is cut off unread. */
    public static final long MAX_ERROR_BYTES = 64L << 10;

    private final HttpClient http;
    private final String userAgent;
    private final RequestGate gate;
    private final ScheduledExecutorService timer;
    private final Executor executor;

    /**
     * @param timer runs the body idle checks (each only looks at a clock and hands an abort to the client's executor)
     */
    public HttpTransport(HttpClient http, String userAgent, ScheduledExecutorService timer) {
        this.http = http;
        this.userAgent = userAgent;
        this.executor = http.executor().orElse(Runnable::run);
        this.gate = new RequestGate(MAX_CONCURRENT_REQUESTS, executor);
        this.timer = timer;
    }

    /** A keyed GET of an API answer; {@code timeout} bounds the wait for the headers and any silence of the body. */
    public CompletableFuture<ApiResponse> get(URI uri, ApiKey key, Duration timeout) {
        HttpRequest request;
        try {
            request = base(uri, key, timeout).GET().build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer(request, timeout);
    }

    /** A keyed POST of JSON, answered with JSON; limits as {@link #get}. */
    public CompletableFuture<ApiResponse> postJson(URI uri, ApiKey key, byte[] json, Duration timeout) {
        HttpRequest request;
        try {
            request = post(uri, key, json, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer(request, timeout);
    }

    /**
     * A keyed POST of JSON whose answer is either JSON or the media itself (a sync call). Media is read like a
     * download (see {@link #download}); a JSON answer or an error is read as an API answer.
     *
     * @param timeout how long the server may take to answer (a sync call renders before it answers)
     * @param idle    the longest silence of the body once the answer has begun
     */
    public CompletableFuture<HttpResponse<MediaDownload>> postForMedia(URI uri, ApiKey key, byte[] json,
                                                                      Duration timeout, Duration idle,
                                                                      long inMemoryThreshold, long maxSize,
                                                                      Path target) {
        HttpRequest request;
        try {
            request = post(uri, key, json, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange(request, MediaDownload.handler(inMemoryThreshold, maxSize, target, true), idle);
    }

    /**
     * Downloads a media URL: bodies up to {@code inMemoryThreshold} bytes stay in memory, larger or unsized ones stream
     * to {@code target}, and a body past {@code maxSize} is cut off as the limit is crossed. Media URLs need no key,
     * so none is sent: the key must never travel to a third-party host. A redirect is answered as it came (the
     * caller may follow it: no key goes with this call).
     *
     * @param timeout the wait for the headers
     * @param idle    the longest silence of the body once it has begun
     */
    public CompletableFuture<HttpResponse<MediaDownload>> download(URI uri, Duration timeout, Duration idle,
                                                                   long inMemoryThreshold, long maxSize, Path target) {
        HttpRequest request;
        try {
            request = base(uri, null, timeout).GET().build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange(request, MediaDownload.handler(inMemoryThreshold, maxSize, target, false), idle);
    }

    /** Where HTTP completions run: never the engine's scheduler. */
    Executor executor() {
        return executor;
    }

    /** Calls on the wire now (at most {@value #MAX_CONCURRENT_REQUESTS}; the rest wait their turn). */
    public int callsInFlight() {
        return gate.running();
    }

    /**
     * Makes giving up {@code derived} (a stage built on a call's future) give up the call itself: CompletableFuture
     * does not pass a cancellation back to the stage it was built on.
     */
    public static <T> CompletableFuture<T> abortsCall(CompletableFuture<T> derived, CompletableFuture<?> call) {
        derived.whenComplete((v, e) -> {
            if (e != null && !call.isDone()) {
                call.cancel(true);
            }
        });
        return derived;
    }

    private CompletableFuture<ApiResponse> answer(HttpRequest request, Duration idle) {
        CompletableFuture<HttpResponse<byte[]>> call = exchange(request, info -> info.statusCode() >= 200
                && info.statusCode() < 300 ? BoundedBytes.of(info, MAX_ANSWER_BYTES, false)
                : BoundedBytes.of(info, MAX_ERROR_BYTES, true), idle);
        return abortsCall(call.thenApply(r -> new ApiResponse(r.statusCode(), r.headers(), r.body())), call);
    }

    /**
     * One exchange through the gate, its body guarded against silence, and aborted when its caller gives it up.
     */
    private <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            Duration idle) {
        AtomicReference<IdleGuard<T>> guard = new AtomicReference<>();
        CompletableFuture<HttpResponse<T>> result = gate.submit(() -> http.sendAsync(request, info -> {
            IdleGuard<T> g = new IdleGuard<>(handler.apply(info), idle, timer, executor);
            guard.set(g);
            return g;
        }));
        result.whenComplete((r, e) -> {
            IdleGuard<T> g = guard.get();
            if (e != null && g != null) {
                // the caller gave up while the body streamed: close the connection, let the body delete its file,
                // on the client's executor rather than the thread that gave up (the engine's scheduler, say)
                Throwable why = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                try {
                    executor.execute(() -> g.abort(why));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    g.abort(why);
                }
            }
        });
        return result;
    }

    private HttpRequest post(URI uri, ApiKey key, byte[] json, Duration timeout) {
        return base(uri, key, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private HttpRequest.Builder base(URI uri, ApiKey key, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "application/json, */*");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // plain-HTTP upgrade to h2c is pointless against a gateway and confuses simple servers
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (key != null) {
            if (!key.policy().allows(uri)) {
                throw new UntrustedHostException(uri.getHost());
            }
            b.header(key.header(), sendable(key.value()));
        }
        return b;
    }

    /**
     * The JDK refuses a header value with line breaks or non-ASCII characters and quotes the value in its message;
     * refusing it here first keeps the key out of every exception and log line.
     */
    private static String sendable(String apiKey) {
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new SegmindValidationException("Option apiKey holds a character that cannot be sent in an HTTP"
                        + " header (a line break, control or non-ASCII character at position " + (i + 1) + "); check"
                        + " how the key is set (the key itself is not shown)", "apiKey", null);
            }
        }
        return apiKey;
    }
}
