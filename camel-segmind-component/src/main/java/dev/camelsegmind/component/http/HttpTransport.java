package dev.camelsegmind.component.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking HTTP for every provider, on Apache HttpClient 5's async client. Every call returns at once with a
 * future; no thread waits for an answer. The client runs on two threads of its own ({@code SegmindHttp-N}), whatever
 * the JVM's common pool, and every answer is handed from them to the component's executor, where the rest of the
 * work runs. Here, once, live the rules that hold for every call:
 * <ul>
 * <li>the key goes only where its {@link KeyPolicy} allows (else {@link UntrustedHostException} before anything is
 * sent), and no call follows a redirect, so a key never crosses one;</li>
 * <li>every call ends by its time limit: {@code timeout} bounds the wait for the headers, and the same limit (or a
 * sync call's {@code idle}) any silence of the body ({@link BodyIdleTimeoutException});</li>
 * <li>an answer is read into memory only up to a limit: {@link #MAX_ANSWER_BYTES} for an API answer,
 * {@link #MAX_ERROR_BYTES} of an error page, media up to its caller's threshold and size limit, then streamed to its
 * file;</li>
 * <li>at most {@value #MAX_CONCURRENT_REQUESTS} calls are on the wire; the rest wait their turn holding no thread, and
 * their time limits start when they are sent;</li>
 * <li>a caller that gives a call up (cancels its future, or completes it exceptionally) aborts it: a call still
 * waiting for its turn is never sent, one on the wire has its connection closed and its partial file deleted.</li>
 * </ul>
 * Knows no provider's JSON: that is each adapter's job.
 */
public final class HttpTransport implements AutoCloseable {

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

    /** As the body is sent: no charset parameter, JSON is UTF-8 by definition. */
    private static final ContentType JSON = ContentType.create("application/json");

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final CloseableHttpAsyncClient client;
    private volatile boolean closing;
    private final String userAgent;
    private final RequestGate gate;
    private final ScheduledExecutorService timer;
    private final Executor executor;

    /**
     * Starts a client; {@link #close} stops it.
     *
     * @param connectTimeout the longest wait for a connection (and its TLS handshake)
     * @param proxyHost      a proxy every call goes through, or null
     * @param sslContext     the TLS setup, or null for the JVM's default (javax.net.ssl.* system properties)
     * @param executor       where every answer is handed over and read on: never the engine's scheduler
     * @param timer          watches the few limits the client's own timeout does not cover (each check only looks
     *                       at a clock and hands an abort to {@code executor})
     */
    public HttpTransport(Duration connectTimeout, String proxyHost, Integer proxyPort, SSLContext sslContext,
                         String userAgent, Executor executor, ScheduledExecutorService timer) {
        // a call given up is counted off at once, its connection closed a moment later: room for both
        this.client = ClientSetup.start(new ClientSetup.Settings(connectTimeout, proxyHost, proxyPort, sslContext),
                2 * MAX_CONCURRENT_REQUESTS, this::reactorFailed);
        this.userAgent = userAgent;
        this.executor = executor;
        this.gate = new RequestGate(MAX_CONCURRENT_REQUESTS, executor);
        this.timer = timer;
    }

    /** A keyed GET of an API answer; {@code timeout} bounds the wait for the headers and any silence of the body. */
    public CompletableFuture<ApiResponse> get(URI uri, ApiKey key, Duration timeout) {
        return answer(uri, key, null, timeout);
    }

    /** A keyed POST of JSON, answered with JSON; limits as {@link #get}. */
    public CompletableFuture<ApiResponse> postJson(URI uri, ApiKey key, byte[] json, Duration timeout) {
        return answer(uri, key, json, timeout);
    }

    /**
     * A keyed POST of JSON whose answer is either JSON or the media itself (a sync call). Media is read like a
     * download (see {@link #download}); a JSON answer or an error is read as an API answer.
     *
     * @param timeout how long the server may take to answer (a sync call renders before it answers)
     * @param idle    the longest silence of the body once the answer has begun
     */
    public CompletableFuture<MediaResponse> postForMedia(URI uri, ApiKey key, byte[] json, Duration timeout,
                                                         Duration idle, long inMemoryThreshold, long maxSize,
                                                         PartFile target) {
        return exchange(uri, key, json, timeout, idle, (status, headers) -> MediaDownload.sink(status, headers,
                inMemoryThreshold, maxSize, target, true), MediaResponse::new);
    }

    /**
     * Downloads a media URL: bodies up to {@code inMemoryThreshold} bytes stay in memory, larger ones stream to
     * {@code target} (created only then), and a body past {@code maxSize} is cut off as the limit is crossed. Media
     * URLs need no key, so none is sent: the key must never travel to a third-party host. A redirect is answered as it
     * came (the caller may follow it: no key goes with this call).
     *
     * @param timeout the wait for the headers
     * @param idle    the longest silence of the body once it has begun
     */
    public CompletableFuture<MediaResponse> download(URI uri, Duration timeout, Duration idle,
                                                     long inMemoryThreshold, long maxSize, PartFile target) {
        return exchange(uri, null, null, timeout, idle, (status, headers) -> MediaDownload.sink(status, headers,
                inMemoryThreshold, maxSize, target, false), MediaResponse::new);
    }

    /** Where HTTP completions run: never the engine's scheduler, nor the client's I/O thread. */
    Executor executor() {
        return executor;
    }

    /** Calls on the wire now (at most {@value #MAX_CONCURRENT_REQUESTS}; the rest wait their turn). */
    public int callsInFlight() {
        return gate.running();
    }

    /** Stops the client: its threads end, calls still on the wire fail, their connections closed. */
    @Override
    public void close() {
        closing = true;
        client.close(CloseMode.IMMEDIATE);
    }

    /**
     * Closing at once races the client's I/O loop, which may then trip over a connection closed under it: expected
     * while stopping, and said at DEBUG only. Any other failure of the loop is worth a warning.
     */
    private void reactorFailed(Exception e) {
        if (closing) {
            LOG.debug("HTTP client's I/O loop ended while closing", e);
        } else {
            LOG.warn("HTTP client's I/O loop failed: {}", e.toString(), e);
        }
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

    private CompletableFuture<ApiResponse> answer(URI uri, ApiKey key, byte[] json, Duration timeout) {
        return exchange(uri, key, json, timeout, timeout, (status, headers) -> {
            long length = headers.firstValueAsLong("content-length").orElse(-1L);
            return status >= 200 && status < 300 ? BoundedBytes.open(MAX_ANSWER_BYTES, false, length)
                    : BoundedBytes.open(MAX_ERROR_BYTES, true, length);
        }, ApiResponse::new);
    }

    /** One exchange, through the gate: a GET, or a POST of {@code json}. */
    private <B, R> CompletableFuture<R> exchange(URI uri, ApiKey key, byte[] json, Duration timeout, Duration idle,
                                                 ResponseReader.Opener<B> opener, ResponseReader.Answer<B, R> answer) {
        AsyncRequestProducer request;
        try {
            request = request(uri, key, json);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return gate.submit(() -> send(request, timeout, idle, opener, answer));
    }

    private <B, R> CompletableFuture<R> send(AsyncRequestProducer request, Duration timeout, Duration idle,
                                             ResponseReader.Opener<B> opener, ResponseReader.Answer<B, R> answer) {
        CompletableFuture<R> result = new CompletableFuture<>();
        // the client's inactivity timeout covers the longer limit; the reader watches the shorter one, if any
        Duration covered = timeout.compareTo(idle) >= 0 ? timeout : idle;
        ResponseReader<B, R> reader = new ResponseReader<>(opener, answer, result, executor, timer, timeout, idle,
                covered);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(ClientSetup.READER, reader);
        context.setRequestConfig(RequestConfig.copy(ClientSetup.DEFAULTS)
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, covered.toMillis()))).build());
        result.whenComplete((v, e) -> {
            if (e != null && !reader.ended()) {
                // the caller gave up: close the connection and delete a partial file on the executor, not on the
                // thread that gave up (the engine's scheduler, say)
                try {
                    executor.execute(reader::abort);
                } catch (RejectedExecutionException stopping) {
                    reader.abort();
                }
            }
        });
        try {
            Future<R> call = client.execute(request, reader, null, context, null);
            reader.onWire(call);
        } catch (RuntimeException stopped) {
            // the client is closed (the component stops): nothing was sent
            reader.failed(stopped);
        }
        return result;
    }

    private AsyncRequestProducer request(URI uri, ApiKey key, byte[] json) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        AsyncRequestBuilder b = (json == null ? AsyncRequestBuilder.get(uri) : AsyncRequestBuilder.post(uri))
                .addHeader("User-Agent", userAgent)
                .addHeader("Accept", "application/json, */*");
        if (key != null) {
            if (!key.policy().allows(uri)) {
                throw new UntrustedHostException(uri.getHost());
            }
            b.addHeader(new SecretHeader(key.header(), sendable(key.value())));
        }
        if (json != null) {
            b.setEntity(json, JSON);
        }
        return b.build();
    }

    /**
     * A header value with line breaks or non-ASCII characters cannot be sent, and a client that refuses one may
     * quote it in its message; refusing it here first keeps the key out of every exception and log line.
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
