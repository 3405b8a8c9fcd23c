package dev.camelsegmind.component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting jobs hold no thread: 200 renders in flight at once keep the thread count flat. */
class SegmindConcurrencyTest extends SegmindTestSupport {

    @Test
    void twoHundredJobsInFlightNeedFewThreads() throws Exception {
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(1500)); // 1.5 s at the test's time factor
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        List<CompletableFuture<Exchange>> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            jobs.add(template.asyncSend("segmind:wan2.7-i2v?pollInterval=100&maxPollInterval=300",
                    e -> e.getMessage().setBody("clip " + n)));
        }
        int peak = 0;
        // sample for a second at least, and until all 200 are submitted (slower on a loaded machine)
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 1000
                || (sim.journal().count(Route.SUBMIT) < 200 && System.currentTimeMillis() - start < 30_000)) {
            peak = Math.max(peak, ManagementFactory.getThreadMXBean().getThreadCount());
            Thread.sleep(20);
        }
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(200);
        for (CompletableFuture<Exchange> job : jobs) {
            Exchange out = job.get();
            assertThat(out.getException()).isNull();
            assertMp4(out.getMessage().getBody(byte[].class));
        }
        // ProducerTemplate's own async pool accounts for some; the component adds a handful, not one per job
        assertThat(peak - before).as("threads added while 200 jobs wait").isLessThan(40);
    }
}
