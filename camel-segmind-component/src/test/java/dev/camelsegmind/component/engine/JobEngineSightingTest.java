package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.MemoryPendingJobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine tells a polling policy about a job's start: a PROCESSING sighting only right after a QUEUED read
 * (the job started between the two), never for a job already running at its first read.
 */
class JobEngineSightingTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final JobEngine engine = new JobEngine(scheduler, RequestLimiter.unlimited(scheduler),
            new MemoryPendingJobStore(), JobListener.NONE);
    private final FakeProvider provider = new FakeProvider();
    private final Recording policy = new Recording();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aJobSeenLeavingTheQueueIsTimedFromThatRead() throws Exception {
        var running = engine.generate(provider, spec());
        awaitReads(2);
        provider.states.replaceAll((k, v) -> JobState.PROCESSING);
        int before = provider.statusReads.get();
        awaitReads(before + 2);
        provider.states.replaceAll((k, v) -> JobState.COMPLETED);
        running.get(10, TimeUnit.SECONDS);

        assertThat(policy.seen.subList(0, 2)).as("while QUEUED").containsOnlyNulls();
        Duration sighting = policy.seen.get(policy.seen.size() - 1);
        assertThat(sighting).as("from the first PROCESSING read on").isNotNull();
        assertThat(policy.seen.stream().filter(s -> s != null).distinct()).containsExactly(sighting);
        assertThat(policy.finishedSinceSighting).hasSize(1).doesNotContainNull();
        assertThat(policy.finishedSinceSighting.get(0)).isLessThan(Duration.ofSeconds(5)).isPositive();
    }

    @Test
    void aJobAlreadyRunningAtItsFirstReadHasNoSighting() throws Exception {
        policy.firstDelay = Duration.ofMillis(200);
        var running = engine.generate(provider, spec());
        while (provider.states.isEmpty()) {
            Thread.sleep(5);
        }
        provider.states.replaceAll((k, v) -> JobState.PROCESSING);
        awaitReads(3);
        provider.states.replaceAll((k, v) -> JobState.COMPLETED);
        running.get(10, TimeUnit.SECONDS);

        assertThat(policy.seen).hasSizeGreaterThanOrEqualTo(3).containsOnlyNulls();
        assertThat(policy.finishedSinceSighting).containsExactly((Duration) null);
    }

    private JobSpec spec() {
        return new JobSpec("fake-model", Map.of("prompt", "x"), null, Duration.ofSeconds(10), policy,
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), false), null, JobListener.NONE);
    }

    private void awaitReads(int reads) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (provider.statusReads.get() < reads && System.currentTimeMillis() < until) {
            Thread.sleep(5);
        }
    }

    /** Polls every 20 ms and keeps what the engine passed. */
    private static final class Recording implements PollingPolicy {
        volatile Duration firstDelay = Duration.ofMillis(20);
        final List<Duration> seen = new CopyOnWriteArrayList<>();
        final List<Duration> finishedSinceSighting = new CopyOnWriteArrayList<>();

        @Override
        public Duration nextDelay(String model, int polls, Duration elapsed, JobState state) {
            return polls == 0 ? firstDelay : Duration.ofMillis(20);
        }

        @Override
        public Duration nextDelay(String model, int polls, Duration elapsed, JobState state, Duration processingSeen) {
            if (polls > 0) {
                seen.add(processingSeen);
            }
            return nextDelay(model, polls, elapsed, state);
        }

        @Override
        public void jobFinished(String model, Duration duration, Duration sinceProcessingSeen) {
            finishedSinceSighting.add(sinceProcessingSeen);
        }
    }
}
