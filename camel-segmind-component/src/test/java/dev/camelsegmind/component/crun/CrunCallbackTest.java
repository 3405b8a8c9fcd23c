package dev.camelsegmind.component.crun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.provider.crun.CrunCallbacks.Outcome;
import dev.camelsegmind.simulator.CallbackFault;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion: a task's callback ends its wait with one TaskInfo read and no polling; a callback that is late,
 * lost, duplicated, forged, oversized or aimed at the wrong task never ends a job by itself, and a job whose callback
 * never comes polls after callbackWait.
 */
class CrunCallbackTest extends CrunTestSupport {

    private static final String PROMPT = "a lighthouse at dawn";

    private String crun(String waitMillis) {
        return "segmind:wan2.7-image-pro?provider=crun&callbackBaseUrl=" + callbackBase() + "&callbackWait="
                + waitMillis;
    }

    private Exchange generate(String uri) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        return out;
    }

    private Map<Outcome, Long> outcomes() throws Exception {
        return context.getComponent("segmind", SegmindComponent.class).crunCallbacks().counts();
    }

    private static List<JournalEntry> callbacksWhenAnswered(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacks().size() >= n);
        return callbacks();
    }

    @Test
    void aCallbackOnTimeEndsTheWaitWithOneTaskInfoRead() throws Exception {
        long started = System.nanoTime();
        Exchange out = generate(crun("20000"));

        // far less than the 20 s the job would have waited for a callback before polling
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        List<JournalEntry> calls = callbacksWhenAnswered(1);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).httpStatus()).isEqualTo(200);
        assertThat(taskInfoReads()).as("one confirming read, which also carries the media URLs").isEqualTo(1);
        assertThat(outcomes().get(Outcome.SIGNALLED)).isEqualTo(1);
        String url = (String) sim.journal().entries(Route.CRUN_CREATE).get(0).payload().get("callback_url");
        assertThat(url).startsWith(callbackBase() + "/segmind/crun/callback?ref=").contains("&token=");
        assertThat(out.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("COMPLETED");
    }

    @Test
    void aLateCallbackWithinTheWindowStillEndsTheJobWithoutPolling() {
        sim.crun().callbackFaults().add(CallbackFault.delay(Duration.ofSeconds(400)).times(1));   // 0.4 s here
        long started = System.nanoTime();
        generate(crun("20000"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400))
                .isLessThan(Duration.ofSeconds(10));
        assertThat(taskInfoReads()).isEqualTo(1);
        assertThat(callbacksWhenAnswered(1).get(0).fault()).startsWith("delay:");
    }

    @Test
    void aCallbackLaterThanTheWindowFindsTheJobFinishedByPollingAndIsIgnored() throws Exception {
        sim.crun().callbackFaults().add(CallbackFault.delay(Duration.ofSeconds(3000)).times(1));   // 3 s here
        generate(crun("300"));
        long reads = taskInfoReads();
        assertThat(reads).isGreaterThanOrEqualTo(1);

        List<JournalEntry> calls = callbacksWhenAnswered(1);
        assertThat(calls.get(0).httpStatus()).as("answered, so crun does not retry, but ignored").isEqualTo(200);
        assertThat(outcomes().get(Outcome.FINISHED)).isEqualTo(1);
        assertThat(taskInfoReads()).as("no read for a finished task").isEqualTo(reads);
    }

    @Test
    void aLostCallbackCostsTheWindowThenPollingFinishesTheJob() {
        sim.crun().callbackFaults().add(CallbackFault.lose().times(1));
        long started = System.nanoTime();
        generate(crun("500"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(callbacks()).singleElement().satisfies(e -> assertThat(e.fault()).isEqualTo("lost"));
        assertThat(taskInfoReads()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDuplicatedCallbackIsReadOnce() throws Exception {
        sim.crun().callbackFaults().add(CallbackFault.duplicate().times(1));
        generate(crun("20000"));

        List<JournalEntry> calls = callbacksWhenAnswered(2);
        assertThat(calls).extracting(JournalEntry::httpStatus).containsExactly(200, 200);
        assertThat(outcomes().get(Outcome.SIGNALLED)).isEqualTo(1);
        assertThat(outcomes().get(Outcome.DUPLICATE) + outcomes().get(Outcome.FINISHED)).isEqualTo(1);
        assertThat(taskInfoReads()).isEqualTo(1);
    }

    @Test
    void aCallbackWithAForgedTokenIsRefusedAndTheRealOneCounts() throws Exception {
        sim.crun().callbackFaults().add(CallbackFault.forgeToken().times(1));
        generate(crun("20000"));

        List<JournalEntry> calls = callbacksWhenAnswered(2);
        assertThat(calls.get(0).fault()).isEqualTo("forged-token");
        assertThat(calls.get(0).httpStatus()).isEqualTo(404);
        assertThat(calls.get(1).httpStatus()).isEqualTo(200);
        assertThat(outcomes().get(Outcome.REJECTED)).isEqualTo(1);
        assertThat(taskInfoReads()).as("the forged callback made no read").isEqualTo(1);
    }

    @Test
    void aCallbackNamingAnotherTaskIsRefusedAndTheRealOneCounts() throws Exception {
        sim.crun().callbackFaults().add(CallbackFault.forgeTask().times(1));
        generate(crun("20000"));

        List<JournalEntry> calls = callbacksWhenAnswered(2);
        assertThat(calls.get(0).fault()).isEqualTo("forged-task");
        assertThat(calls.get(0).httpStatus()).isEqualTo(400);
        assertThat(calls.get(1).httpStatus()).isEqualTo(200);
        assertThat(outcomes().get(Outcome.WRONG_TASK)).isEqualTo(1);
        assertThat(taskInfoReads()).isEqualTo(1);
    }

    @Test
    void anOversizedCallbackIsAnswered413AndTheJobPolls() throws Exception {
        sim.crun().callbackFaults().add(CallbackFault.oversize(2L * 1024 * 1024).times(1));
        generate(crun("300"));

        assertThat(callbacksWhenAnswered(1).get(0).httpStatus()).isEqualTo(413);
        assertThat(outcomes().get(Outcome.TOO_LARGE)).isEqualTo(1);
        assertThat(outcomes().get(Outcome.SIGNALLED)).isZero();
        assertThat(taskInfoReads()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCallbackBeforeCreateTaskWasAnsweredIsKeptForTheTask() throws Exception {
        // crun finishes and calls back while its answer to CreateTask is still on the way
        sim.faults().add(Fault.on(Route.CRUN_CREATE).delay(Duration.ofMillis(600)).times(1));
        long started = System.nanoTime();
        generate(crun("20000"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcomes().get(Outcome.EARLY)).isEqualTo(1);
        assertThat(taskInfoReads()).isEqualTo(1);
    }

    @Test
    void reorderedCallbacksEachEndTheirOwnJob() {
        sim.crun().callbackFaults().add(CallbackFault.reorder().times(1));
        var first = template.asyncRequestBody(crun("20000"), "the first");
        var second = template.asyncRequestBody(crun("20000"), "the second");
        assertPng(context.getTypeConverter().convertTo(byte[].class, first.join()));
        assertPng(context.getTypeConverter().convertTo(byte[].class, second.join()));
        assertThat(callbacksWhenAnswered(2)).extracting(JournalEntry::httpStatus).containsExactly(200, 200);
        assertThat(taskInfoReads()).isEqualTo(2);
    }

    @Test
    void strangersGetTheSameAnswerWhateverTheyGuess() throws Exception {
        generate(crun("20000"));
        long reads = taskInfoReads();
        String url = (String) sim.journal().entries(Route.CRUN_CREATE).get(0).payload().get("callback_url");
        String body = "{\"task_id\": \"x\", \"status\": \"success\"}";

        HttpResponse<String> wrongToken = post(url.replaceAll("token=[^&]+", "token=AAAA"), body);
        HttpResponse<String> unknownRef = post(callbackBase() + "/segmind/crun/callback?ref=nobody&token=x", body);
        HttpResponse<String> bare = post(callbackBase() + "/segmind/crun/callback", body);
        HttpResponse<String> replay = post(url, body);

        assertThat(List.of(wrongToken.statusCode(), unknownRef.statusCode(), bare.statusCode()))
                .containsOnly(404);
        assertThat(wrongToken.body()).isEqualTo(unknownRef.body());
        assertThat(replay.statusCode()).as("the real URL after the job ended").isEqualTo(200);
        assertThat(wrongToken.headers().map().toString()).doesNotContain("token");
        assertThat(taskInfoReads()).isEqualTo(reads);
    }

    @Test
    void withoutCallbackBaseUrlTheJobPolls() {
        generate("segmind:wan2.7-image-pro?provider=crun");
        assertThat(sim.journal().entries(Route.CRUN_CREATE).get(0).payload()).doesNotContainKey("callback_url");
        assertThat(taskInfoReads()).isGreaterThanOrEqualTo(1);
        assertThat(callbacks()).isEmpty();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
