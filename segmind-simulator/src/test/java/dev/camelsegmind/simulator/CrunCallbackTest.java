package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a task with a {@code callback_url} ends, its {@code data} object is POSTed there; a receiver on 127.0.0.1
 * (a JDK HttpServer) stands in for the component's. Callback faults shape what it receives.
 */
class CrunCallbackTest {

    static final String ALICE = "SG_alice0000000000";
    static final String BOB = "SG_bob000000000000";
    static final SimulatedClock CLOCK = new SimulatedClock();
    static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().apiKey(ALICE, BOB)
            .configure(b -> b.clock(CLOCK)).build();

    SegmindSimulator sim;
    CrunClient crun;
    CallbackReceiver receiver;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        crun = new CrunClient(sim);
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Reference(source = "segmind-api.md", quote = "Callback: when the task ends, crun POSTs the same `data` object to `callback_url` and expects HTTP 200.")
    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "System will POST task status and results to this URL when generation completes")
    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "It returns an HTTP 200 status code upon successful receipt")
    @Test
    void theEndOfATaskIsPostedAsTheDataTaskInfoShows() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a lighthouse\"}", receiver.url("/crun/done?token=abc123")), ALICE);
        CLOCK.advance(Duration.ofMinutes(1));

        CallbackReceiver.Received callback = receiver.next();
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.pathAndQuery()).isEqualTo("/crun/done?token=abc123");
        assertThat(callback.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(callback.headers()).as("the key goes to the API's host only").doesNotContainKey("x-api-key")
                .doesNotContainKey("Authorization");
        assertThat(callback.json()).isEqualTo(SimClient.json(crun.info(id, ALICE)).get("data"));
        assertThat(callback.json().get("status").asText()).isEqualTo("success");

        awaitJournal(1);
        JournalEntry sent = sim.journal().entries(Route.CRUN_CALLBACK).get(0);
        assertThat(sent.outgoing()).isTrue();
        assertThat(sent.httpStatus()).isEqualTo(200);
        assertThat(sent.requestId()).isEqualTo(id);
        assertThat(sent.path()).isEqualTo("/crun/done");
        assertThat(sent.query()).isEqualTo("token=abc123");
        assertThat(sent.fault()).isNull();
        assertThat(sent.payload()).containsEntry("task_id", id);
        JsonNode served = SimClient.json(crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/journal"))
                .GET().build()));
        assertThat(served.findValuesAsText("direction")).contains("outgoing", "incoming");
    }

    @Test
    void aFailedTaskIsPostedTooAndATaskWithoutAUrlIsNot() {
        crun.create(CrunClient.body("{\"prompt\": \"plain\"}"));
        String failing = crun.create(CrunClient.body("{\"prompt\": \"[sim:fail]\"}", receiver.url("/cb")));
        CLOCK.advance(Duration.ofSeconds(20));
        receiver.expectNothingFor(QUIET);

        CLOCK.advance(Duration.ofSeconds(20));
        JsonNode failed = receiver.next().json();
        assertThat(failed.get("task_id").asText()).isEqualTo(failing);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("result").get("code").asInt()).isEqualTo(501);
        receiver.expectNothingFor(QUIET);
        awaitJournal(1);
        assertThat(sim.journal().count(Route.CRUN_CALLBACK)).isEqualTo(1);
    }

    @Test
    void onlyLoopbackAddressesAreEverContacted() {
        String far = crun.create(CrunClient.body("{\"prompt\": \"a\"}", "http://example.com/cb?token=x"));
        String lan = crun.create(CrunClient.body("{\"prompt\": \"a\"}", "http://10.1.2.3:" + receiver.port() + "/cb"));
        String local = crun.create(CrunClient.body("{\"prompt\": \"a\"}", "http://localhost:" + receiver.port() + "/here"));
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(receiver.next().path()).isEqualTo("/here");
        awaitJournal(3);
        List<JournalEntry> refused = sim.journal().entries(Route.CRUN_CALLBACK).stream()
                .filter(e -> "refused:not-loopback".equals(e.fault())).toList();
        assertThat(refused).extracting(JournalEntry::requestId).containsExactlyInAnyOrder(far, lan);
        assertThat(refused).allMatch(JournalEntry::dropped);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).filteredOn(e -> e.requestId().equals(local))
                .extracting(JournalEntry::httpStatus).containsExactly(200);
    }

    @Test
    void noRetriesByDefaultAndTheConfiguredOnesWithDoublingBackoff() {
        receiver.answer(503);
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/once")));
        CLOCK.advance(Duration.ofMinutes(1));
        receiver.next();
        awaitJournal(1);
        CLOCK.advance(Duration.ofMinutes(10));
        receiver.expectNothingFor(QUIET);

        sim.crun().callbackRetries(2, Duration.ofSeconds(10));
        receiver.answer(500, 500, 200);
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/again")));
        CLOCK.advance(Duration.ofMinutes(1));
        receiver.next();
        awaitJournal(2);
        CLOCK.advance(Duration.ofSeconds(9));
        receiver.expectNothingFor(QUIET);
        CLOCK.advance(Duration.ofSeconds(1));
        receiver.next();
        awaitJournal(3);
        CLOCK.advance(Duration.ofSeconds(20));
        receiver.next();
        awaitJournal(4);

        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).extracting(JournalEntry::httpStatus)
                .containsExactly(503, 500, 500, 200);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).extracting(JournalEntry::fault)
                .containsExactly(null, null, "retry:1", "retry:2");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeCountsAsFailed() {
        sim.crun().callbackTimeout(Duration.ofMillis(200)).callbackRetries(1, Duration.ZERO);
        receiver.stall(Duration.ofMillis(600));
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/slow")));
        CLOCK.advance(Duration.ofMinutes(1));

        receiver.next(2);
        awaitJournal(2);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).extracting(JournalEntry::httpStatus)
                .containsExactly(-1, -1);
    }

    @Test
    void aDelayedCallbackComesThatMuchLater() {
        sim.crun().callbackFaults().add(CallbackFault.delay(Duration.ofSeconds(30)));
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/late")));
        CLOCK.advance(Duration.ofMinutes(1));
        await(() -> sim.crun().callbackFaults().injected(), 1);
        receiver.expectNothingFor(QUIET);

        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(receiver.next().path()).isEqualTo("/late");
        awaitJournal(1);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK).get(0).fault()).isEqualTo("delay:30000ms");
    }

    @Test
    void aLostCallbackNeverComesAndOnlyThatTasksIsLost() {
        String lost = crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/a")));
        String kept = crun.create(CrunClient.body("{\"prompt\": \"b\"}", receiver.url("/b")));
        sim.crun().callbackFaults().add(CallbackFault.lose().taskId(lost));
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(receiver.next().json().get("task_id").asText()).isEqualTo(kept);
        receiver.expectNothingFor(QUIET);
        awaitJournal(2);
        JournalEntry entry = sim.journal().entries(Route.CRUN_CALLBACK).stream()
                .filter(e -> e.requestId().equals(lost)).findFirst().orElseThrow();
        assertThat(entry.fault()).isEqualTo("lost");
        assertThat(entry.dropped()).isTrue();
    }

    @Reference(source = "segmind-api.md", quote = "replays and duplicates ignored by task id")
    @Test
    void aDuplicatedCallbackComesTwiceAlike() {
        sim.crun().callbackFaults().add(CallbackFault.duplicate().times(1));
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/twice")));
        CLOCK.advance(Duration.ofMinutes(1));

        List<CallbackReceiver.Received> both = receiver.next(2);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        awaitJournal(2);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).extracting(JournalEntry::fault)
                .containsExactly(null, "duplicate");
        assertThat(sim.crun().callbackFaults().list()).as("used up").isEmpty();
    }

    @Test
    void aReorderedCallbackWaitsForALaterTasksCallback() {
        String earlier = crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/cb")));
        sim.crun().callbackFaults().add(CallbackFault.reorder().taskId(earlier));
        CLOCK.advance(Duration.ofSeconds(5));
        String later = crun.create(CrunClient.body("{\"prompt\": \"b\"}", receiver.url("/cb")));
        CLOCK.advance(Duration.ofMinutes(1));

        List<CallbackReceiver.Received> two = receiver.next(2);
        assertThat(two).extracting(r -> r.json().get("task_id").asText()).containsExactly(later, earlier);
        awaitJournal(2);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK).get(1).fault()).isEqualTo("reordered");
    }

    @Test
    void aReorderedCallbackWithNothingToOvertakeItComesAfterAMinute() {
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/alone")));
        sim.crun().callbackFaults().add(CallbackFault.reorder());
        CLOCK.advance(Duration.ofMinutes(1));
        await(() -> sim.crun().callbackFaults().injected(), 1);
        receiver.expectNothingFor(QUIET);

        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(receiver.next().path()).isEqualTo("/alone");
    }

    @Reference(source = "segmind-api.md", quote = "crun documents no signature, so: an unguessable per-task token in the callback URL, compared in constant time;")
    @Test
    void aForgedTokenComesFirstToTheSameUrlWithTheTokenAltered() {
        sim.crun().callbackFaults().add(CallbackFault.forgeToken());
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/crun/cb?task=1&token=abz09Z")));
        crun.create(CrunClient.body("{\"prompt\": \"b\"}", receiver.url("/crun/cb/Tok3n")));
        CLOCK.advance(Duration.ofMinutes(1));

        List<String> urls = receiver.next(4).stream().map(CallbackReceiver.Received::pathAndQuery).toList();
        assertThat(urls).containsSubsequence("/crun/cb?task=1&token=bca10A", "/crun/cb?task=1&token=abz09Z")
                .containsSubsequence("/crun/cb/Upl4o", "/crun/cb/Tok3n");
        awaitJournal(4);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).filteredOn(e -> "forged-token".equals(e.fault()))
                .extracting(e -> e.query() == null ? e.path() : e.path() + "?" + e.query())
                .containsExactlyInAnyOrder("/crun/cb?task=1&token=bca10A", "/crun/cb/Upl4o");
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK)).filteredOn(e -> "/crun/cb".equals(e.path()))
                .as("the forgery is about the right task").extracting(JournalEntry::requestId).containsOnly(id);

        sim.crun().callbackTokenParameter("t");
        crun.create(CrunClient.body("{\"prompt\": \"c\"}", receiver.url("/x?t=aaa&token=keep")));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(receiver.next(2)).extracting(CallbackReceiver.Received::pathAndQuery)
                .containsExactly("/x?t=bbb&token=keep", "/x?t=aaa&token=keep");
    }

    @Test
    void aForgedTaskCarriesAnotherAccountsTaskThatTheReceiverCannotRead() {
        String bobs = crun.create(CrunClient.body("{\"prompt\": \"b\"}"), BOB);
        sim.crun().callbackFaults().add(CallbackFault.forgeTask());
        String alices = crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/cb")), ALICE);
        CLOCK.advance(Duration.ofMinutes(1));

        List<CallbackReceiver.Received> two = receiver.next(2);
        assertThat(two).extracting(r -> r.json().get("task_id").asText()).containsExactly(bobs, alices);
        assertThat(SimClient.json(crun.info(bobs, ALICE)).get("code").asInt())
                .as("a receiver confirming with its own key finds no such task").isEqualTo(404);
        awaitJournal(2);
        assertThat(sim.journal().entries(Route.CRUN_CALLBACK).get(0).fault()).isEqualTo("forged-task");

        String alone = crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/cb")), BOB);
        CLOCK.advance(Duration.ofMinutes(1));
        String forged = receiver.next().json().get("task_id").asText();
        assertThat(receiver.next().json().get("task_id").asText()).isEqualTo(alone);
        assertThat(forged).isNotEqualTo(alone);
        assertThat(SimClient.json(crun.info(forged, BOB)).get("code").asInt()).isEqualTo(404);
    }

    @Reference(source = "segmind-api.md", quote = "camel-openai's webhook consumer rejects bad signatures with 400 and bodies over 1 MiB with 413.")
    @Test
    void anOversizedCallbackIsPaddedPastTheLimit() {
        sim.crun().callbackFaults().add(CallbackFault.oversize());
        receiver.answer(413);
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/big")));
        CLOCK.advance(Duration.ofMinutes(1));

        CallbackReceiver.Received big = receiver.next();
        assertThat(big.body().length).isGreaterThan(2 * 1024 * 1024);
        assertThat(big.json().get("status").asText()).isEqualTo("success");
        awaitJournal(1);
        JournalEntry entry = sim.journal().entries(Route.CRUN_CALLBACK).get(0);
        assertThat(entry.httpStatus()).isEqualTo(413);
        assertThat(entry.fault()).isEqualTo("oversize:2097152");
        assertThat(entry.payload().get("padding")).isEqualTo("<2097152 chars>");
        receiver.expectNothingFor(QUIET);
    }

    @Test
    void callbackFaultsComeOverHttpToo() {
        HttpResponse<String> added = admin("POST", "/_sim/callback-faults", "{\"duplicate\": true, \"times\": 1}");
        assertThat(added.statusCode()).isEqualTo(201);
        long id = SimClient.json(added).get("id").asLong();
        assertThat(admin("POST", "/_sim/callback-faults", "{\"forge\": \"task\", \"task_id\": \"x\"}").statusCode())
                .isEqualTo(201);
        assertThat(SimClient.json(admin("GET", "/_sim/callback-faults", null))).hasSize(2);

        JsonNode bad = SimClient.json(admin("POST", "/_sim/callback-faults", "{\"lose\": true, \"delay_ms\": 5}"));
        assertThat(bad.get("field").asText()).isEqualTo("lose");
        assertThat(SimClient.json(admin("POST", "/_sim/callback-faults", "{\"forge\": \"url\"}")).get("field").asText())
                .isEqualTo("forge");
        assertThat(SimClient.json(admin("POST", "/_sim/callback-faults", "{\"oversize_bytes\": 0}")).get("field")
                .asText()).isEqualTo("oversize_bytes");
        assertThat(admin("DELETE", "/_sim/callback-faults/" + id, null).statusCode()).isEqualTo(200);
        assertThat(admin("DELETE", "/_sim/callback-faults/" + id, null).statusCode()).isEqualTo(404);
        assertThat(SimClient.json(admin("DELETE", "/_sim/callback-faults", null)).get("removed").asInt()).isEqualTo(1);
        assertThat(sim.crun().callbackFaults().list()).isEmpty();
    }

    @Test
    void aResetForgetsCallbacksNotYetSent() {
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/stale")));
        sim.reset();
        CLOCK.advance(Duration.ofMinutes(1));

        receiver.expectNothingFor(QUIET);
        assertThat(sim.journal().count(Route.CRUN_CALLBACK)).isZero();
    }

    @Test
    void anAnswerStillOnItsWayAtAResetIsNotJournaled() {
        receiver.stall(Duration.ofMillis(300));
        crun.create(CrunClient.body("{\"prompt\": \"a\"}", receiver.url("/late")));
        CLOCK.advance(Duration.ofMinutes(1));
        receiver.next();
        sim.reset();

        SimClient.pause(600);
        assertThat(sim.journal().count(Route.CRUN_CALLBACK)).isZero();
    }

    private void awaitJournal(int callbacks) {
        await(() -> sim.journal().count(Route.CRUN_CALLBACK), callbacks);
    }

    private static void await(LongSupplier count, long atLeast) {
        SimClient.await(() -> count.getAsLong() >= atLeast, atLeast + " of them");
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
