package dev.camelsegmind.component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.observability.SegmindConsole;
import dev.camelsegmind.component.store.FilePendingJobStore;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job the previous run paid for and never delivered is resumed when the component starts, not only when its
 * message comes back: two contexts in turn on one pending-job directory (a FilePendingJobStore), the first one losing
 * the media after it arrived, the second one finding the entry at start-up.
 */
class SegmindResumeAtStartTest extends SegmindTestSupport {

    private static final String KEY = "wan2.7-image-pro:order-4711";

    @TempDir
    Path dir;

    private final List<Exchange> resumed = new CopyOnWriteArrayList<>();

    @Test
    void acceptedJobsAreDeliveredToResumedJobsUriAtStartAndTheirEntriesRemoved() throws Exception {
        String requestId = payThenLose();
        // an entry nobody may resume: shown and counted, never sent again
        Instant now = Instant.now();
        store().put(new PendingJob("wan2.7-image-pro:order-4712", PendingJob.State.UNCERTAIN, "segmind",
                "wan2.7-image-pro", null, null, now, now.plus(Duration.ofHours(1)), "node-a", "504 after the POST",
                null));

        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.PendingJobResumer");
                CamelContext second = context(false, "direct:resumed")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.size() == 1);
            Exchange out = resumed.get(0);
            assertThat(out.getMessage().getBody()).isInstanceOf(SegmindMedia.class);
            assertPng(out.getMessage().getBody(byte[].class));
            assertThat(out.getMessage().getHeaders())
                    .containsEntry(SegmindConstants.JOB_KEY, KEY)
                    .containsEntry(SegmindConstants.REQUEST_ID, requestId)
                    .containsEntry(SegmindConstants.JOB_MODEL, "wan2.7-image-pro")
                    .containsEntry(SegmindConstants.STATUS, "COMPLETED")
                    .containsEntry(SegmindConstants.RESUMED, true)
                    .containsEntry("order", "4711")
                    .containsEntry("customer", "ACME")
                    .containsKey(Exchange.FILE_NAME);
            assertThat(log.text()).startsWith("INFO").contains("Found 2 pending job(s)")
                    .contains("ACCEPTED=1").contains("UNCERTAIN=1").contains("resuming the 1 accepted one(s)");

            await().atMost(Duration.ofSeconds(5)).until(() -> store().find(KEY).isEmpty());
            assertThat(store().list()).extracting(PendingJob::state).containsExactly(PendingJob.State.UNCERTAIN);
            Map<String, Object> console = console(second);
            assertThat(console.get("pendingCounts").toString()).contains("UNCERTAIN=1").contains("ACCEPTED=0");
        }
        assertThat(sim.journal().count(Route.SUBMIT)).as("paid once, delivered by the second run").isEqualTo(1);
    }

    @Test
    void withoutResumedJobsUriTheStartLogSaysSoAndTheMessageResumesWhenItComesBack() throws Exception {
        String requestId = payThenLose();
        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.PendingJobResumer",
                "dev.camelsegmind.component.engine.JobEngine"); CamelContext second = context(false, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> log.text().contains("pending job"));
            assertThat(log.text()).startsWith("INFO").contains("Found 1 pending job(s)").contains("ACCEPTED=1")
                    .contains("they resume when their messages come back");
            assertThat(store().find(KEY)).as("kept for its message").isPresent();
            Map<String, Object> console = console(second);
            assertThat(console.get("pending").toString()).contains(requestId).contains("ACCEPTED");

            Exchange again = second.createProducerTemplate().request("direct:in", this::order);
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
            assertThat(again.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(requestId);
            assertThat(store().find(KEY)).isEmpty();
            assertThat(log.text()).contains("Resuming pending Segmind job " + requestId);
        }
        assertThat(resumed).isEmpty();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    /** The first run: the job is accepted and its media arrives, then the route fails before keeping it. */
    private String payThenLose() throws Exception {
        try (CamelContext first = context(true, null)) {
            Exchange out = first.createProducerTemplate().request("direct:in", this::order);
            assertThat(out.getException()).hasMessage("disk full");
            String requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
            assertThat(store().find(KEY)).map(PendingJob::state).contains(PendingJob.State.ACCEPTED);
            assertThat(store().find(KEY).orElseThrow().attributes()).containsEntry("order", "4711");
            return requestId;
        }
    }

    private void order(Exchange e) {
        e.getMessage().setBody("a red bicycle");
        e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-4711");
        e.getMessage().setHeader(SegmindConstants.JOB_ATTRIBUTES, Map.of("order", 4711, "customer", "ACME"));
    }

    private FilePendingJobStore store() {
        return new FilePendingJobStore(dir);
    }

    private CamelContext context(boolean failAfterDelivery, String resumedJobsUri) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.setDevConsole(true);
        SegmindComponent component = new SegmindComponent();
        configure(component.getConfiguration());
        // tag::resumed-jobs-uri[]
        component.setPendingJobDirectory(dir.toString()); // camel.component.segmind.pending-job-directory
        component.setResumedJobsUri(resumedJobsUri);      // camel.component.segmind.resumed-jobs-uri = direct:resumed
        // end::resumed-jobs-uri[]
        ctx.addComponent("segmind", component);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                if (failAfterDelivery) {
                    from("direct:in").to("segmind:wan2.7-image-pro")
                            .throwException(new IllegalStateException("disk full"));
                } else {
                    from("direct:in").to("segmind:wan2.7-image-pro");
                }
                from("direct:resumed").process(e -> resumed.add(e.copy()));
            }
        });
        ctx.start();
        return ctx;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> console(CamelContext ctx) {
        DevConsole console = ctx.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("segmind");
        assertThat(console).isInstanceOf(SegmindConsole.class);
        return (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
    }
}
