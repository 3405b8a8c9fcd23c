package dev.camelsegmind.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component-wide budget: maxRequestsPerMinute and maxConcurrentJobs are shared by every endpoint and status
 * polls count, so a backlog on a plan's limit completes without a single 429.
 * <p>
 * The simulator's minute runs at its time factor (0.01: 600 ms) while the component counts in real time, so the test
 * shortens the component's minute through a package-private, test-only setter to 700 ms: a little longer than the
 * simulator's, as a client must be to never touch the server's edge.
 */
class SegmindRateBudgetTest {

    private static final String KEY = "SG_0123456789abcdef";
    private static final int LIMIT = 5;
    private static final int JOBS = 6;

    private SegmindSimulator sim;
    private CamelContext context;

    @BeforeEach
    void start() {
        sim = SegmindSimulator.builder().timeFactor(0.01).apiKey(KEY).rateLimitPerMinute(LIMIT).build().start();
        sim.model("wan2.7-image-pro").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(20));
        sim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        sim.close();
    }

    private ProducerTemplate context(int maxRequestsPerMinute, int maxConcurrentJobs, int maxRetries)
            throws Exception {
        context = new DefaultCamelContext();
        SegmindComponent component = new SegmindComponent();
        SegmindConfiguration c = component.getConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setApiKey(KEY);
        c.setPollInterval(50);
        c.setMaxPollInterval(200);
        c.setRetryDelay(50);
        c.setMaxRetryDelay(400);
        c.setMaxRetries(maxRetries);
        c.setTimeout(30_000);
        component.setMaxRequestsPerMinute(maxRequestsPerMinute);
        component.setMaxConcurrentJobs(maxConcurrentJobs);
        component.setRateLimitWindowMillis(700);
        context.addComponent("segmind", component);
        context.start();
        return context.createProducerTemplate();
    }

    /** Half the backlog on each of two endpoints: the budget is the component's, not an endpoint's. */
    private List<Exchange> backlog(ProducerTemplate template) throws Exception {
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String uri = i % 2 == 0 ? "segmind:wan2.7-image-pro" : "segmind:wan2.7-i2v";
            int n = i;
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody("backlog item " + n)));
        }
        List<Exchange> done = new ArrayList<>();
        for (Future<Exchange> f : sent) {
            done.add(f.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void aBacklogWithinTheBudgetNeverHitsTheRateLimit() throws Exception {
        List<Exchange> done = backlog(context(LIMIT, 2, 0));
        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        List<JournalEntry> journal = sim.journal().entries();
        assertThat(journal.stream().filter(e -> e.httpStatus() == 429)).as("429 answers").isEmpty();
        assertThat(sim.journal().count(Route.STATUS)).as("status polls went through the budget too").isPositive();
        assertThat(maxOverlap(journal)).as("jobs in flight at once").isLessThanOrEqualTo(2);
    }

    @Test
    void theSameBacklogWithoutTheBudgetIsRateLimited() throws Exception {
        // proves the first test can fail: same traffic, no client-side budget
        List<Exchange> done = backlog(context(0, 0, 50));
        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(sim.journal().entries().stream().filter(e -> e.httpStatus() == 429)).isNotEmpty();
        assertThat(maxOverlap(sim.journal().entries())).isGreaterThan(2);
    }

    /** The most jobs between their submit and their last download at any moment, from the journal. */
    private static int maxOverlap(List<JournalEntry> journal) {
        Map<String, Instant[]> spans = new HashMap<>();
        for (JournalEntry e : journal) {
            if (e.requestId() == null || e.httpStatus() != 200) {
                continue;
            }
            Instant[] span = spans.computeIfAbsent(e.requestId(), id -> new Instant[] { e.timestamp(), e.timestamp() });
            if (e.timestamp().isBefore(span[0])) {
                span[0] = e.timestamp();
            }
            if (e.timestamp().isAfter(span[1])) {
                span[1] = e.timestamp();
            }
        }
        int max = 0;
        for (Instant[] s : spans.values()) {
            int overlapping = 0;
            for (Instant[] o : spans.values()) {
                if (!o[0].isAfter(s[0]) && !o[1].isBefore(s[0])) {
                    overlapping++;
                }
            }
            max = Math.max(max, overlapping);
        }
        return max;
    }
}
