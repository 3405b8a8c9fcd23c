package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.store.MemoryPendingJobStore;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping one route (not the context) is clean: its messages get their callbacks at once, a job still waiting for
 * a slot is never submitted later, a download under way is ended and its file deleted, and a sync call that answers
 * afterwards writes nothing to the exchange whose callback already ran.
 */
class SegmindStopTest extends SegmindTestSupport {

    private final MemoryPendingJobStore store = new MemoryPendingJobStore();

    @TempDir
    Path downloads;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the stops below give in-flight exchanges one second, then force; that is what these tests are about
        context.getShutdownStrategy().setSuppressLoggingOnTimeout(true);
        return context;
    }

    @Override
    protected void configureComponent(SegmindComponent component) {
        component.setMaxConcurrentJobs(1);
        component.setPendingJobStore(store);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the failures are the point: the test reads them from the exchanges
                errorHandler(noErrorHandler());
                from("direct:slots").routeId("slots").to("segmind:slow-model");
                from("direct:other").routeId("other").to("segmind:quick-model");
                from("direct:download").routeId("download")
                        .to("segmind:big-model?inMemoryThreshold=0&downloadDirectory=" + downloads);
                from("direct:sync").routeId("sync").to("segmind:wan2.7-image-pro?operation=sync");
            }
        };
    }

    @Test
    void jobsWaitingForASlotAreHandedBackAndNeverSubmitted() throws Exception {
        sim.model("slow-model").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(10_000));
        sim.model("quick-model").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(20));
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            sent.add(template.asyncSend("direct:slots", e -> {
                e.getMessage().setBody("slot " + n);
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "slot-" + n);
            }));
        }
        SegmindComponent component = context.getComponent("segmind", SegmindComponent.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().count(Route.STATUS) > 0
                && component.getEngine().limiter().waitingJobs() == 3);

        stopRoute("slots");

        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(5, TimeUnit.SECONDS).getException()).isInstanceOf(SegmindException.class)
                    .hasMessageContaining("producer stopped");
        }
        assertThat(component.getEngine().limiter().waitingJobs()).as("waiters left in the slot queue").isZero();
        // the slot the running job held comes back: another route's job gets it, and still no waiter is submitted
        Exchange other = template.request("direct:other", e -> e.getMessage().setBody("after the stop"));
        assertThat(other.getException()).isNull();
        Thread.sleep(300);
        List<Object> prompts = sim.journal().entries(Route.SUBMIT).stream().map(JournalEntry::payload)
                .map(p -> p.get("prompt")).toList();
        assertThat(prompts).as("what was ever submitted: the job that had the slot, then the other route's")
                .hasSize(2).endsWith("after the stop");
        String first = String.valueOf(prompts.get(0));
        assertThat(first).startsWith("slot ");
        // the one that was accepted stays pending (it runs on at Segmind); the waiters never claimed their keys
        assertThat(store.list()).extracting(PendingJob::jobKey, PendingJob::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slow-model:" + first.replace(' ', '-'),
                        PendingJob.State.ACCEPTED));
    }

    @Test
    void aDownloadUnderWayIsEndedAndItsFileDeleted() throws Exception {
        sim.model("big-model").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(20)).mediaSizeBytes(400_000);
        // headers and half the body, then nothing for five seconds
        sim.faults().add(Fault.on(Route.MEDIA).stallBody(Duration.ofSeconds(5)));
        CompletableFuture<Exchange> sent = template.asyncSend("direct:download", e -> e.getMessage().setBody("big"));
        await().atMost(Duration.ofSeconds(5)).until(() -> files().stream().anyMatch(p -> size(p) > 0));

        long stop = System.nanoTime();
        stopRoute("download");
        Exchange out = sent.get(5, TimeUnit.SECONDS);
        assertThat(out.getException()).isInstanceOf(SegmindException.class).hasMessageContaining("producer stopped");
        await().atMost(Duration.ofMillis(500)).until(() -> files().isEmpty());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop)).as("ms until the download ended")
                .isLessThan(3000);
        // once the stalled body would have come, nothing has come back to disk either
        Thread.sleep(4500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop));
        assertThat(files()).isEmpty();
        assertThat(out.getMessage().getBody()).isEqualTo("big");
    }

    @Test
    void aSyncAnswerAfterTheCallbackWritesNothing() throws Exception {
        sim.faults().add(Fault.on(Route.SYNC).delay(Duration.ofSeconds(3)));
        CompletableFuture<Exchange> sent = template.asyncSend("direct:sync", e -> {
            e.getMessage().setBody("a lighthouse at dusk");
            e.getMessage().setHeader("order", "4711");
        });
        Thread.sleep(200);
        stopRoute("sync");
        Exchange out = sent.get(5, TimeUnit.SECONDS);
        assertThat(out.getException()).isInstanceOf(SegmindException.class).hasMessageContaining("producer stopped");
        Map<String, Object> headers = new HashMap<>(out.getMessage().getHeaders());
        Object body = out.getMessage().getBody();

        // the simulator answers the sync call after all
        await().atMost(Duration.ofSeconds(6)).until(() -> sim.journal().count(Route.SYNC) == 1);
        Thread.sleep(300);
        assertThat(sim.journal().entries(Route.SYNC).get(0).httpStatus()).isEqualTo(200);
        assertThat(out.getMessage().getHeaders()).isEqualTo(headers).doesNotContainKey(SegmindConstants.REQUEST_ID);
        assertThat(out.getMessage().getBody()).isSameAs(body).isEqualTo("a lighthouse at dusk");
        assertThat(out.getException()).isInstanceOf(SegmindException.class);
    }

    /** Stops one route, giving its exchanges a second; Camel's warnings about forcing it are expected. */
    private void stopRoute(String routeId) throws Exception {
        try (LogCapture camel = LogCapture.of(org.apache.logging.log4j.Level.WARN, "org.apache.camel")) {
            context.getRouteController().stopRoute(routeId, 1, TimeUnit.SECONDS);
            assertThat(camel.text()).contains("Forcing the routes to be shutdown now");
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return 0;
        }
    }
}
