package dev.camelsegmind.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * (c) Segmind's Python SDK algorithm in Java: per job one thread that submits, sleeps and polls the status every poll
 * interval with blocking java.net.http calls, then fetches the result and the media. Threads are capped: past the cap
 * jobs wait for a thread, which is what a thread-per-job design does to protect its JVM.
 */
final class ThreadPerJobContender implements Contender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;
    private final long pollMillis;
    private final int threads;
    private final ExecutorService pool;

    ThreadPerJobContender(String baseUrl, String apiKey, long pollMillis, int threads) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.pollMillis = pollMillis;
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int capacity() {
        return threads;
    }

    @Override
    public CompletableFuture<Delivery> submit(String model, String prompt) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(model, prompt);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    private Delivery run(String model, String prompt) throws Exception {
        JsonNode submitted = call(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + model))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("prompt", prompt)))));
        String id = submitted.path("request_id").asText();
        String status = submitted.path("status").asText();
        URI statusUrl = URI.create(submitted.path("status_url").asText());
        while (!"COMPLETED".equals(status) && !"FAILED".equals(status)) {
            Thread.sleep(pollMillis);
            status = call(HttpRequest.newBuilder(statusUrl).GET()).path("status").asText();
        }
        if ("FAILED".equals(status)) {
            throw new IllegalStateException("job " + id + " failed");
        }
        JsonNode result = call(HttpRequest.newBuilder(URI.create(submitted.path("response_url").asText())).GET());
        HttpResponse<byte[]> media = http.send(HttpRequest.newBuilder(URI.create(result.path("output").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (media.statusCode() != 200) {
            throw new IllegalStateException("media download answered " + media.statusCode());
        }
        return new Delivery(id, System.currentTimeMillis(), media.body().length);
    }

    private JsonNode call(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.header("x-api-key", apiKey).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 && response.statusCode() != 422) {
            throw new IllegalStateException("Segmind answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
