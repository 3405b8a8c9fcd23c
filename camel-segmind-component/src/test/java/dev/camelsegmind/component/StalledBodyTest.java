package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.http.BodyIdleTimeoutException;
import dev.camelsegmind.component.http.HttpTransport;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every call ends by its time limit, also when the answer's headers come and then its body stalls (the simulator's
 * {@code stallBody()} fault: half the body, then silence for ten minutes). The JDK's request timeout only covers the
 * wait for the headers; each stage here shows the body's own limit (requestTimeout) ending the call, the exchange's
 * callback running once, and nothing left behind: no partial file, no call still holding a connection.
 */
class StalledBodyTest extends SegmindTestSupport {

    private static final String LIMIT = "requestTimeout=700";
    private static final Duration WELL_WITHIN = Duration.ofSeconds(8);

    @TempDir
    Path downloads;

    private HttpTransport transport(String uri) throws Exception {
        SegmindEndpoint endpoint = context.getEndpoint(uri, SegmindEndpoint.class);
        return context.getComponent("segmind", SegmindComponent.class).httpClientFor(endpoint.getConfiguration());
    }

    private Exchange sendOnce(String uri, String prompt) throws Exception {
        try (CountedCall call = CountedCall.send(context, uri, e -> e.getMessage().setBody(prompt))) {
            Exchange out = call.awaitOnce(WELL_WITHIN);
            assertThat(call.took()).isLessThan(WELL_WITHIN);
            return out;
        }
    }

    private void assertNothingOnTheWire(String uri) throws Exception {
        HttpTransport http = transport(uri);
        await().atMost(Duration.ofSeconds(3)).until(() -> http.callsInFlight() == 0);
    }

    private void assertNoFiles() throws Exception {
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aStalledSubmitAnswerIsUncertainAndSentOnce() throws Exception {
        sim.faults().add(Fault.on(Route.SUBMIT).stallBody());
        String uri = "segmind:wan2.7-image-pro?" + LIMIT;
        Exchange out = sendOnce(uri, "stalled submit");
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("timed out").hasMessageContaining("stalled")
                .hasRootCauseInstanceOf(BodyIdleTimeoutException.class);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(sim.jobs()).as("accepted, and billed").hasSize(1);
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStalledStatusReadEndsByItsLimitAndIsRetried() throws Exception {
        sim.faults().add(Fault.on(Route.STATUS).stallBody());
        String uri = "segmind:wan2.7-image-pro?maxRetries=1&" + LIMIT;
        Exchange out = sendOnce(uri, "stalled status");
        assertThat(out.getException()).isInstanceOf(SegmindConnectionException.class)
                .hasMessageContaining("stalled");
        assertThat(sim.journal().count(Route.STATUS)).as("the read and its one retry").isEqualTo(2);
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStatusReadThatStallsOnceIsRetriedAndTheJobCompletes() throws Exception {
        sim.faults().add(Fault.on(Route.STATUS).stallBody().times(1));
        Exchange out = sendOnce("segmind:wan2.7-image-pro?" + LIMIT, "stalled once");
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aStalledResultEndsByItsLimit() throws Exception {
        sim.faults().add(Fault.on(Route.RESULT).stallBody());
        String uri = "segmind:wan2.7-image-pro?maxRetries=1&" + LIMIT;
        Exchange out = sendOnce(uri, "stalled result");
        assertThat(out.getException()).isInstanceOf(SegmindConnectionException.class)
                .hasMessageContaining("stalled");
        assertThat(sim.journal().count(Route.RESULT)).isEqualTo(2);
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStalledDownloadEndsByItsLimitAndLeavesNoPartialFile() throws Exception {
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(300_000);
        sim.faults().add(Fault.on(Route.MEDIA).stallBody());
        String uri = "segmind:wan2.7-i2v?maxRetries=1&inMemoryThreshold=0&downloadDirectory=" + downloads + "&"
                     + LIMIT;
        Exchange out = sendOnce(uri, "stalled media");
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class).hasMessageContaining("stalled");
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(2);
        assertNoFiles();
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStalledSyncAnswerIsUncertainSentOnceAndLeavesNoFile() throws Exception {
        sim.model("wan2.7-image-pro").mediaSizeBytes(300_000);
        sim.faults().add(Fault.on(Route.SYNC).stallBody());
        String uri = "segmind:wan2.7-image-pro?operation=sync&inMemoryThreshold=0&downloadDirectory=" + downloads
                     + "&" + LIMIT;
        Exchange out = sendOnce(uri, "stalled sync");
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("stalled");
        assertThat(sim.journal().count(Route.SYNC)).isEqualTo(1);
        assertNoFiles();
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStalledUploadEndsByItsLimitAndNothingIsSubmitted() throws Exception {
        sim.faults().add(Fault.on(Route.UPLOAD).stallBody());
        String uri = "segmind:wan2.7-i2v?uploadInputs=true&prompt=wave&outputType=url&maxRetries=1&" + LIMIT;
        Exchange out;
        byte[] picture = png();
        try (CountedCall call = CountedCall.send(context, uri, e -> e.getMessage().setBody(picture))) {
            out = call.awaitOnce(WELL_WITHIN);
        }
        assertThat(out.getException()).isInstanceOf(SegmindConnectionException.class)
                .hasMessageContaining("stalled");
        assertThat(sim.journal().count(Route.UPLOAD)).as("an upload is not billed: repeated once").isEqualTo(2);
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
        assertNothingOnTheWire(uri);
    }

    @Test
    void aStalledCreditsAnswerTurnsTheHealthCheckDownByItsLimit() throws Exception {
        sim.faults().add(Fault.on(Route.CREDITS).stallBody());
        String uri = "segmind:wan2.7-image-pro?" + LIMIT;
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:health").to(uri);
            }
        });
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        String id = "producer:segmind-wan2.7-image-pro";
        long start = System.nanoTime();
        await().atMost(WELL_WITHIN).until(() -> check(id).map(r -> r.getState() == HealthCheck.State.DOWN)
                .orElse(false));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(check(id).orElseThrow().getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("unreachable", "stalled"));
        assertNothingOnTheWire(uri);
    }

    private Optional<HealthCheck.Result> check(String id) {
        return HealthCheckHelper.invoke(context, c -> Map.of(), c -> !c.getId().equals(id), "full").stream()
                .findFirst();
    }

    @Test
    void theJobDeadlineEndsADownloadWhoseBodyStallsWithinItsOwnLimit() throws Exception {
        // the body's limit (a minute) would let the download hang on; the job's deadline (1.5 s) ends it
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(300_000);
        sim.faults().add(Fault.on(Route.MEDIA).stallBody());
        String uri = "segmind:wan2.7-i2v?timeout=1500&requestTimeout=60000&inMemoryThreshold=0&downloadDirectory="
                     + downloads;
        Exchange out = sendOnce(uri, "deadline while downloading");
        assertThat(out.getException()).isInstanceOf(SegmindTimeoutException.class);
        assertNothingOnTheWire(uri);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(this::assertNoFiles);
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(1);
    }

    @Test
    void theJobDeadlineEndsAStatusReadThatStalls() throws Exception {
        sim.faults().add(Fault.on(Route.STATUS).stallBody());
        String uri = "segmind:wan2.7-image-pro?timeout=1500&requestTimeout=60000";
        Exchange out = sendOnce(uri, "deadline while reading");
        assertThat(out.getException()).isInstanceOf(SegmindTimeoutException.class);
        assertNothingOnTheWire(uri);
    }

    @Test
    void stoppingTheProducerEndsItsDownloadAndDeletesThePartialFile() throws Exception {
        sim.model("wan2.7-i2v").outputSize(64, 36).mediaSizeBytes(300_000);
        sim.faults().add(Fault.on(Route.MEDIA).stallBody());
        String uri = "segmind:wan2.7-i2v?requestTimeout=60000&inMemoryThreshold=0&downloadDirectory=" + downloads;
        HttpTransport http = transport(uri);
        try (CountedCall call = CountedCall.send(context, uri, e -> e.getMessage().setBody("stopped"))) {
            await().atMost(WELL_WITHIN).until(() -> sim.journal().count(Route.MEDIA) == 1);
            await().atMost(WELL_WITHIN).until(() -> {
                try (var files = Files.list(downloads)) {
                    return files.anyMatch(p -> p.toFile().length() > 0);
                }
            });
            call.producer().stop();
            Exchange out = call.awaitOnce(WELL_WITHIN);
            assertThat(out.getException()).hasMessageContaining("producer stopped");
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> http.callsInFlight() == 0);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(this::assertNoFiles);
    }

    private static byte[] png() throws Exception {
        return SegmindPayloadTest.png();
    }
}
