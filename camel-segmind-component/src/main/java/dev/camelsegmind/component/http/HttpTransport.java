package dev.camelsegmind.component.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.camelsegmind.component.error.SegmindValidationException;

/**
 * Non-blocking HTTP for every provider, on the JDK's {@link HttpClient}. Every call returns at once with a future; no
 * thread waits for an answer. Here, once, live the rules that hold for every call: the key goes only where its
 * {@link KeyPolicy} allows, and no call follows a redirect (the client is built with {@code Redirect.NEVER}), so a
 * key never crosses one. Knows no provider's JSON: that is each adapter's job.
 */
public final class HttpTransport {

    /** Enough to keep a loopback or WAN link busy; measured in docs/performance.md with 10,000 jobs in flight. */
    static final int MAX_CONCURRENT_REQUESTS = 128;

    private final HttpClient http;
    private final String userAgent;
    private final RequestGate gate;

    public HttpTransport(HttpClient http, String userAgent) {
        this.http = http;
        this.userAgent = userAgent;
        this.gate = new RequestGate(MAX_CONCURRENT_REQUESTS, http.executor().orElse(Runnable::run));
    }

    public CompletableFuture<ApiResponse> get(URI uri, ApiKey key, Duration timeout) {
        HttpRequest.Builder b;
        try {
            b = base(uri, key, timeout).GET();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(b.build());
    }

    public CompletableFuture<ApiResponse> postJson(URI uri, ApiKey key, byte[] json, Duration timeout) {
        HttpRequest.Builder b;
        try {
            b = base(uri, key, timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(b.build());
    }

    /**
     * Downloads a media URL: bodies up to {@code inMemoryThreshold} bytes stay in memory, larger or unsized ones stream
     * to {@code target}. Media URLs need no key, so none is sent: the key must never travel to a third-party host.
     */
    public CompletableFuture<HttpResponse<MediaDownload>> download(URI uri, Duration timeout, long inMemoryThreshold,
                                                                   long maxSize, Path target) {
        HttpRequest request = base(uri, null, timeout).GET().build();
        return gate.submit(() -> http.sendAsync(request, MediaDownload.handler(inMemoryThreshold, maxSize, target)));
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

    private CompletableFuture<ApiResponse> send(HttpRequest request) {
        return gate.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .thenApply(r -> new ApiResponse(r.statusCode(), r.headers(), r.body()));
    }
}
