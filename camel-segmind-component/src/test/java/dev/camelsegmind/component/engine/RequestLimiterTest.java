package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request budget and the retry backoff, on their own. */
class RequestLimiterTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void noWindowEverHoldsMoreGrantsThanTheBudgetAndGrantsComeInOrder() throws Exception {
        RequestLimiter limiter = new RequestLimiter(3, 0, scheduler, 200);
        List<Long> grantedAt = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long asked = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            int n = i;
            all.add(limiter.acquireRequest().thenRun(() -> {
                synchronized (grantedAt) {
                    grantedAt.add(System.nanoTime());
                    order.add(n);
                }
                // answered at once: its place frees a window from now
                limiter.requestDone();
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        assertThat(order).isSorted();
        // all ten were asked for at once, so with 3 per 200 ms window grant k cannot come before (k / 3) windows have
        // passed. The test reads its clock after each grant, which on a loaded machine can be late but never early,
        // so this bound holds however slow the machine (a limiter that ignored the window would grant all at once).
        // The limiter keeps time in whole milliseconds, so each window may close up to a millisecond early.
        for (int k = 0; k < grantedAt.size(); k++) {
            assertThat(Duration.ofNanos(grantedAt.get(k) - asked)).as("grant %d", k)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200L * (k / 3) - (k / 3)));
        }
    }

    @Test
    void aCallHoldsItsPlaceUntilAWindowAfterItsAnswerNotAfterItsGrant() throws Exception {
        RequestLimiter limiter = new RequestLimiter(1, 0, scheduler, 200);
        assertThat(limiter.acquireRequest()).isDone();
        CompletableFuture<Void> next = limiter.acquireRequest();

        // a slow answer: the server counted the call when it arrived, so a window from the grant is not enough
        Thread.sleep(300);
        assertThat(next).as("the first call is still under way").isNotDone();
        long answered = System.nanoTime();
        limiter.requestDone();

        next.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).isGreaterThanOrEqualTo(Duration.ofMillis(199));
    }

    @Test
    void theWaitItReportsCountsACallStillUnderWayAsAWholeWindow() {
        RequestLimiter limiter = new RequestLimiter(1, 0, scheduler, 60_000);
        assertThat(limiter.currentDelayMillis()).as("nothing granted").isZero();
        assertThat(limiter.acquireRequest()).isDone();
        assertThat(limiter.currentDelayMillis()).as("the only place is held by a call not yet answered")
                .isEqualTo(60_000);
        limiter.requestDone();
        assertThat(limiter.currentDelayMillis()).as("answered: its place frees a window after the answer")
                .isBetween(59_000L, 60_000L);
    }

    @Test
    void aJobSlotIsHandedToTheNextWaiter() throws Exception {
        RequestLimiter limiter = new RequestLimiter(0, 1, scheduler);
        assertThat(limiter.acquireJob()).isDone();
        CompletableFuture<Void> second = limiter.acquireJob();
        assertThat(second).isNotDone();
        assertThat(limiter.waitingJobs()).isEqualTo(1);
        limiter.releaseJob();
        second.get(5, TimeUnit.SECONDS);
        assertThat(limiter.waitingJobs()).isZero();
    }

    @Test
    void whileGrantsAreHeldAFreedSlotWaitsAndThenSkipsWaitersGivenUpMeanwhile() throws Exception {
        RequestLimiter limiter = new RequestLimiter(0, 1, scheduler);
        assertThat(limiter.acquireJob()).isDone();
        CompletableFuture<Void> givenUp = limiter.acquireJob();
        CompletableFuture<Void> next = limiter.acquireJob();

        limiter.holdGrants();
        limiter.releaseJob();
        Thread.sleep(100);
        assertThat(givenUp).as("no slot handed on while grants are held").isNotDone();
        givenUp.completeExceptionally(new IllegalStateException("its producer stopped"));
        limiter.resumeGrants();

        next.get(5, TimeUnit.SECONDS);
        assertThat(limiter.waitingJobs()).isZero();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterBetweenHalfAndAll() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), false);
        for (int round = 0; round < 200; round++) {
            assertThat(policy.delayMillis(1)).isBetween(50L, 100L);
            assertThat(policy.delayMillis(2)).isBetween(100L, 200L);
            assertThat(policy.delayMillis(3)).isBetween(200L, 400L);
            assertThat(policy.delayMillis(8)).isBetween(500L, 1000L);
        }
    }
}
