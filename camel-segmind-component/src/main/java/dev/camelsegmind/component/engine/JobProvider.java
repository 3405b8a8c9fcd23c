package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A thin adapter to one provider's job API: its URLs, JSON shapes and error codes. The engine does everything else
 * (waiting, retries, limits, the pending-job store, downloads, push completion), so a second provider of the same
 * models only implements this. Every call returns at once; a failed call completes its future exceptionally with the
 * provider's own typed exception, which the provider then reads for the engine through {@link #classify}.
 */
public interface JobProvider {

    /** A short stable id ("segmind"), stored with pending jobs so a restart knows which provider to ask. */
    String id();

    /** How the provider is named in messages a user reads. */
    String displayName();

    /** Submits a job. Completes once the provider has accepted it, with the handle to follow. */
    CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload);

    /** One status reading. A FAILED job is a normal reading, not an exceptional completion. */
    CompletableFuture<JobStatus> status(JobHandle job);

    /** Reads the result of a COMPLETED job, with its outputs extracted. */
    CompletableFuture<JobResult> result(JobHandle job);

    /**
     * Rebuilds a handle from what the pending-job store or the user kept: the request id and, when known, the
     * provider's own locator. A locator the provider no longer trusts is ignored in favour of the id.
     */
    JobHandle locate(String model, String requestId, String locator, Instant submittedAt);

    /** How long the provider keeps a job's status and result after submission. */
    Duration retention();

    /** What a failed call of this provider means: retry, give up, or the job is uncertain, failed or expired. */
    Failure classify(CallPhase phase, Throwable error);

    /** The error a job that ended FAILED at the provider completes with. */
    RuntimeException jobFailed(JobHandle job, JobStatus status);

    /** The error a job that outlived its deadline completes with; {@code last} is the last state read, or null. */
    RuntimeException timedOut(JobHandle job, JobState last, Duration timeout);

    /** The error for a job the provider no longer keeps. */
    RuntimeException expired(JobHandle job, String why);

    /**
     * The error for a message whose submit may already have been accepted (an earlier attempt's outcome is unknown),
     * so it must not be submitted again without an operator.
     */
    RuntimeException uncertain(String model, String requestId, String why);

    /**
     * When the provider was asked to push this job's completion (a callback URL), how long to wait for that push
     * before polling after all; empty to poll from the start.
     */
    default Optional<Duration> pushWindow(JobHandle job) {
        return Optional.empty();
    }
}
