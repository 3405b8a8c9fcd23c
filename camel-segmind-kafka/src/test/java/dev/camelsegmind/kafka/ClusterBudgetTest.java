package dev.camelsegmind.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelsegmind.component.engine.RequestLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClusterBudgetTest {

    /** The budget's "minute", shortened so the test waits half a second instead of one. */
    private static final long WINDOW = 500;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RequestLimiter limiter = new RequestLimiter(0, 0, timer, WINDOW);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aNodeGetsOnePartitionsShareForEachItOwnsAndATakenOverOneAWindowLater() {
        ClusterBudget budget = new ClusterBudget(limiter, 60, 6, timer);

        budget.gained(0, false);
        budget.gained(1, false);
        assertThat(limiter.maxRequestsPerMinute()).isEqualTo(20);

        budget.gained(2, true);
        assertThat(limiter.maxRequestsPerMinute()).as("its former owner's calls are still in the window")
                .isEqualTo(20);
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.maxRequestsPerMinute() == 30);

        budget.lost(0);
        assertThat(limiter.maxRequestsPerMinute()).as("a lost share goes at once").isEqualTo(20);
    }

    @Test
    void aNodeWhoseOnlyPartitionsWereTakenOverMakesNoCallForAWindow() {
        ClusterBudget budget = new ClusterBudget(limiter, 60, 6, timer);
        long start = System.nanoTime();

        budget.gained(3, true);
        CompletableFuture<Void> call = limiter.acquireRequest();

        await().atMost(Duration.ofSeconds(5)).until(call::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(WINDOW - 20));
        assertThat(limiter.maxRequestsPerMinute()).isEqualTo(10);
    }

    @Test
    void aPartitionNobodyWorkedLatelyCountsAtOnce() {
        ClusterBudget budget = new ClusterBudget(limiter, 60, 6, timer);

        assertThat(budget.recentlyWorked(false, -1)).as("never written").isFalse();
        assertThat(budget.recentlyWorked(false, System.currentTimeMillis() - 3_600_000)).isFalse();
        assertThat(budget.recentlyWorked(false, System.currentTimeMillis())).as("written just now").isTrue();
        assertThat(budget.recentlyWorked(true, -1)).as("jobs pending").isTrue();
    }
}
