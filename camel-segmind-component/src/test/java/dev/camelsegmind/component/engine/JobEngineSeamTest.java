package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.MemoryPendingJobStore;
import dev.camelsegmind.component.store.PendingJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine driven by a provider that is not Segmind: submit, poll, push completion and every failure kind, with the
 * store as witness. If the seam needed anything of Segmind, this provider could not exist.
 */
class JobEngineSeamTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MemoryPendingJobStore store = new MemoryPendingJobStore();
    private final JobEngine engine = new JobEngine(scheduler, RequestLimiter.unlimited(scheduler), store,
            JobListener.NONE);
    private final FakeProvider provider = new FakeProvider();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static JobSpec spec(String jobKey) {
        return new JobSpec("fake-model", Map.of("prompt", "x"), jobKey, Duration.ofSeconds(10),
                new FixedPollingPolicy(Duration.ofMillis(20)), new RetryPolicy(3, Duration.ofMillis(5),
                        Duration.ofMillis(20), false), null, JobListener.NONE);
    }

    private void finishSoon(String state, long millis) {
        scheduler.schedule(() -> provider.states.replaceAll((k, v) -> JobState.valueOf(state)), millis,
                TimeUnit.MILLISECONDS);
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void submitPollAndFetchThroughAnotherProvider() throws Exception {
        finishSoon("COMPLETED", 100);
        JobResult result = get(engine.generate(provider, spec("k1")));
        assertThat(result.handle().provider()).isEqualTo("fake");
        assertThat(result.handle().locator()).isEqualTo("locator:" + result.handle().requestId());
        assertThat(result.outputs()).hasSize(1);
        assertThat(provider.submits).hasValue(1);
        assertThat(provider.statusReads.get()).isGreaterThan(1);
        assertThat(provider.resultReads).hasValue(1);
        assertThat(store.find("k1")).as("accepted and still undelivered").map(PendingJob::state)
                .contains(PendingJob.State.ACCEPTED);
        engine.delivered("k1");
        assertThat(store.find("k1")).isEmpty();
    }

    @Test
    void aPushEndsTheWaitWithOneConfirmingReadAndNoPolling() throws Exception {
        provider.pushWindow = Duration.ofMinutes(5);
        CompletableFuture<JobResult> running = engine.generate(provider, spec(null));
        String id = awaitSubmitted();
        Thread.sleep(150);
        assertThat(provider.statusReads).as("no polling while a push is expected").hasValue(0);
        provider.states.put(id, JobState.COMPLETED);
        assertThat(engine.signal("fake", id)).isTrue();
        assertThat(get(running).handle().requestId()).isEqualTo(id);
        assertThat(provider.statusReads).as("the push is confirmed by one read").hasValue(1);
        assertThat(provider.resultReads).hasValue(1);
    }

    @Test
    void aPushIsAHintNotTheTruth() throws Exception {
        provider.pushWindow = Duration.ofMillis(300);
        CompletableFuture<JobResult> running = engine.generate(provider, spec(null));
        String id = awaitSubmitted();
        // a forged or early push: the provider says the job still runs, so it goes on
        assertThat(engine.signal("fake", id)).isTrue();
        Thread.sleep(100);
        assertThat(running).isNotDone();
        assertThat(provider.resultReads).hasValue(0);
        // the real push is lost: polling after the window finds the job done all the same
        finishSoon("COMPLETED", 0);
        assertThat(get(running).handle().requestId()).isEqualTo(id);
    }

    @Test
    void pushesAndPollsRacingFetchTheResultOnce() throws Exception {
        CompletableFuture<JobResult> running = engine.generate(provider, spec(null));
        String id = awaitSubmitted();
        provider.states.put(id, JobState.COMPLETED);
        for (int i = 0; i < 20; i++) {
            engine.signal("fake", id);
        }
        get(running);
        Thread.sleep(100);
        assertThat(provider.resultReads).hasValue(1);
        assertThat(engine.signal("fake", id)).as("a push for a finished job is ignored").isFalse();
        assertThat(engine.signal("fake", "unknown")).isFalse();
    }

    @Test
    void retryableFailuresAreRepeated() throws Exception {
        provider.failNext(CallPhase.SUBMIT, FailureKind.RETRYABLE, FailureKind.RATE_LIMITED);
        provider.failNext(CallPhase.STATUS, FailureKind.RETRYABLE);
        finishSoon("COMPLETED", 50);
        get(engine.generate(provider, spec("k2")));
        assertThat(provider.submits).hasValue(3);
    }

    @Test
    void anUncertainSubmitIsNeverRepeatedAndIsRecordedForAnOperator() throws Exception {
        provider.failNext(CallPhase.SUBMIT, FailureKind.UNCERTAIN);
        assertThatThrownBy(() -> get(engine.generate(provider, spec("k3"))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FakeProvider.FakeError.class);
        assertThat(provider.submits).hasValue(1);
        assertThat(store.find("k3")).map(PendingJob::state).contains(PendingJob.State.UNCERTAIN);
        // the message comes back: it is refused at once, without a call
        assertThatThrownBy(() -> get(engine.generate(provider, spec("k3"))))
                .hasCauseInstanceOf(FakeProvider.FakeError.class).hasMessageContaining("operator");
        assertThat(provider.submits).hasValue(1);
    }

    @Test
    void aFinalFailureIsNotRepeatedAndFreesTheKey() throws Exception {
        provider.failNext(CallPhase.SUBMIT, FailureKind.FINAL);
        assertThatThrownBy(() -> get(engine.generate(provider, spec("k4")))).hasCauseInstanceOf(
                FakeProvider.FakeError.class);
        assertThat(provider.submits).hasValue(1);
        assertThat(store.find("k4")).as("certainly refused: the key is free again").isEmpty();
    }

    @Test
    void aFailedJobAndAnExpiredJobAreForgotten() throws Exception {
        finishSoon("FAILED", 50);
        assertThatThrownBy(() -> get(engine.generate(provider, spec("k5")))).hasMessageContaining("it broke");
        assertThat(store.find("k5")).isEmpty();

        CompletableFuture<JobResult> running = engine.generate(provider, spec("k6"));
        String id = awaitSubmitted();
        provider.states.remove(id);
        assertThatThrownBy(() -> get(running)).hasMessageContaining("no task " + id);
        assertThat(store.find("k6")).isEmpty();
    }

    @Test
    void twoDeliveriesOfOneMessageSubmitOnce() throws Exception {
        finishSoon("COMPLETED", 200);
        CompletableFuture<JobResult> a = engine.generate(provider, spec("same"));
        CompletableFuture<JobResult> b = engine.generate(provider, spec("same"));
        JobResult ra = get(a);
        JobResult rb = get(b);
        assertThat(provider.submits).hasValue(1);
        assertThat(rb.handle().requestId()).isEqualTo(ra.handle().requestId());
        assertThat(ra.resumed() || rb.resumed()).as("one of them resumed the other's job").isTrue();
    }

    @Test
    void aDeadlineEndsTheJobWhateverItsStage() throws Exception {
        JobSpec shortOne = new JobSpec("fake-model", Map.of(), null, Duration.ofMillis(200),
                new FixedPollingPolicy(Duration.ofMillis(20)), RetryPolicy.NONE, null, JobListener.NONE);
        assertThatThrownBy(() -> get(engine.generate(provider, shortOne))).hasMessageContaining("timed out");
    }

    @Test
    void anAbandonedJobWaitingForASlotIsNeverSubmitted() throws Exception {
        RequestLimiter oneAtATime = new RequestLimiter(0, 1, scheduler);
        JobEngine limited = new JobEngine(scheduler, oneAtATime, store, JobListener.NONE);
        CompletableFuture<JobResult> first = limited.generate(provider, spec(null));
        CompletableFuture<Void> abandon = new CompletableFuture<>();
        JobSpec second = new JobSpec("fake-model", Map.of(), null, Duration.ofSeconds(10),
                new FixedPollingPolicy(Duration.ofMillis(20)), RetryPolicy.NONE, null, JobListener.NONE, abandon,
                null);
        CompletableFuture<JobResult> waiting = limited.generate(provider, second);
        awaitSubmitted();
        abandon.completeExceptionally(new IllegalStateException("producer stopped"));
        assertThatThrownBy(() -> get(waiting)).hasRootCauseMessage("producer stopped");
        finishSoon("COMPLETED", 0);
        get(first);
        Thread.sleep(100);
        assertThat(provider.submits).as("the abandoned job never reached the provider").hasValue(1);
    }

    private String awaitSubmitted() throws InterruptedException {
        for (int i = 0; i < 500 && provider.states.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(provider.states).isNotEmpty();
        return provider.states.keySet().iterator().next();
    }
}
