package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Fault#stallBody}: the status line and headers come, half the body comes, then nothing. */
class BodyStallFaultTest extends FastSimulatorTestSupport {

    private static final int QUIET_MS = 300;

    /** Every route a client calls; CRUN_CALLBACK is the simulator's own outgoing call, faulted by CallbackFaults. */
    @ParameterizedTest
    @EnumSource(value = Route.class, mode = EnumSource.Mode.EXCLUDE, names = "CRUN_CALLBACK")
    void everyIncomingRouteCanStopMidBody(Route route) {
        Request call = callOn(route);
        sim.faults().add(Fault.on(route).stallBody().times(1));

        try (RawHttp answer = RawHttp.send(sim, call.method, call.path, call.json, QUIET_MS)) {
            assertThat(answer.status).isEqualTo(200);
            long length = answer.contentLength();
            assertThat(length).as("the whole body is announced").isPositive();
            answer.read(length / 2);
            assertThat(answer.readsNothingMore()).as("the rest never comes").isTrue();
            assertThat(sim.stalledAnswers()).isEqualTo(1);
            assertThat(sim.journal().entries(route)).last().extracting(JournalEntry::fault).isEqualTo("stallBody");
        }
        sim.reset();
        assertThat(sim.stalledAnswers()).as("a reset lets go of it").isZero();
    }

    @Test
    void aStalledAnswerHoldsNoThreadAndACloseNeitherHangsNorLeavesOneOpen() {
        try (SegmindSimulator small = SegmindSimulator.builder().threads(2).build().start()) {
            small.faults().add(Fault.on(Route.STATUS).stallBody());
            List<RawHttp> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    RawHttp answer = RawHttp.send(small, "GET", "/v2/requests/x" + i + "/status", null, QUIET_MS);
                    answer.read(answer.contentLength() / 2);
                    stalled.add(answer);
                }
                assertThat(small.stalledAnswers()).as("each is held before its first byte goes out").isEqualTo(20);
                assertThat(new SimClient(small).get("/v1/get-user-credits").statusCode())
                        .as("two request threads still serve while twenty answers hang").isEqualTo(200);

                long start = System.nanoTime();
                small.close();

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                assertThat(small.stalledAnswers()).isZero();
                for (RawHttp answer : stalled) {
                    assertThat(answer.closedByServer()).as("closed with the simulator").isTrue();
                }
            } finally {
                stalled.forEach(RawHttp::close);
            }
        }
    }

    @Test
    void aResetCutsAHeldAnswerOff() {
        sim.faults().add(Fault.on(Route.CREDITS).stallBody());
        try (RawHttp answer = RawHttp.send(sim, "GET", "/v1/get-user-credits", null, 2_000)) {
            answer.read(answer.contentLength() / 2);

            sim.reset();

            assertThat(answer.closedByServer()).isTrue();
        }
    }

    @Test
    void aTimedStallSendsTheRestLate() {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        sim.faults().add(Fault.on(Route.RESULT).stallBody(Duration.ofMillis(500)));

        long start = System.nanoTime();
        HttpResponse<String> result = client.get("/v2/requests/" + id);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(480));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(result).get("output").asText()).as("whole and parseable").contains("/media/");
        assertThat(sim.stalledAnswers()).isZero();
        assertThat(sim.journal().entries(Route.RESULT).get(0).fault()).isEqualTo("stallBody:500ms");
    }

    @Test
    void aStallAlsoHoldsErrorAnswersButNotAHead() throws Exception {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        String media = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
        sim.faults().add(Fault.on(Route.STATUS, Route.MEDIA).stallBody());
        try (RawHttp notFound = RawHttp.send(sim, "GET", "/v2/requests/unknown/status", null, QUIET_MS)) {
            assertThat(notFound.status).isEqualTo(404);
            notFound.read(notFound.contentLength() / 2);
            assertThat(notFound.readsNothingMore()).isTrue();
        }

        HttpResponse<Void> head = client.http.send(client.request(media).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(head.statusCode()).as("a HEAD has no body to hold").isEqualTo(200);
        assertThat(Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow())).isPositive();
        assertThat(sim.stalledAnswers()).as("only the 404 is held").isEqualTo(1);
    }

    @Test
    void aStallLastsTenMinutesAtMost() {
        assertThat(Fault.LONGEST_BODY_STALL).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> Fault.on(Route.MEDIA).stallBody(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Route.MEDIA).stallBody().body("x").check())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overHttpAStallIsAddedAndListedLikeAnyFault() {
        HttpResponse<String> added = admin("{\"route\":\"STATUS\",\"stall_body\":true,\"times\":1}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(SimClient.json(added).get("action").asText()).isEqualTo("stall_body");

        try (RawHttp answer = RawHttp.send(sim, "GET", "/v2/requests/x/status", null, QUIET_MS)) {
            answer.read(answer.contentLength() / 2);
            assertThat(answer.readsNothingMore()).isTrue();
        }

        HttpResponse<String> timed = admin("{\"route\":\"CREDITS\",\"stall_body_ms\":300}");
        assertThat(SimClient.json(timed).get("stall_body_ms").asLong()).isEqualTo(300);
        long start = System.nanoTime();
        assertThat(SimClient.json(client.get("/v1/get-user-credits")).get("credits").asDouble()).isEqualTo(10_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }

    /** A request on each route that gets a 200 with a body. */
    private static Request callOn(Route route) {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        switch (route) {
            case SUBMIT:
                return new Request("POST", "/v2/flux", "{}");
            case STATUS:
                return new Request("GET", "/v2/requests/" + id + "/status", null);
            case RESULT:
                return new Request("GET", "/v2/requests/" + id, null);
            case POLL_V1:
                return new Request("GET", "/v1/requests/" + id, null);
            case SYNC:
                return new Request("POST", "/v1/flux", "{}");
            case MEDIA:
                return new Request("GET", URI.create(SimClient.json(client.get("/v2/requests/" + id)).get("output").asText())
                        .getPath(), null);
            case UPLOAD:
                return new Request("POST", "/upload-asset", upload());
            case ASSET:
                String url = SimClient.json(client.post("/upload-asset", upload())).get("file_urls").get(0).asText();
                return new Request("GET", URI.create(url).getPath(), null);
            case CREDITS:
                return new Request("GET", "/v1/get-user-credits", null);
            case CRUN_CREATE:
                return new Request("POST", CrunClient.CREATE, CrunClient.body("{\"prompt\": \"a\"}"));
            case CRUN_TASK_INFO:
                String task = new CrunClient(sim).create(CrunClient.body("{\"prompt\": \"a\"}"));
                return new Request("GET", CrunClient.TASK_INFO + "?task_id=" + task, null);
            default:
                throw new IllegalArgumentException(route.name());
        }
    }

    private static String upload() {
        return "{\"data_urls\":[\"data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[64]) + "\"]}";
    }

    private record Request(String method, String path, String json) {
    }

    private static HttpResponse<String> admin(String json) {
        return client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
