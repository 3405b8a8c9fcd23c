package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the component reads Segmind's answers at their edges: a body's own state beats the HTTP code, a result must
 * carry output, what is repeated and what is not, a rate limit's reset time held by every job, sync media read like
 * polled media, and a file name the server cannot steer.
 */
class FidelityTest extends SegmindTestSupport {

    private static final String MODEL = "wan2.7-image-pro";

    @TempDir
    Path downloads;

    private Exchange generate(String uri, String prompt) {
        return template.request(uri, e -> e.getMessage().setBody(prompt));
    }

    private static String pngDataUri() throws Exception {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(SegmindPayloadTest.png());
    }

    @Test
    void aStatusBodyNamingFailedCountsWhateverTheHttpCode() {
        sim.faults().add(Fault.on(Route.STATUS).status(500)
                .body("{\"status\": \"FAILED\", \"error\": \"blocked by the safety filter\"}").times(1));
        Exchange out = generate("segmind:" + MODEL, "a 500 that says FAILED");
        assertThat(out.getException()).isInstanceOf(SegmindJobFailedException.class)
                .hasMessageContaining("blocked by the safety filter");
        assertThat(sim.journal().count(Route.STATUS)).as("final: not read again as a server error").isEqualTo(1);
    }

    @Test
    void aResultBodyNamingCompletedWithOutputCountsWhateverTheHttpCode() throws Exception {
        sim.faults().add(Fault.on(Route.RESULT).status(502)
                .body("{\"status\": \"COMPLETED\", \"output\": \"" + pngDataUri() + "\"}").times(1));
        Exchange out = generate("segmind:" + MODEL, "a 502 that says COMPLETED");
        assertThat(out.getException()).isNull();
        assertThat(bodyBytes(out)).isEqualTo(SegmindPayloadTest.png());
        assertThat(sim.journal().count(Route.RESULT)).isEqualTo(1);
    }

    @Test
    void aCompletedResultWithoutOutputIsAProtocolErrorAndNotRetried() {
        sim.faults().add(Fault.on(Route.RESULT).status(200).body("{\"status\": \"COMPLETED\"}"));
        Exchange out = generate("segmind:" + MODEL + "?maxRetries=5", "no output");
        assertThat(out.getException()).isInstanceOf(SegmindProtocolException.class)
                .hasMessageContaining("carries no output");
        assertThat(sim.journal().count(Route.RESULT)).as("a well-formed wrong answer stays wrong").isEqualTo(1);
    }

    @Test
    void aGarbledResultIsReadAgain() {
        sim.faults().add(Fault.on(Route.RESULT).malformedJson().times(2));
        Exchange out = generate("segmind:" + MODEL + "?maxRetries=5", "garbled");
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(sim.journal().count(Route.RESULT)).as("two garbled, then read").isEqualTo(3);
    }

    @Test
    void aRateLimitResetOnOneJobHoldsEveryJobsCalls() throws Exception {
        sim.model(MODEL).renderTime(Duration.ofSeconds(4000));
        // reads 250 ms apart: a read of b that starts before the client has read a's 429 (late on a loaded machine)
        // is one read, not a burst at the suite's 10 ms
        String polled = "segmind:" + MODEL + "?outputType=url&pollStrategy=fixed&pollInterval=250";
        CompletableFuture<Exchange> a = template.asyncSend(polled, e -> e.getMessage().setBody("job a"));
        CompletableFuture<Exchange> b = template.asyncSend(polled, e -> e.getMessage().setBody("job b"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.jobs().size() == 2
                && sim.jobs().stream().allMatch(j -> reads(j.requestId()).size() >= 2));
        List<String> ids = sim.jobs().stream().map(j -> j.requestId()).toList();
        String idA = ids.get(0);
        String idB = ids.get(1);
        Instant reset = Instant.now().plusMillis(2500);
        sim.faults().add(Fault.on(Route.STATUS).requestId(idA).status(429)
                .header("x-rate-limit-reset-at-utc", reset.toString()).times(1));

        assertThat(a.get().getException()).isNull();
        assertThat(b.get().getException()).isNull();

        JournalEntry limited = sim.journal().entries(Route.STATUS).stream().filter(e -> e.httpStatus() == 429)
                .findFirst().orElseThrow();
        // a read of b already on the wire when a's 429 came, or started before the client read the 429, may still be
        // answered; none may start afterwards (a client that ignored the reset would read b about six times more)
        Instant settled = limited.timestamp().plusMillis(500);
        List<JournalEntry> heldBack = sim.journal().entries(Route.STATUS).stream()
                .filter(e -> e.timestamp().isAfter(settled) && e.timestamp().isBefore(reset)).toList();
        assertThat(heldBack).as("status reads of any job between the 429 and its reset time").isEmpty();
        assertThat(reads(idB)).as("b was polled before and after the pause")
                .anyMatch(e -> e.timestamp().isBefore(limited.timestamp()))
                .anyMatch(e -> !e.timestamp().isBefore(reset));
    }

    private List<JournalEntry> reads(String requestId) {
        return sim.journal().entries(Route.STATUS).stream().filter(e -> requestId.equals(e.requestId())).toList();
    }

    @Test
    void theSyncFileNameComesFromASanitisedRequestId() throws Exception {
        sim.faults().add(Fault.on(Route.SYNC).status(200).body("{\"image\": \"" + pngDataUri() + "\"}")
                .header("x-request-id", "../../etc/cron.d/evil"));
        Exchange out = generate("segmind:" + MODEL + "?operation=sync", "a request id with a path in it");
        assertThat(out.getException()).isNull();
        String name = out.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        assertThat(name).endsWith(".png").doesNotContain("/").doesNotContain("..").doesNotStartWith(".");
        assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo("../../etc/cron.d/evil");
    }

    @Test
    void syncMediaLargerThanTheThresholdIsStreamedToTheDownloadDirectory() {
        sim.model(MODEL).mediaSizeBytes(300_000);
        Exchange out = generate("segmind:" + MODEL + "?operation=sync&inMemoryThreshold=100000"
                                + "&deleteDownloads=false&downloadDirectory=" + downloads, "a large sync answer");
        assertThat(out.getException()).isNull();
        SegmindMedia media = out.getMessage().getBody(SegmindMedia.class);
        assertThat(media.isInMemory()).isFalse();
        assertThat(media.getDownloadedFile()).hasParent(downloads).hasFileName(
                out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        assertThat(media.getSize()).isEqualTo(300_000);
        assertPng(media.toBytes());
    }

    @Test
    void syncMediaWithinTheThresholdStaysInMemoryAndLeavesNoFile() throws Exception {
        Exchange out = generate("segmind:" + MODEL + "?operation=sync&downloadDirectory=" + downloads, "small");
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(SegmindMedia.class).isInMemory()).isTrue();
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void syncMediaOverMaxMediaSizeIsRefusedOnceAndLeavesNoFile() throws Exception {
        sim.model(MODEL).mediaSizeBytes(300_000);
        Exchange out = generate("segmind:" + MODEL + "?operation=sync&maxMediaSize=100000&inMemoryThreshold=0"
                                + "&downloadDirectory=" + downloads, "too big");
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class)
                .hasMessageContaining("maxMediaSize");
        assertThat(sim.journal().count(Route.SYNC)).as("answered, so billed: never sent again").isEqualTo(1);
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }
}
