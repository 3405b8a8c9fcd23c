package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Per-job queue and render times drawn from a distribution: the shape of a few thousand draws, and jobs whose
 * QUEUED, PROCESSING and COMPLETED moments follow their own draws, stepped on a simulated clock.
 */
class RenderTimeDistributionTest {

    private static final int DRAWS = 4_000;

    @Test
    void logNormalHasItsMedianAndItsLongTail() {
        long[] ms = draws(DurationDistribution.logNormal(Duration.ofMillis(137_700), 0.4), 1);
        // median 137.7 s; 99th percentile 137.7 × e^(2.326 × 0.4) = 349 s
        assertThat(quantile(ms, 0.5)).isCloseTo(137_700L, within(5_500L));
        assertThat(quantile(ms, 0.99)).isCloseTo(349_200L, within(35_000L));
        assertThat(quantile(ms, 0.01)).isCloseTo(54_300L, within(5_400L));
    }

    @Test
    void uniformStaysWithinItsBoundsAndFillsThem() {
        long[] ms = draws(DurationDistribution.uniform(Duration.ofSeconds(30), Duration.ofSeconds(36)), 2);
        assertThat(ms[0]).isGreaterThanOrEqualTo(30_000).isLessThan(30_100);
        assertThat(ms[ms.length - 1]).isLessThanOrEqualTo(36_000).isGreaterThan(35_900);
        assertThat(quantile(ms, 0.5)).isCloseTo(33_000L, within(200L));
    }

    @Test
    void aMixtureHasBothModesInItsShares() {
        DurationDistribution queue = DurationDistribution.mixture(0.7,
                DurationDistribution.uniform(Duration.ofMillis(500), Duration.ofSeconds(2)),
                DurationDistribution.logNormal(Duration.ofSeconds(60), 0.3));
        long[] ms = draws(queue, 3);
        long quick = Arrays.stream(ms).filter(m -> m <= 2_000).count();
        assertThat(quick / (double) DRAWS).isCloseTo(0.7, within(0.03));
        assertThat(Arrays.stream(ms).filter(m -> m > 2_000 && m < 20_000).count())
                .as("nothing between the modes but the slow mode's thin left tail").isLessThan(DRAWS / 100);
        assertThat(quantile(ms, 0.85)).isCloseTo(60_000L, within(6_000L));
    }

    @Test
    void aSeededProfileDrawsTheSameTimesAgain() {
        try (SegmindSimulator sim = SegmindSimulator.builder().build()) {
            ModelProfile p = sim.model("bench").renderTimes(DurationDistribution.logNormal(Duration.ofSeconds(10), 0.5));
            p.seed(7);
            List<Duration> first = List.of(p.snapshot().renderTime(), p.snapshot().renderTime());
            p.seed(7);
            assertThat(List.of(p.snapshot().renderTime(), p.snapshot().renderTime())).isEqualTo(first);
            assertThat(first.get(0)).isNotEqualTo(first.get(1));
            assertThat(p.renderTime()).as("the typical time is the median").isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void eachJobIsQueuedProcessingAndCompletedAtItsOwnDrawnTimes() {
        SimulatedClock clock = new SimulatedClock();
        try (SegmindSimulator sim = SegmindSimulator.builder().clock(clock).build().start()) {
            sim.model("wan2.7-image-pro")
                    .queueTimes(DurationDistribution.uniform(Duration.ofSeconds(1), Duration.ofSeconds(60)))
                    .renderTimes(DurationDistribution.logNormal(Duration.ofSeconds(33), 0.4));
            SimClient client = new SimClient(sim);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(client.submit("wan2.7-image-pro", "{\"prompt\":\"a fox " + i + "\"}"));
            }
            java.time.Instant submitted = clock.instant();
            clock.advance(Duration.ofMinutes(10));
            List<Long> renders = new ArrayList<>();
            for (String id : ids) {
                JsonNode done = SimClient.json(client.get("/v2/requests/" + id + "/status"));
                assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
                long queue = Math.round(done.at("/metrics/queue_time").asDouble() * 1000);
                long render = Math.round(done.at("/metrics/inference_time").asDouble() * 1000);
                JobView v = sim.job(id).orElseThrow();
                assertThat(Duration.between(submitted, v.startedAt()).toMillis()).isCloseTo(queue, within(10L));
                assertThat(Duration.between(v.startedAt(), v.completedAt()).toMillis()).isCloseTo(render, within(10L));
                renders.add(render);
            }
            assertThat(renders.stream().distinct().count()).as("every job draws its own render time").isEqualTo(20);

            // and the states a client reads change at those moments: step one more job through its timeline
            String id = client.submit("wan2.7-image-pro", "{\"prompt\":\"one more\"}");
            java.time.Instant start = clock.instant();
            List<String> seen = new ArrayList<>();
            List<Long> changedAt = new ArrayList<>();
            for (long t = 0; t <= 600_000; t += 50) {
                String state = SimClient.json(client.get("/v2/requests/" + id + "/status")).get("status").asText();
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                    seen.add(state);
                    changedAt.add(t);
                }
                if (state.equals("COMPLETED")) {
                    break;
                }
                clock.advance(Duration.ofMillis(50));
            }
            assertThat(seen).containsExactly("QUEUED", "PROCESSING", "COMPLETED");
            JsonNode done = SimClient.json(client.get("/v2/requests/" + id + "/status"));
            long queue = Math.round(done.at("/metrics/queue_time").asDouble() * 1000);
            long render = Math.round(done.at("/metrics/inference_time").asDouble() * 1000);
            assertThat(changedAt.get(1)).as("PROCESSING from the drawn queue time on").isBetween(queue, queue + 60);
            assertThat(changedAt.get(2)).as("COMPLETED a drawn render time later")
                    .isBetween(queue + render, queue + render + 60);
            assertThat(start).isNotNull();
        }
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> DurationDistribution.logNormal(Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> DurationDistribution.uniform(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> DurationDistribution.mixture(1.5, DurationDistribution.fixed(Duration.ZERO),
                DurationDistribution.fixed(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] draws(DurationDistribution d, long seed) {
        Random random = new Random(seed);
        long[] ms = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            ms[i] = d.draw(random).toMillis();
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
