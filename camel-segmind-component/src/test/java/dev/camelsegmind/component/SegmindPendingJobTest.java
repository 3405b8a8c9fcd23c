package dev.camelsegmind.component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.StateRepositoryPendingJobStore;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every accepted job is recorded until its media is delivered, so a message that comes back (a redelivery, a
 * restart, another node) resumes the paid job instead of paying again.
 */
class SegmindPendingJobTest extends SegmindTestSupport {

    private final MemoryStateRepository shared = new MemoryStateRepository();

    @TempDir
    Path dir;

    @Override
    protected void configureComponent(SegmindComponent component) {
        component.setPendingJobRepository(shared);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the media arrives, then the route fails: the exchange never completes, so the job stays pending
                from("direct:failsAfterDelivery").to("segmind:wan2.7-image-pro")
                        .throwException(new IllegalStateException("disk full"));
                from("direct:ok").to("segmind:wan2.7-image-pro");
            }
        };
    }

    private Exchange send(String uri, String key, String prompt) {
        return template.request(uri, e -> {
            e.getMessage().setBody(prompt);
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, key);
        });
    }

    private StateRepositoryPendingJobStore store() {
        return new StateRepositoryPendingJobStore(shared);
    }

    @Test
    void aMessageThatFailedAfterDeliveryResumesItsJobInsteadOfPayingAgain() {
        Exchange first = send("direct:failsAfterDelivery", "msg-1", "a lighthouse");
        assertThat(first.getException()).hasMessage("disk full");
        String requestId = first.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(store().find("wan2.7-image-pro:msg-1")).map(PendingJob::requestId).contains(requestId);

        Exchange again = send("direct:ok", "msg-1", "a lighthouse");
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
        assertThat(again.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(requestId);
        assertPng(bodyBytes(again));
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(store().find("wan2.7-image-pro:msg-1")).as("removed once delivered").isEmpty();
    }

    @Test
    void theJobIsRecordedBeforeTheProducerGoesOn() {
        sim.model("wan2.7-image-pro").renderTime(Duration.ofSeconds(1500));
        Future<Exchange> running = template.asyncSend("direct:ok", e -> {
            e.getMessage().setBody("slow");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "slow-1");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().count(Route.STATUS) > 0);
        PendingJob pending = store().find("wan2.7-image-pro:slow-1").orElseThrow();
        assertThat(sim.job(pending.requestId())).isPresent();
        assertThat(pending.model()).isEqualTo("wan2.7-image-pro");
        assertThat(pending.state()).isEqualTo(PendingJob.State.ACCEPTED);
        assertThat(pending.since()).isBefore(Instant.now());
        assertThat(running).isNotDone();
    }

    @Test
    void aFailedJobIsForgottenSoARedeliverySubmitsAnew() {
        Exchange failed = send("direct:ok", "msg-2", "a storm [sim:fail]");
        assertThat(failed.getException()).isInstanceOf(SegmindJobFailedException.class);
        assertThat(store().find("wan2.7-image-pro:msg-2")).isEmpty();
    }

    @Test
    void anExpiredPendingJobIsReportedAndTheMessageGetsANewJob() {
        String id = "0f0f0f0f-0000-4000-8000-000000000001";
        Instant submitted = Instant.now().minus(Duration.ofMinutes(61));
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.camelsegmind")) {
            store().put(new PendingJob("wan2.7-image-pro:msg-3", PendingJob.State.ACCEPTED, "segmind",
                    "wan2.7-image-pro", id, null, submitted, submitted.plus(Duration.ofHours(1)), null, null, null));
            Exchange out = send("direct:ok", "msg-3", "old");
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isFalse();
            assertThat(log.text()).startsWith("WARN").contains(id).contains("expired")
                    .contains("before its media was delivered");
        }
        assertThat(sim.journal().count(Route.SUBMIT)).as("the expired job is gone: a new one is paid").isEqualTo(1);
    }

    @Test
    void aPendingJobSegmindNoLongerKnowsIsReportedAndForgotten() {
        Exchange first = send("direct:failsAfterDelivery", "msg-4", "gone");
        String requestId = first.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        sim.expire(requestId);
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.camelsegmind")) {
            Exchange resumed = send("direct:ok", "msg-4", "gone");
            assertThat(resumed.getException()).isInstanceOf(SegmindRequestExpiredException.class);
            assertThat(log.text()).contains("WARN").contains(requestId);
        }
        assertThat(store().find("wan2.7-image-pro:msg-4")).isEmpty();
    }

    @Test
    void aFileRepositorySurvivesARestart() throws Exception {
        Path file = dir.resolve("pending.dat");
        String requestId;
        try (CamelContext before = fileBackedContext(file, true)) {
            Exchange out = before.createProducerTemplate().request("direct:in", e -> {
                e.getMessage().setBody("survives");
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "file-1");
            });
            assertThat(out.getException()).hasMessage("crash before the media was stored");
            requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        }
        try (CamelContext after = fileBackedContext(file, false)) {
            ProducerTemplate t = after.createProducerTemplate();
            Exchange out = t.request("direct:in", e -> {
                e.getMessage().setBody("survives");
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "file-1");
            });
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
            assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(requestId);
        }
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aSharedRepositoryLetsAnotherNodeResume() throws Exception {
        // node A pays for the job and dies before delivering; node B, sharing the repository, picks it up
        Exchange onA = send("direct:failsAfterDelivery", "cluster-1", "shared");
        try (CamelContext nodeB = new DefaultCamelContext()) {
            SegmindComponent component = new SegmindComponent();
            configure(component.getConfiguration());
            component.setPendingJobRepository(shared);
            nodeB.addComponent("segmind", component);
            nodeB.start();
            Exchange onB = nodeB.createProducerTemplate().request("segmind:wan2.7-image-pro", e -> {
                e.getMessage().setBody("shared");
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "cluster-1");
            });
            assertThat(onB.getException()).isNull();
            assertThat(onB.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
            assertThat(onB.getMessage().getHeader(SegmindConstants.REQUEST_ID))
                    .isEqualTo(onA.getMessage().getHeader(SegmindConstants.REQUEST_ID));
        }
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void withoutAKeyANewMessageWithTheSameContentGetsItsOwnJob() {
        Exchange first = template.request("direct:failsAfterDelivery", e -> e.getMessage().setBody("same words"));
        Exchange again = template.request("direct:ok", e -> e.getMessage().setBody("same words"));
        assertThat(first.getException()).hasMessage("disk full");
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isFalse();
        assertThat(again.getMessage().getHeader(SegmindConstants.REQUEST_ID))
                .isNotEqualTo(first.getMessage().getHeader(SegmindConstants.REQUEST_ID));
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
    }

    @Test
    void withoutAKeyARedeliveredJmsMessageResumesItsJob() {
        Exchange first = template.request("direct:failsAfterDelivery", e -> {
            e.getMessage().setBody("same words");
            e.getMessage().setHeader("JMSMessageID", "ID:broker-1-42");
        });
        Exchange redelivered = template.request("direct:ok", e -> {
            e.getMessage().setBody("same words");
            e.getMessage().setHeader("JMSMessageID", "ID:broker-1-42");
        });
        Exchange other = template.request("direct:ok", e -> {
            e.getMessage().setBody("same words");
            e.getMessage().setHeader("JMSMessageID", "ID:broker-1-43");
        });
        assertThat(redelivered.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
        assertThat(redelivered.getMessage().getHeader(SegmindConstants.REQUEST_ID))
                .isEqualTo(first.getMessage().getHeader(SegmindConstants.REQUEST_ID));
        assertThat(other.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isFalse();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
    }

    private CamelContext fileBackedContext(Path file, boolean failAfter) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        SegmindComponent component = new SegmindComponent();
        configure(component.getConfiguration());
        component.setPendingJobFile(file.toString());
        ctx.addComponent("segmind", component);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (failAfter) {
                    from("direct:in").to("segmind:wan2.7-image-pro")
                            .throwException(new IllegalStateException("crash before the media was stored"));
                } else {
                    from("direct:in").to("segmind:wan2.7-image-pro");
                }
            }
        });
        ctx.start();
        return ctx;
    }
}
