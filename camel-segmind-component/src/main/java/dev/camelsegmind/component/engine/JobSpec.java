package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the engine needs to run one job, with the options already resolved from headers, endpoint and
 * component.
 *
 * @param jobKey     names the message in the pending-job store; null to not record the job
 * @param timeout    the deadline for the whole job, from now: submit, waiting and download
 * @param download   how to fetch media; null to stop at the result
 * @param abandon    completed by the caller to give the job up (its producer stopped): nothing more is sent for
 *                   it, and a job still waiting for a slot is never submitted; null when the caller never does
 * @param attributes kept with the pending job, for whoever resumes it without the original message
 * @param timingClass an opaque name for the parameters that drive the job's render time, passed to the polling
 *                    policy as it is; null when the provider names none
 */
public record JobSpec(String model, Map<String, Object> payload, String jobKey, Duration timeout,
                      PollingPolicy polling, RetryPolicy retry, DownloadOptions download, JobListener listener,
                      CompletableFuture<Void> abandon, Map<String, String> attributes, String timingClass) {

    public JobSpec {
        listener = listener == null ? JobListener.NONE : listener;
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** A job of no timing class. */
    public JobSpec(String model, Map<String, Object> payload, String jobKey, Duration timeout, PollingPolicy polling,
                   RetryPolicy retry, DownloadOptions download, JobListener listener, CompletableFuture<Void> abandon,
                   Map<String, String> attributes) {
        this(model, payload, jobKey, timeout, polling, retry, download, listener, abandon, attributes, null);
    }

    /** A job with no abandon signal, no attributes and no timing class. */
    public JobSpec(String model, Map<String, Object> payload, String jobKey, Duration timeout, PollingPolicy polling,
                   RetryPolicy retry, DownloadOptions download, JobListener listener) {
        this(model, payload, jobKey, timeout, polling, retry, download, listener, null, null, null);
    }

    /** The same job without its payload, for what follows an accepted submit. */
    public JobSpec withoutPayload() {
        return new JobSpec(model, Map.of(), jobKey, timeout, polling, retry, download, listener, abandon, attributes,
                timingClass);
    }
}
