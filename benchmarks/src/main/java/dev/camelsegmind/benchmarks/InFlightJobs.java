package dev.camelsegmind.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Puts N v2 jobs in flight at the simulator and reads each one's status once: the proof that all of them are held at
 * the same time, and the status requests the throughput load then replays.
 */
final class InFlightJobs {

    /** Outcome of one pass over the jobs: answers by reported status, and what went wrong. */
    record Pass(int jobs, double seconds, Map<String, Integer> statuses, long failures, String firstFailure) {
        double perSecond() {
            return jobs / seconds;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final List<HttpRequest> statusRequests = Collections.synchronizedList(new ArrayList<>());

    InFlightJobs(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Submits n jobs of the model, at most {@code concurrency} at a time, keeping each accepted job's status URL. */
    Pass submit(String model, int n, int concurrency) throws InterruptedException {
        Tally tally = new Tally();
        RequestWindow window = new RequestWindow(http, concurrency);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + model)).timeout(TIMEOUT)
                    .header("x-api-key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"job in flight " + i + "\"}")).build();
            window.send(post, HttpResponse.BodyHandlers.ofString(), (r, e, sent) -> {
                JsonNode body = tally.count(r, e);
                if (body != null) {
                    statusRequests.add(HttpRequest.newBuilder(URI.create(body.path("status_url").asText()))
                            .timeout(TIMEOUT).header("x-api-key", apiKey).GET().build());
                }
            });
        }
        window.drain();
        return tally.pass(n, System.nanoTime() - t0);
    }

    /** Reads every accepted job's status once; each must answer 200 and still be waiting. */
    Pass checkEach(int concurrency) throws InterruptedException {
        Tally tally = new Tally();
        RequestWindow window = new RequestWindow(http, concurrency);
        long t0 = System.nanoTime();
        List<HttpRequest> all = statusRequests();
        for (HttpRequest status : all) {
            window.send(status, HttpResponse.BodyHandlers.ofString(), (r, e, sent) -> tally.count(r, e));
        }
        window.drain();
        return tally.pass(all.size(), System.nanoTime() - t0);
    }

    List<HttpRequest> statusRequests() {
        synchronized (statusRequests) {
            return new ArrayList<>(statusRequests);
        }
    }

    /** Answers counted by the status they report; a non-200, an unreadable body or a finished job is a failure. */
    private static final class Tally {
        private final Map<String, Integer> statuses = new TreeMap<>();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        /** The body if the job is in flight, else null after counting the failure. */
        JsonNode count(HttpResponse<String> r, Throwable e) {
            String problem;
            JsonNode body = null;
            if (e != null) {
                problem = e.toString();
            } else if (r.statusCode() != 200) {
                problem = "HTTP " + r.statusCode() + ": " + r.body();
            } else {
                body = parse(r.body());
                String status = body == null ? "unreadable" : body.path("status").asText();
                synchronized (statuses) {
                    statuses.merge(status, 1, Integer::sum);
                }
                problem = status.equals("QUEUED") || status.equals("PROCESSING") ? null : "status " + status;
            }
            if (problem == null) {
                return body;
            }
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, problem);
            return null;
        }

        Pass pass(int jobs, long nanos) {
            synchronized (statuses) {
                return new Pass(jobs, nanos / 1e9, new TreeMap<>(statuses), failures.get(), firstFailure.get());
            }
        }

        private static JsonNode parse(String body) {
            try {
                return Result.JSON.readTree(body);
            } catch (Exception e) {
                return null;
            }
        }
    }
}
