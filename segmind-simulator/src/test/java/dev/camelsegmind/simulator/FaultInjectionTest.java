package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class FaultInjectionTest extends FastSimulatorTestSupport {

    @Test
    void statusFaultAnswersThatCodeTheGivenNumberOfTimes() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(3));

        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(client.post("/v2/flux", "{}").statusCode());
        }

        assertThat(codes).containsExactly(429, 429, 429, 200, 200);
        assertThat(sim.faults().injected()).isEqualTo(3);
        assertThat(sim.faults().injected(Route.SUBMIT)).isEqualTo(3);
        assertThat(sim.jobs()).hasSize(2);
        assertThat(sim.journal().entries(Route.SUBMIT)).extracting(JournalEntry::fault)
                .containsExactly("status:429", "status:429", "status:429", null, null);
    }

    @Reference(source = "segmind-api.md", quote = "Header `x-rate-limit-reset-at-utc` may say when the window resets; "
            + "`Retry-After` is not documented")
    @Test
    void injected429CarriesOnlyTheDocumentedResetHeader() {
        sim.faults().add(Fault.on(Route.STATUS).status(429));

        HttpResponse<String> response = client.get("/v2/requests/whatever/status");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(SimClient.json(response).get("error").asText()).isEqualTo("Rate limit exceeded");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(Instant.parse(response.headers().firstValue("x-rate-limit-reset-at-utc").orElseThrow()))
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(2));
    }

    @Test
    void withRetryAfterAddsTheUndocumentedHeaderOnRequest() {
        sim.faults().add(Fault.on(Route.STATUS).status(429).withRetryAfter().times(1));
        sim.faults().add(Fault.on(Route.STATUS).status(503).withRetryAfter().lastingFor(Duration.ofSeconds(30)));

        HttpResponse<String> limited = client.get("/v2/requests/whatever/status");
        HttpResponse<String> unavailable = client.get("/v2/requests/whatever/status");

        assertThat(limited.headers().firstValue("Retry-After")).as("no lifetime: a second").hasValue("1");
        assertThat(limited.headers().firstValue("x-rate-limit-reset-at-utc")).isPresent();
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(Long.parseLong(unavailable.headers().firstValue("Retry-After").orElseThrow()))
                .as("the seconds left of the fault's life").isBetween(25L, 30L);
        assertThat(unavailable.headers().firstValue("x-rate-limit-reset-at-utc")).as("only a 429 names a reset").isEmpty();
    }

    @Test
    void statusFaultTakesBodyAndHeaders() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(503).body("{\"error\":\"try later\"}").header("Retry-After", "7"));

        HttpResponse<String> response = client.post("/v2/flux", "{}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"try later\"}");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void gatewayStatusesDefaultToHtmlLikeTheRealGateway() {
        sim.faults().add(Fault.on(Route.RESULT).status(502));

        HttpResponse<String> response = client.get("/v2/requests/x");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    @Test
    void faultCanTargetOneModel() {
        sim.faults().add(Fault.on(Route.SUBMIT).model("wan2.7-i2v").status(500));

        assertThat(client.post("/v2/flux", "{}").statusCode()).isEqualTo(200);
        assertThat(client.post("/v2/wan2.7-i2v", "{\"prompt\":\"a\"}").statusCode()).isEqualTo(500);
    }

    @Test
    void faultOnAJobRouteTargetsTheJobsModel() {
        sim.faults().add(Fault.on(Route.STATUS).model("wan2.7-i2v").status(500));
        String video = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        String image = client.submit("flux", "{}");

        assertThat(client.get("/v2/requests/" + video + "/status").statusCode()).isEqualTo(500);
        assertThat(client.get("/v2/requests/" + image + "/status").statusCode()).isEqualTo(200);
    }

    @Test
    void dropBeforeAcceptClosesWithoutAnswerAndCreatesNoJob() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropBeforeAccept().times(1));

        assertThatThrownBy(() -> client.post("/v2/flux", "{}"))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.credits()).isEqualTo(10_000);
        JournalEntry entry = sim.journal().entries(Route.SUBMIT).get(0);
        assertThat(entry.httpStatus()).isEqualTo(-1);
        assertThat(entry.dropped()).isTrue();
        assertThat(entry.requestId()).isNull();
        assertThat(entry.fault()).isEqualTo("dropBeforeAccept");
        assertThat(client.post("/v2/flux", "{}").statusCode()).as("the next call works").isEqualTo(200);
    }

    @Test
    void dropAfterAcceptCreatesAndBillsTheJobButAnswersNothing() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropAfterAccept().times(1));

        assertThatThrownBy(() -> client.post("/v2/wan2.7-i2v", "{\"prompt\":\"a\"}"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).isEqualTo(10_000 - 0.5);
        JournalEntry entry = sim.journal().entries(Route.SUBMIT).get(0);
        assertThat(entry.httpStatus()).isEqualTo(-1);
        assertThat(entry.requestId()).isEqualTo(sim.jobs().iterator().next().requestId());
        assertThat(entry.fault()).isEqualTo("dropAfterAccept");
    }

    @Test
    void dropAfterAcceptSparesRejectedRequests() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropAfterAccept().times(1));

        assertThat(client.post("/v2/wan2.7-i2v", "{\"duration\":99}").statusCode()).isEqualTo(400);
        assertThat(sim.faults().injected()).isZero();
    }

    @Test
    void delayHoldsTheAnswerBack() {
        sim.faults().add(Fault.on(Route.SUBMIT).delay(Duration.ofMillis(400)).times(1));

        long start = System.nanoTime();
        HttpResponse<String> response = client.post("/v2/flux", "{}");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        assertThat(sim.journal().entries(Route.SUBMIT).get(0).fault()).isEqualTo("delay:400ms");
    }

    @Test
    void delayedAnswersDoNotBlockOtherRequests() throws Exception {
        sim.faults().add(Fault.on(Route.STATUS).delay(Duration.ofSeconds(3)));
        List<CompletableFuture<HttpResponse<String>>> stalled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stalled.add(client.http.sendAsync(client.request("/v2/requests/x" + i + "/status").build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        SimClient.await(() -> sim.faults().injected(Route.STATUS) == 20, "all 20 polls to be stalled");

        // Had the 8 request threads slept through the stalls, this could not answer before one of them.
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(stalled).noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<HttpResponse<String>> f : stalled) {
            assertThat(f.get().statusCode()).isEqualTo(404);
        }
    }

    @Test
    void malformedJsonSparesErrorAnswers() {
        sim.faults().add(Fault.on(Route.STATUS).malformedJson());

        HttpResponse<String> response = client.get("/v2/requests/unknown/status");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(response).get("error").asText()).contains("not found");
    }

    @Test
    void malformedJsonAnswers200WithAnUnparseableBody() {
        sim.faults().add(Fault.on(Route.SUBMIT).malformedJson());

        HttpResponse<String> response = client.post("/v2/flux", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SimClient.JSON.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void truncateSendsHalfTheAnnouncedBytes() {
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(200_000);
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        client.awaitFinal(id);
        String url = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
        sim.faults().add(Fault.on(Route.MEDIA).truncate().times(1));

        assertThatThrownBy(() -> client.bytes(url))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("200000");

        assertThat(client.bytes(url).body()).as("whole on retry").hasSize(200_000);
    }

    @Test
    void expireFaultAnswers404ForALiveJob() {
        String id = client.submit("flux", "{}");
        sim.faults().add(Fault.on(Route.RESULT).expire().times(1));

        HttpResponse<String> response = client.get("/v2/requests/" + id);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(response).get("error").asText()).isEqualTo("Request " + id + " not found");
        assertThat(client.get("/v2/requests/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void flapReportsTheEarlierStateOnAlternateCalls() {
        sim.model("flux").queueTime(Duration.ZERO).renderTime(Duration.ofHours(1));
        String id = client.submit("flux", "{}");
        sim.faults().add(Fault.on(Route.STATUS).flap());

        List<String> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            states.add(SimClient.json(client.get("/v2/requests/" + id + "/status")).get("status").asText());
        }

        assertThat(states).containsExactly("PROCESSING", "QUEUED", "PROCESSING", "QUEUED");
        assertThat(sim.faults().injected(Route.STATUS)).isEqualTo(2);
    }

    @Test
    void flapNeverHidesACompletionForGood() {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        sim.faults().add(Fault.on(Route.STATUS).flap());

        JsonNode first = SimClient.json(client.get("/v2/requests/" + id + "/status"));
        JsonNode second = SimClient.json(client.get("/v2/requests/" + id + "/status"));

        assertThat(List.of(first.get("status").asText(), second.get("status").asText()))
                .contains("COMPLETED");
    }

    @Test
    void stallWithTimesHidesACompletionForThatManyPolls() {
        String id = client.submit("flux", "{}");
        awaitActually(id, JobState.COMPLETED);
        sim.faults().add(Fault.on(Route.STATUS).stall().times(3));

        List<String> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            states.add(state(client.get("/v2/requests/" + id + "/status")));
        }

        assertThat(states).containsExactly("PROCESSING", "PROCESSING", "PROCESSING", "COMPLETED");
        assertThat(sim.faults().list()).as("spent, so removed").isEmpty();
        assertThat(sim.journal().entries(Route.STATUS)).extracting(JournalEntry::fault)
                .containsExactly("stall", "stall", "stall", null);
    }

    @Test
    void stallWithoutTimesHoldsTheJobUntilTheFaultIsRemoved() {
        Fault stall = Fault.on(Route.STATUS, Route.RESULT, Route.POLL_V1).stall();
        sim.faults().add(stall);
        String id = client.submit("flux", "{}");
        awaitActually(id, JobState.COMPLETED);

        for (int i = 0; i < 3; i++) {
            assertThat(state(client.get("/v2/requests/" + id + "/status"))).as("submitted after the stall began")
                    .isEqualTo("QUEUED");
        }
        HttpResponse<String> result = client.get("/v2/requests/" + id);
        assertThat(state(result)).isEqualTo("QUEUED");
        assertThat(SimClient.json(result).has("output")).isFalse();
        assertThat(state(client.get("/v1/requests/" + id))).isEqualTo("QUEUED");

        sim.faults().remove(stall);

        assertThat(state(client.get("/v2/requests/" + id + "/status"))).isEqualTo("COMPLETED");
        assertThat(SimClient.json(client.get("/v2/requests/" + id)).get("output").asText()).contains("/media/");
    }

    @Test
    void stallOnAFailedJobShowsItStillProcessingRatherThan422() {
        String id = client.submit("flux", "{\"prompt\":\"[sim:fail]\"}");
        awaitActually(id, JobState.FAILED);
        sim.faults().add(Fault.on(Route.RESULT).stall());

        HttpResponse<String> response = client.get("/v2/requests/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(state(response)).isEqualTo("PROCESSING");
    }

    @Test
    void stallFreezesTheJobOnTheSimulatorsClockAndALifetimeRunsInRealTime() {
        SimulatedClock clock = new SimulatedClock();
        try (SegmindSimulator stepped = SegmindSimulator.builder().clock(clock).build().start()) {
            SimClient steppedClient = new SimClient(stepped);
            stepped.model("flux").queueTime(Duration.ofSeconds(5)).renderTime(Duration.ofSeconds(10));
            String id = steppedClient.submit("flux", "{}");
            clock.advance(Duration.ofSeconds(7));
            stepped.faults().add(Fault.on(Route.STATUS).stall().lastingFor(Duration.ofMillis(200)));

            clock.advance(Duration.ofMinutes(5));

            assertThat(stepped.job(id).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
            assertThat(state(steppedClient.get("/v2/requests/" + id + "/status"))).as("as it was when the stall began")
                    .isEqualTo("PROCESSING");
            SimClient.await(() -> state(steppedClient.get("/v2/requests/" + id + "/status")).equals("COMPLETED"),
                    "the stall to run out in real time, though the simulator's clock stands still");
        }
    }

    @Test
    void stallAimedAtOneJobLeavesTheOthersAlone() {
        String stuck = client.submit("flux", "{}");
        String free = client.submit("flux", "{}");
        awaitActually(stuck, JobState.COMPLETED);
        sim.faults().add(Fault.on(Route.STATUS).requestId(stuck).stall());

        assertThat(client.awaitFinal(free).get("status").asText()).isEqualTo("COMPLETED");
        for (int i = 0; i < 3; i++) {
            assertThat(state(client.get("/v2/requests/" + stuck + "/status"))).isEqualTo("PROCESSING");
        }
        assertThat(sim.faults().list().get(0).injected()).isEqualTo(3);
    }

    @Test
    void requestIdAimsAFaultAtOneJobOnEveryRouteThatNamesIt() {
        String target = client.submit("flux", "{}");
        String other = client.submit("flux", "{}");
        String targetMedia = mediaUrl(target);
        String otherMedia = mediaUrl(other);
        sim.faults().add(Fault.onAny().requestId(target).status(503));

        assertThat(client.get("/v2/requests/" + target + "/status").statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/requests/" + target).statusCode()).isEqualTo(503);
        assertThat(client.get("/v1/requests/" + target).statusCode()).isEqualTo(503);
        assertThat(client.bytes(targetMedia).statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/requests/" + other + "/status").statusCode()).isEqualTo(200);
        assertThat(client.bytes(otherMedia).statusCode()).isEqualTo(200);
        assertThat(client.post("/v2/flux", "{}").statusCode()).as("a submit names no job yet").isEqualTo(200);
    }

    @Test
    void requestIdAndModelMustBothMatch() {
        String id = client.submit("flux", "{}");
        sim.faults().add(Fault.on(Route.STATUS).model("wan2.7-i2v").requestId(id).expire());
        sim.faults().add(Fault.on(Route.RESULT).model("flux").requestId(id).expire());

        assertThat(client.get("/v2/requests/" + id + "/status").statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/requests/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void oneFaultCanCoverSeveralRoutes() {
        sim.faults().add(Fault.on(Route.STATUS, Route.CREDITS).status(500).times(2));

        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(500);
        assertThat(client.get("/v2/requests/x/status").statusCode()).isEqualTo(500);
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(sim.faults().injected(Route.CREDITS)).isEqualTo(1);
        assertThat(sim.faults().injected(Route.STATUS)).isEqualTo(1);
    }

    @Test
    void aFaultWithALifetimeEndsAndRemovesItself() {
        Fault fault = Fault.on(Route.CREDITS).status(500).lastingFor(Duration.ofMillis(200));
        sim.faults().add(fault);

        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(500);
        SimClient.await(() -> client.get("/v1/get-user-credits").statusCode() == 200, "the fault to run out");

        assertThat(Instant.now()).isAfterOrEqualTo(fault.endsAt());
        assertThat(sim.faults().list()).isEmpty();
    }

    @Test
    void probabilityIsSeededAndRepeatable() {
        List<Integer> first = pattern(7);
        List<Integer> second = pattern(7);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 500);
    }

    private List<Integer> pattern(long seed) {
        sim.faults().reset();
        sim.faults().add(Fault.on(Route.CREDITS).status(500).probability(0.5).seed(seed));
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(client.get("/v1/get-user-credits").statusCode());
        }
        return codes;
    }

    @Test
    void clearStopsFaultsButKeepsCounts() {
        sim.faults().add(Fault.on(Route.CREDITS).status(500));
        client.get("/v1/get-user-credits");

        sim.faults().clear();

        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(sim.faults().injected()).isEqualTo(1);
    }

    @Test
    void aFaultMustSayWhatItDoes() {
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.SUBMIT).times(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).status(500).truncate())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flapAndStallMustCoverAJobRoute() {
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.SUBMIT).stall()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STATUS");
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.MEDIA, Route.SYNC).flap()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sim.faults().list()).isEmpty();
    }

    private static String state(HttpResponse<String> response) {
        return SimClient.json(response).get("status").asText();
    }

    /** Waits on the simulator's own view, which faults never touch, rather than on a poll they might. */
    private static void awaitActually(String id, JobState state) {
        SimClient.await(() -> sim.job(id).orElseThrow().state() == state, "job " + id + " to be " + state);
    }

    private static String mediaUrl(String id) {
        client.awaitFinal(id);
        return SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
    }
}
