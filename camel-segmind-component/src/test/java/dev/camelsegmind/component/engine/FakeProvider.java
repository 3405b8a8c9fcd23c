package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second provider, in memory, that proves the engine's seam: it has its own ids, its own locator, its own errors
 * and their classification, and it can push. Nothing of Segmind is used.
 */
final class FakeProvider implements JobProvider {

    /** The provider's own error, with the kind it means. */
    static final class FakeError extends RuntimeException {
        final FailureKind kind;

        FakeError(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    final Map<String, JobState> states = new ConcurrentHashMap<>();
    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger statusReads = new AtomicInteger();
    final AtomicInteger resultReads = new AtomicInteger();
    /** Failures the next calls answer with, per phase, in order. */
    final Map<CallPhase, Queue<FailureKind>> failures = new ConcurrentHashMap<>();
    volatile Duration pushWindow;
    private final AtomicInteger ids = new AtomicInteger();

    void failNext(CallPhase phase, FailureKind... kinds) {
        failures.computeIfAbsent(phase, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(kinds));
    }

    private <T> CompletableFuture<T> maybeFail(CallPhase phase) {
        Queue<FailureKind> q = failures.get(phase);
        FailureKind kind = q == null ? null : q.poll();
        return kind == null ? null : CompletableFuture.failedFuture(new FakeError(kind, phase + " failed: " + kind));
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String displayName() {
        return "Fake";
    }

    @Override
    public CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload) {
        submits.incrementAndGet();
        CompletableFuture<JobHandle> failed = maybeFail(CallPhase.SUBMIT);
        if (failed != null) {
            return failed;
        }
        String id = "task-" + ids.incrementAndGet();
        states.put(id, JobState.QUEUED);
        return CompletableFuture.completedFuture(new JobHandle(id(), id, model, "locator:" + id, Instant.now()));
    }

    @Override
    public CompletableFuture<JobStatus> status(JobHandle job) {
        statusReads.incrementAndGet();
        CompletableFuture<JobStatus> failed = maybeFail(CallPhase.STATUS);
        if (failed != null) {
            return failed;
        }
        JobState state = states.get(job.requestId());
        if (state == null) {
            return CompletableFuture.failedFuture(new FakeError(FailureKind.EXPIRED, "no task " + job.requestId()));
        }
        return CompletableFuture.completedFuture(new JobStatus(job.requestId(), state,
                state == JobState.FAILED ? "it broke" : null, Map.of(), Map.of("status", state.name())));
    }

    @Override
    public CompletableFuture<JobResult> result(JobHandle job) {
        resultReads.incrementAndGet();
        CompletableFuture<JobResult> failed = maybeFail(CallPhase.RESULT);
        if (failed != null) {
            return failed;
        }
        List<MediaRef> outputs = new ArrayList<>();
        outputs.add(MediaRef.inline(new byte[] { 1, 2, 3 }, "application/octet-stream"));
        return CompletableFuture.completedFuture(new JobResult(job, Map.of("task", job.requestId()), Map.of(),
                outputs, List.of(), false));
    }

    @Override
    public JobHandle locate(String model, String requestId, String locator, Instant submittedAt) {
        return new JobHandle(id(), requestId, model, "locator:" + requestId, submittedAt);
    }

    @Override
    public Duration retention() {
        return Duration.ofHours(1);
    }

    @Override
    public Failure classify(CallPhase phase, Throwable error) {
        return Failure.of(error instanceof FakeError f ? f.kind : FailureKind.FINAL);
    }

    @Override
    public RuntimeException jobFailed(JobHandle job, JobStatus status) {
        return new FakeError(FailureKind.JOB_FAILED, "task " + job.requestId() + " failed: " + status.detail());
    }

    @Override
    public RuntimeException timedOut(JobHandle job, JobState last, Duration timeout) {
        return new FakeError(FailureKind.FINAL, "timed out" + (job == null ? "" : " waiting for " + job.requestId()));
    }

    @Override
    public RuntimeException expired(JobHandle job, String why) {
        return new FakeError(FailureKind.EXPIRED, why);
    }

    @Override
    public RuntimeException uncertain(String model, String requestId, String why) {
        return new FakeError(FailureKind.UNCERTAIN, why);
    }

    @Override
    public Optional<Duration> pushWindow(JobHandle job) {
        return Optional.ofNullable(pushWindow);
    }
}
