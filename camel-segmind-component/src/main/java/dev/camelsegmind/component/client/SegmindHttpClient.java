package dev.camelsegmind.component.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Non-blocking HTTP for the component, on the JDK's {@link HttpClient}. Every call returns at once with a future;
 * no thread waits for an answer. Knows nothing of Segmind's JSON: that is the provider adapter's job.
 */
public final class SegmindHttpClient {

    static final String API_KEY_HEADER = "x-api-key";

    private final HttpClient http;
    private final String userAgent;

    public SegmindHttpClient(HttpClient http, String userAgent) {
        this.http = http;
        this.userAgent = userAgent;
    }

    public CompletableFuture<ApiResponse> get(URI uri, String apiKey, Duration timeout) {
        HttpRequest.Builder b = base(uri, apiKey, timeout).GET();
        return send(b.build());
    }

    public CompletableFuture<ApiResponse> postJson(URI uri, String apiKey, byte[] json, Duration timeout) {
        HttpRequest.Builder b = base(uri, apiKey, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        return send(b.build());
    }

    /**
     * Downloads a media URL: bodies up to {@code inMemoryThreshold} bytes stay in memory, larger or unsized ones stream
     * to {@code target}. Media URLs need no key, so none is sent: the key must never travel to a third-party host.
     */
    public CompletableFuture<HttpResponse<MediaDownload>> download(URI uri, Duration timeout, long inMemoryThreshold,
                                                                   long maxSize, Path target) {
        HttpRequest request = base(uri, null, timeout).GET().build();
        return http.sendAsync(request, MediaDownload.handler(inMemoryThreshold, maxSize, target));
    }

    private HttpRequest.Builder base(URI uri, String apiKey, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "application/json, */*");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // plain-HTTP upgrade to h2c is pointless against a gateway and confuses simple servers
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (apiKey != null) {
            b.header(API_KEY_HEADER, apiKey);
        }
        return b;
    }

    private CompletableFuture<ApiResponse> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new ApiResponse(r.statusCode(), r.headers(), r.body()));
    }
}
