package dev.camelsegmind.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    private final Map<String, Object> parameters;
    private final MediaGeometry geometry;
    private final String apiKey;
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

    Job(String requestId, ModelSpec spec, Map<String, Object> payload, String apiKey, boolean sync,
            Instant submittedAt, WorkerPool workers, TimeScale scale, JobRetention retention) {
        this.requestId = requestId;
        this.spec = spec;
        this.payload = payload;
        this.parameters = withDefaults(spec, payload);
        this.geometry = spec.geometry().of(parameters);
        this.apiKey = apiKey;
        this.sync = sync;
        this.submittedAt = submittedAt;
        Duration render = scale.real(spec.renderTime());
        this.startsAt = workers.schedule(submittedAt.plus(scale.real(spec.queueTime())), render);
        this.finishesAt = startsAt.plus(render);
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

    /** The parameters the model works with: the request's, plus the documented defaults of the ones left out. */
    Map<String, Object> parameters() {
        return parameters;
    }

    MediaGeometry geometry() {
        return geometry;
    }

    /** The key that submitted the job, whose account it was billed to. */
    String apiKey() {
        return apiKey;
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

    private static Map<String, Object> withDefaults(ModelSpec spec, Map<String, Object> payload) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (ModelParameter p : spec.parameters()) {
            if (p.defaultValue() != null && payload.get(p.name()) == null) {
                merged.put(p.name(), p.defaultValue());
            }
        }
        payload.forEach((name, value) -> {
            if (value != null || !merged.containsKey(name)) {
                merged.put(name, value);
            }
        });
        return Collections.unmodifiableMap(merged);
    }

    JobView viewAt(Instant now) {
        JobState state = stateAt(now);
        return new JobView(requestId, spec.slug(), payload, parameters, submittedAt,
                state == JobState.QUEUED ? null : startsAt,
                state.isFinal() ? finishesAt : null,
                statusCalls.get(), resultCalls.get(), state, failure, !retainedAt(now), sync);
    }
}
