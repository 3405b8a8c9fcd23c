package dev.camelsegmind.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SegmindMetricsTest extends SegmindTestSupport {

    // tag::bind-registry[]
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the name camel-micrometer uses; any single MeterRegistry bean is found too
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }
    // end::bind-registry[]

    private double count(String name, String model) {
        return registry.get(name).tag("model", model).counter().count();
    }

    @Test
    void aDeliveredJobMovesTheCountersAndTimers() {
        String model = "wan2.7-image-pro";
        Exchange out = template.request("segmind:" + model, e -> e.getMessage().setBody("a lighthouse"));
        assertThat(out.getException()).isNull();
        byte[] media = bodyBytes(out);
        double cost = out.getMessage().getHeader(SegmindConstants.COST, Double.class);

        assertThat(count("segmind.jobs.submitted", model)).isEqualTo(1);
        assertThat(count("segmind.jobs.completed", model)).isEqualTo(1);
        assertThat(registry.get("segmind.status.calls").tag("model", model).counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(sim.journal().count(Route.STATUS));
        assertThat(registry.get("segmind.job.render.time").tag("model", model).timer().count()).isEqualTo(1);
        assertThat(registry.get("segmind.job.added.latency").tag("model", model).timer().count()).isEqualTo(1);
        assertThat(registry.get("segmind.download.bytes").tag("model", model).summary().totalAmount())
                .isEqualTo(media.length);
        assertThat(registry.get("segmind.credits.spent").tag("model", model).counter().count()).isEqualTo(cost);
        assertThat(registry.get("segmind.jobs.inflight").tag("model", model).gauge().value()).isZero();
        assertThat(registry.find("segmind.jobs.failed").counters()).isEmpty();
    }

    @Test
    void aFailedJobIsCountedWithItsErrorType() {
        sim.model("blocked-model").failWith("blocked");
        Exchange out = template.request("segmind:blocked-model", e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isNotNull();

        // tag::failed-counter[]
        assertThat(registry.get("segmind.jobs.failed").tag("model", "blocked-model")
                .tag("error", "SegmindJobFailedException").counter().count()).isEqualTo(1);
        // end::failed-counter[]
        assertThat(registry.find("segmind.jobs.completed").counters()).isEmpty();
    }

    @Test
    void aRetriedStatusReadIsCountedAndTheJobStillCompletes() {
        sim.faults().add(Fault.on(Route.STATUS).status(502).times(1));
        Exchange out = template.request("segmind:wan2.7-image-pro", e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isNull();

        assertThat(registry.get("segmind.retries").tag("model", "wan2.7-image-pro").tag("phase", "status")
                .counter().count()).isEqualTo(1);
        assertThat(count("segmind.jobs.completed", "wan2.7-image-pro")).isEqualTo(1);
    }

    @Test
    void theInflightGaugeCountsJobsBeingWaitedFor() throws Exception {
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(1000));
        CompletableFuture<Exchange> job = template.asyncSend("segmind:wan2.7-i2v?outputType=url",
                e -> e.getMessage().setBody("waves"));

        await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("segmind.jobs.inflight")
                .tag("model", "wan2.7-i2v").gauge() != null);
        Gauge inflight = registry.get("segmind.jobs.inflight").tag("model", "wan2.7-i2v").gauge();
        assertThat(inflight.value()).isEqualTo(1);
        assertThat(job.get().getException()).isNull();
        assertThat(inflight.value()).isZero();
        // the simulator reports queue time; the timer records it
        assertThat(registry.get("segmind.job.queue.time").tag("model", "wan2.7-i2v").timer().count()).isEqualTo(1);
    }
}
