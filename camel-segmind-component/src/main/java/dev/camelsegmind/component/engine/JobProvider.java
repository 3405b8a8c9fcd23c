package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A thin adapter to one provider's job API: its URLs, JSON shapes and error codes. The engine does everything else
 * (waiting, retries, limits, the pending-job store, downloads), so a second provider of the same models only has to
 * implement this. Every method returns at once; failures complete the future with a typed
 * {@link dev.camelsegmind.component.error.SegmindException}.
 */
public interface JobProvider {

    /** Submits a job. Completes once the provider has accepted it, with the handle to follow. */
    CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload);

    /** One status reading. A FAILED job is a normal reading, not an exceptional completion. */
    CompletableFuture<JobStatus> status(JobHandle job);

    /** Reads the result of a COMPLETED job, with its outputs extracted. */
    CompletableFuture<JobResult> result(JobHandle job);

    /** Rebuilds a handle for a job known only by its request id (resuming after a restart, or in another JVM). */
    JobHandle resume(String model, String requestId, Instant submittedAt);

    /** How long the provider keeps a job's status and result after submission. */
    Duration retention();
}
