package dev.camelsegmind.component;

import java.time.Duration;

import dev.camelsegmind.component.engine.AdaptivePollingPolicy;
import dev.camelsegmind.component.engine.PollingPolicy;
import dev.camelsegmind.simulator.JobView;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A route on pollStrategy=adaptive learns how long a model takes and stops asking while a job cannot be done. */
class SegmindAdaptivePollingTest extends SegmindTestSupport {

    private static final String ADAPTIVE = "segmind:wan2.7-i2v?pollStrategy=adaptive&pollInterval=10"
                                           + "&maxPollInterval=1000";

    @Test
    void learnsFromFinishedJobsWhenToStartPolling() throws Exception {
        sim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(400)); // 400 ms here
        Exchange last = null;
        for (int i = 0; i < 4; i++) {
            int n = i;
            last = template.send(ADAPTIVE, e -> e.getMessage().setBody("clip " + n));
            assertThat(last.getException()).isNull();
            assertMp4(last.getMessage().getBody(byte[].class));
        }
        PollingPolicy policy = context.getEndpoint(ADAPTIVE, SegmindEndpoint.class).getPollingPolicy();
        assertThat(policy).isInstanceOf(AdaptivePollingPolicy.class);
        // learnt from the ~400 ms the jobs really took (the catalog says 138 s): wait most of that, then poll
        Duration firstWait = policy.nextDelay("wan2.7-i2v", 0, Duration.ZERO, null);
        assertThat(firstWait).isGreaterThan(Duration.ofMillis(100)).isLessThan(Duration.ofMillis(1000));
        // a fixed 10 ms poller reads about 40 times in 400 ms; a learnt job waits, then reads a few times
        assertThat(statusCalls(last)).isLessThanOrEqualTo(20);
    }

    private static int statusCalls(Exchange exchange) {
        String id = exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        return sim.job(id).map(JobView::statusCalls).orElseThrow();
    }
}
