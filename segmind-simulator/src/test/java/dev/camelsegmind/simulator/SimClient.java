package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A plain JDK HTTP client aimed at one simulator, speaking the way a Segmind client would. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final SegmindSimulator sim;
    final HttpClient http;

    SimClient(SegmindSimulator sim) {
        this(sim, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    SimClient(SegmindSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : sim.baseUrl() + pathOrUrl;
    }

    HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(url(pathOrUrl)))
                .timeout(Duration.ofSeconds(20))
                .header("x-api-key", sim.defaultApiKey());
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, json, b -> b);
    }

    HttpResponse<String> post(String path, String json, UnaryOperator<HttpRequest.Builder> tweak) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(tweak.apply(b).build());
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl).GET().build());
    }

    HttpResponse<byte[]> bytes(String pathOrUrl) {
        try {
            return http.send(request(pathOrUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits and returns the request id, failing loudly on anything but 200. */
    String submit(String slug, String json) {
        HttpResponse<String> response = post("/v2/" + slug, json);
        if (response.statusCode() != 200) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("request_id").asText();
    }

    /** Polls the status route until the job is final; returns the last status body. */
    JsonNode awaitFinal(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/v2/requests/" + requestId + "/status");
            if (response.statusCode() != 200 && response.statusCode() != 422) {
                throw new AssertionError("status answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode status = json(response);
            String state = status.path("status").asText();
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                return status;
            }
            pause(10);
        }
        throw new AssertionError("job " + requestId + " never finished");
    }

    /** Waits for a condition, failing instead of hanging when it never comes. */
    static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pause(10);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A simulator where every model finishes in a few milliseconds. */
    static SegmindSimulator fastSimulator(SegmindSimulator.Builder builder) {
        SegmindSimulator sim = builder.build().start();
        for (String slug : new String[] {"wan2.7-image-pro", "wan2.7-i2v", "wan2.7-r2v", "wan2.1-i2v-720p", "flux-schnell"}) {
            sim.model(slug).queueTime(Duration.ofMillis(100)).renderTime(Duration.ofMillis(300));
        }
        return sim;
    }
}
