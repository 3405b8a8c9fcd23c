package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.001).apiKey("SG_0123456789abcdef")
                .retention(Duration.ofDays(1_000)).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.model("flux");
    }

    @Test
    void submitIsRecordedWithItsPayloadAndRequestId() {
        Instant before = Instant.now();
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"waves\",\"duration\":5}");

        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries).hasSize(1);
        JournalEntry entry = entries.get(0);
        assertThat(entry.route()).isEqualTo(Route.SUBMIT);
        assertThat(entry.method()).isEqualTo("POST");
        assertThat(entry.path()).isEqualTo("/v2/wan2.7-i2v");
        assertThat(entry.model()).isEqualTo("wan2.7-i2v");
        assertThat(entry.requestId()).isEqualTo(id);
        assertThat(entry.httpStatus()).isEqualTo(200);
        assertThat(entry.apiKeyPresent()).isTrue();
        assertThat(entry.contentType()).isEqualTo("application/json");
        assertThat(entry.bodySize()).isEqualTo("{\"prompt\":\"waves\",\"duration\":5}".length());
        assertThat(entry.payload()).containsEntry("prompt", "waves").containsEntry("duration", 5);
        assertThat(entry.fault()).isNull();
        assertThat(entry.timestamp()).isAfterOrEqualTo(before);
    }

    @Test
    void pollsAreCountedPerRouteAndModel() {
        String video = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        String image = client.submit("flux", "{}");
        client.get("/v2/requests/" + video + "/status");
        client.get("/v2/requests/" + video + "/status");
        client.get("/v2/requests/" + image + "/status");

        assertThat(sim.journal().count(Route.STATUS)).isEqualTo(3);
        assertThat(sim.journal().count(Route.STATUS, "wan2.7-i2v")).isEqualTo(2);
        assertThat(sim.journal().count(Route.STATUS, "flux")).isEqualTo(1);
        assertThat(sim.journal().count(Route.RESULT)).isZero();
        assertThat(sim.journal().entries(Route.STATUS)).allMatch(e -> e.payload() == null);
    }

    @Test
    void theKeyItselfIsNeverKept() {
        client.get("/v1/get-user-credits");
        client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/get-user-credits")).build());

        assertThat(sim.journal().entries()).extracting(JournalEntry::apiKeyPresent).containsExactly(true, false);
        assertThat(sim.journal().entries().toString()).doesNotContain("SG_0123456789abcdef");
        assertThat(client.get("/_sim/journal").body()).doesNotContain("SG_0123456789abcdef");
    }

    @Test
    void methodPathQueryAndHeadersAreKeptWithTheKeyMasked() {
        client.send(client.request("/v2/requests/00000000-0000-0000-0000-000000000000/status?trace=1&x=y")
                .header("User-Agent", "camel-segmind/test").header("Authorization", "Bearer SG_0123456789abcdef")
                .GET().build());

        JournalEntry entry = sim.journal().entries().get(0);
        assertThat(entry.method()).isEqualTo("GET");
        assertThat(entry.path()).isEqualTo("/v2/requests/00000000-0000-0000-0000-000000000000/status");
        assertThat(entry.query()).isEqualTo("trace=1&x=y");
        assertThat(entry.headers()).containsEntry("user-agent", "camel-segmind/test")
                .containsEntry("x-api-key", "****cdef").containsEntry("Authorization", "Bearer ****cdef");
        assertThat(entry.toString()).doesNotContain("SG_0123456789abcdef");
    }

    @Test
    void rejectedAndUnknownRequestsAreRecordedToo() {
        client.post("/v2/wan2.7-i2v", "{\"duration\":99}");
        client.get("/no/such/path");

        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries.get(0).httpStatus()).isEqualTo(400);
        assertThat(entries.get(0).requestId()).isNull();
        assertThat(entries.get(1).route()).isNull();
        assertThat(entries.get(1).httpStatus()).isEqualTo(404);
    }

    @Test
    void clearEmptiesEntriesAndCounts() {
        client.submit("flux", "{}");

        sim.journal().clear();

        assertThat(sim.journal().entries()).isEmpty();
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
    }

    @Test
    void capacityDropsTheOldestButCountsEverything() {
        Journal journal = new Journal(3);
        for (int i = 0; i < 5; i++) {
            journal.record(new JournalEntry(Instant.now(), Route.CREDITS, "GET", "/" + i, null, Map.of(), null, null, 200, true,
                    null, 0, null, null));
        }

        assertThat(journal.entries()).extracting(JournalEntry::path).containsExactly("/2", "/3", "/4");
        assertThat(journal.count(Route.CREDITS)).isEqualTo(5);
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws Exception {
        Journal journal = new Journal(1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 25_000; i++) {
                    journal.record(new JournalEntry(Instant.now(), Route.STATUS, "GET", "/", null, Map.of(), "m", "id", 200, true,
                            null, 0, null, null));
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        assertThat(journal.size()).isEqualTo(200_000);
        assertThat(journal.count(Route.STATUS, "m")).isEqualTo(200_000);
    }

    @Test
    void adminEndpointsServeJournalAndJobsAsJsonWithoutAKey() {
        String id = client.submit("flux", "{\"prompt\":\"p\"}");

        HttpResponse<String> jobs = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/jobs")).build());
        HttpResponse<String> journal = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/journal")).build());

        assertThat(jobs.statusCode()).isEqualTo(200);
        JsonNode job = SimClient.json(jobs).get(0);
        assertThat(job.get("request_id").asText()).isEqualTo(id);
        assertThat(job.get("model").asText()).isEqualTo("flux");
        assertThat(job.get("payload").get("prompt").asText()).isEqualTo("p");
        assertThat(job.get("state").asText()).isIn("QUEUED", "PROCESSING", "COMPLETED");
        JsonNode entry = SimClient.json(journal).get(0);
        assertThat(entry.get("route").asText()).isEqualTo("SUBMIT");
        assertThat(entry.get("http_status").asInt()).isEqualTo(200);
        assertThat(entry.get("api_key_present").asBoolean()).isTrue();
        assertThat(entry.get("headers").get("x-api-key").asText()).isEqualTo("****cdef");
        assertThat(journal.body()).doesNotContain("SG_0123456789abcdef");
        assertThat(sim.journal().entries()).as("admin reads are not journaled").hasSize(1);
    }
}
