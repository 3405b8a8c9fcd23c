package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int JOBS = 2_000;

    @Test
    void twoThousandConcurrentJobsSubmitPollAndComplete() throws Exception {
        try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.01).build().start()) {
            sim.model("wan2.7-image-pro").queueTime(Duration.ofMillis(50)).renderTime(Duration.ofSeconds(20));
            SimClient client = new SimClient(sim, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            long start = System.nanoTime();

            List<CompletableFuture<String>> submits = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                HttpRequest request = client.request("/v2/wan2.7-image-pro").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"job " + i + "\"}")).build();
                submits.add(client.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    return SimClient.json(r).get("request_id").asText();
                }));
            }
            CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).join();
            assertThat(sim.jobs()).hasSize(JOBS);

            Map<String, String> states = new ConcurrentHashMap<>();
            // Poll like a real client fleet: every job polled concurrently until it completes.
            Semaphore inFlight = new Semaphore(1_000);
            while (states.size() < JOBS) {
                List<CompletableFuture<?>> round = new ArrayList<>();
                for (CompletableFuture<String> f : submits) {
                    String id = f.join();
                    if (states.containsKey(id)) {
                        continue;
                    }
                    inFlight.acquireUninterruptibly();
                    round.add(client.http.sendAsync(client.request("/v2/requests/" + id + "/status").build(),
                            HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release()).thenAccept(r -> {
                                assertThat(r.statusCode()).isEqualTo(200);
                                String state = SimClient.json(r).get("status").asText();
                                if (state.equals("COMPLETED")) {
                                    states.put(id, state);
                                }
                            }));
                }
                CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).join();
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(states).hasSize(JOBS);
            assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(JOBS);
            assertThat(sim.journal().count(Route.STATUS, "wan2.7-image-pro")).isGreaterThanOrEqualTo(JOBS);
            assertThat(sim.credits()).isEqualTo(10_000 - JOBS * 0.06);
            assertThat(elapsedMs).as("a few seconds, not minutes").isLessThan(15_000);
        }
    }
}
