package dev.camelsegmind.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry rules per call: what is repeated, how long it waits, and what is never repeated. */
class SegmindRetryTest extends SegmindTestSupport {

    @TempDir
    Path downloads;

    static void delivered(Exchange out) {
        if (out.getException() != null) {
            throw new AssertionError("expected the media, got " + out.getException(), out.getException());
        }
    }

    private Exchange generate(String uri, String prompt) {
        return template.request(uri, e -> e.getMessage().setBody(prompt));
    }

    @Test
    void retryAfterIsHonouredWhenNoResetTimeIsGiven() {
        // an unreadable reset time leaves Retry-After: 1 as the only hint; Segmind documents no Retry-After, so the
        // simulator sends one only when asked
        sim.faults().add(Fault.on(Route.SUBMIT).status(429).header("x-rate-limit-reset-at-utc", "soon").withRetryAfter()
                .times(1));
        Exchange out = generate("segmind:wan2.7-image-pro", "retry after");
        delivered(out);
        List<JournalEntry> submits = sim.journal().entries(Route.SUBMIT);
        assertThat(submits).hasSize(2);
        assertThat(Duration.between(submits.get(0).timestamp(), submits.get(1).timestamp()))
                .as("the retry waited out Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterOnAServiceUnavailableIsHonoured() {
        sim.faults().add(Fault.on(Route.STATUS).status(503).header("Retry-After", "1").times(1));
        Exchange out = generate("segmind:wan2.7-image-pro", "come back later");
        delivered(out);
        List<JournalEntry> statuses = sim.journal().entries(Route.STATUS);
        JournalEntry unavailable = statuses.stream().filter(e -> e.httpStatus() == 503).findFirst().orElseThrow();
        JournalEntry next = statuses.get(statuses.indexOf(unavailable) + 1);
        assertThat(Duration.between(unavailable.timestamp(), next.timestamp()))
                .as("the retry waited out Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void rateLimitResetTimeIsHonoured() {
        Instant reset = Instant.now().plusMillis(1500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        sim.faults().add(Fault.on(Route.STATUS).status(429).header("x-rate-limit-reset-at-utc", reset.toString())
                .header("Retry-After", "0").times(1));
        Exchange out = generate("segmind:wan2.7-image-pro", "reset at");
        delivered(out);
        List<JournalEntry> statuses = sim.journal().entries(Route.STATUS);
        JournalEntry limited = statuses.stream().filter(e -> e.httpStatus() == 429).findFirst().orElseThrow();
        JournalEntry next = statuses.get(statuses.indexOf(limited) + 1);
        assertThat(next.timestamp()).as("no status read before the window reset").isAfterOrEqualTo(reset);
    }

    @Test
    void aResetBeyondTheDeadlineFailsAtOnceInsteadOfWaiting() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(429)
                .header("x-rate-limit-reset-at-utc", Instant.now().plusSeconds(3600).toString()));
        Exchange out = generate("segmind:wan2.7-image-pro?timeout=5000", "too late");
        assertThat(out.getException()).isInstanceOf(SegmindRateLimitException.class);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void statusReadsAreRetriedOnServerErrorsAndResets() {
        sim.faults().add(Fault.on(Route.STATUS).status(503).times(2));
        sim.faults().add(Fault.on(Route.STATUS).dropBeforeAccept().times(2));
        Exchange out = generate("segmind:wan2.7-image-pro?maxRetries=10", "status faults");
        delivered(out);
        assertPng(bodyBytes(out));
        assertThat(sim.faults().injected(Route.STATUS)).isGreaterThanOrEqualTo(4);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aStalledStatusReadTimesOutAndIsRetried() {
        // its own simulator: a stall must not outlast the shared one's hour of retention (3.6 s at its time factor)
        try (SegmindSimulator slow = SegmindSimulator.builder().timeFactor(0.01).apiKey(KEY).build().start()) {
            slow.faults().add(Fault.on(Route.STATUS).delay(Duration.ofMillis(2500)).times(1));
            Exchange out = generate("segmind:wan2.7-image-pro?requestTimeout=1000&baseUrl=" + slow.baseUrl(), "stall");
            delivered(out);
            assertThat(slow.faults().injected(Route.STATUS)).isEqualTo(1);
            assertThat(slow.journal().count(Route.SUBMIT)).isEqualTo(1);
        }
    }

    @Test
    void everyRetryIsLoggedAtDebugWithTheRequestIdOrTheModelAndJobKey() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(1));
        sim.faults().add(Fault.on(Route.STATUS).status(500).times(1));
        Exchange out;
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dev.camelsegmind.component.engine")) {
            out = template.request("segmind:wan2.7-image-pro", e -> {
                e.getMessage().setBody("logged");
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-4711");
            });
            delivered(out);
            String requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
            List<String> retries = log.lines().stream().filter(l -> l.contains("Retrying")).toList();
            assertThat(retries).hasSize(2);
            assertThat(retries).anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("SUBMIT")
                    .contains("wan2.7-image-pro").contains("job key wan2.7-image-pro:order-4711"));
            assertThat(retries).anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("STATUS")
                    .contains("request " + requestId));
        }
    }

    @Test
    void submitAcceptedButUnansweredFailsUncertainAndIsNotRepeated() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropAfterAccept().times(1));
        Exchange out = generate("segmind:wan2.7-image-pro", "dropped after accept");
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("may have accepted and billed").hasMessageContaining("retryUncertainSubmit");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(sim.jobs()).as("Segmind did accept (and bill) it").hasSize(1);
    }

    @Test
    void retryUncertainSubmitTradesCertaintyForDelivery() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropBeforeAccept().times(1));
        Exchange out = generate("segmind:wan2.7-image-pro?retryUncertainSubmit=true", "dropped before accept");
        delivered(out);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void retryUncertainSubmitCanPayTwiceWhenTheFirstWasAccepted() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropAfterAccept().times(1));
        Exchange out = generate("segmind:wan2.7-image-pro?retryUncertainSubmit=true", "the documented trade");
        delivered(out);
        assertThat(sim.jobs()).as("the price of retryUncertainSubmit: two billed jobs").hasSize(2);
    }

    @Test
    void connectionRefusedOnSubmitIsRetriedUntilTheServerIsUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String uri = "segmind:wan2.7-image-pro?baseUrl=http://127.0.0.1:" + port
                     + "&maxRetries=200&retryDelay=20&maxRetryDelay=50";
        Future<Exchange> pending = template.asyncSend(uri, e -> e.getMessage().setBody("server comes up late"));
        Thread.sleep(400);
        assertThat(pending).isNotDone();
        try (SegmindSimulator late = SegmindSimulator.builder().timeFactor(0.001).apiKey(KEY).port(port).build()
                .start()) {
            Exchange out = pending.get();
            delivered(out);
            assertThat(late.journal().count(Route.SUBMIT)).isEqualTo(1);
        }
    }

    @Test
    void connectionRefusedEverywhereEndsTyped() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Exchange out = generate("segmind:wan2.7-image-pro?maxRetries=2&baseUrl=http://127.0.0.1:" + port, "nobody");
        assertThat(out.getException()).isInstanceOf(SegmindConnectionException.class);
    }

    @Test
    void truncatedDownloadsAreRetriedThroughATempFileAndNothingHalfWrittenRemains() throws IOException {
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(300_000);
        sim.faults().add(Fault.on(Route.MEDIA).truncate().times(2));
        Exchange out = generate("segmind:wan2.7-i2v?inMemoryThreshold=0&deleteDownloads=false&downloadDirectory="
                                + downloads, "truncated twice");
        delivered(out);
        byte[] bytes = bodyBytes(out);
        assertMp4(bytes);
        assertThat(bytes).hasSize(300_000);
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(3);
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly(out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        }
    }

    @Test
    void mediaOverMaxMediaSizeIsRefusedOnceAndLeavesNoFile() throws IOException {
        sim.model("wan2.7-i2v").mediaSizeBytes(300_000);
        Exchange out = generate("segmind:wan2.7-i2v?maxMediaSize=100000&inMemoryThreshold=0&downloadDirectory="
                                + downloads, "too big");
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class)
                .hasMessageContaining("maxMediaSize");
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(1);
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDownloadDirectoryThatCannotHoldTheMediaFailsTheDownloadOnceWithoutARetry() throws IOException {
        sim.model("wan2.7-i2v").mediaSizeBytes(300_000);
        Path notADirectory = Files.createFile(downloads.resolve("a-file"));
        Exchange out = generate("segmind:wan2.7-i2v?inMemoryThreshold=0&downloadDirectory=" + notADirectory
                                + "/media", "nowhere to go");
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class)
                .hasMessageContaining("Cannot create a download file in").hasMessageContaining("downloadDirectory");
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(1);
    }

    @Test
    void mediaThatFitsInMemoryNeedsNoFileInTheDownloadDirectory() throws IOException {
        // the temporary file is created only when a body goes to disk: none for media held in memory
        Path notADirectory = Files.createFile(downloads.resolve("a-file"));
        Exchange out = generate("segmind:wan2.7-image-pro?downloadDirectory=" + notADirectory + "/media", "small");
        delivered(out);
        assertThat(out.getMessage().getBody(dev.camelsegmind.component.model.SegmindMedia.class).getDownloadedFile())
                .isNull();
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files).containsExactly(notADirectory);
        }
    }
}
