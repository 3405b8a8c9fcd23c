package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted request. All milestones are fixed at submission and the state is read off the
 * clock, so ten thousand jobs cost ten thousand small objects and no timers.
 */
final class Job {

    private final String requestId;
    private final ModelSpec spec;
    private final Map<String, Object> payload;
    private final Instant submittedAt;
    private final Instant startsAt;
    private final Instant finishesAt;
    private final Instant expiresAt;
    private final Instant mediaExpiresAt;
    private final String failure;
    private final boolean sync;
    private final AtomicInteger statusCalls = new AtomicInteger();
    private final AtomicInteger resultCalls = new AtomicInteger();
    private volatile boolean expired;

    Job(String requestId, ModelSpec spec, Map<String, Object> payload, boolean sync, Instant submittedAt,
            TimeScale scale, JobRetention retention) {
        this.requestId = requestId;
        this.spec = spec;
        this.payload = payload;
        this.sync = sync;
        this.submittedAt = submittedAt;
        this.startsAt = submittedAt.plus(scale.real(spec.queueTime()));
        this.finishesAt = startsAt.plus(scale.real(spec.renderTime()));
        this.expiresAt = submittedAt.plus(scale.real(retention.results()));
        this.mediaExpiresAt = finishesAt.plus(scale.real(retention.media()));
        this.failure = FailureMarkers.failureFor(spec, payload);
    }

    String requestId() {
        return requestId;
    }

    String model() {
        return spec.slug();
    }

    ModelSpec spec() {
        return spec;
    }

    Map<String, Object> payload() {
        return payload;
    }

    boolean sync() {
        return sync;
    }

    String failure() {
        return failure;
    }

    Instant finishesAt() {
        return finishesAt;
    }

    JobState stateAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return JobState.QUEUED;
        }
        if (now.isBefore(finishesAt)) {
            return JobState.PROCESSING;
        }
        return failure == null ? JobState.COMPLETED : JobState.FAILED;
    }

    /** Whether status and result still answer for this id (Segmind keeps them an hour). */
    boolean retainedAt(Instant now) {
        return !expired && now.isBefore(expiresAt);
    }

    /** Media outlives the job record, as Segmind's CDN files do. */
    boolean mediaAvailableAt(Instant now) {
        return failure == null && !now.isBefore(finishesAt) && now.isBefore(mediaExpiresAt);
    }

    boolean forgettableAt(Instant now) {
        return !now.isBefore(mediaExpiresAt) && !now.isBefore(expiresAt);
    }

    void expire() {
        expired = true;
    }

    int countStatusCall() {
        return statusCalls.incrementAndGet();
    }

    int countResultCall() {
        return resultCalls.incrementAndGet();
    }

    JobView viewAt(Instant now) {
        JobState state = stateAt(now);
        return new JobView(requestId, spec.slug(), payload, submittedAt,
                state == JobState.QUEUED ? null : startsAt,
                state.isFinal() ? finishesAt : null,
                statusCalls.get(), resultCalls.get(), state, failure, !retainedAt(now), sync);
    }
}
