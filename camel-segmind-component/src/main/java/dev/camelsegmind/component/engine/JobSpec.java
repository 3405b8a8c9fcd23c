package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Everything the engine needs to run one job, with the options already resolved from headers, endpoint and
 * component.
 *
 * @param jobKey   names the message for the pending-job store; null to not record the job
 * @param timeout  the deadline for waiting (from now)
 * @param download how to fetch media; null to stop at the result
 */
public record JobSpec(String model, Map<String, Object> payload, String jobKey, Duration timeout,
                      PollingPolicy polling, RetryPolicy retry, DownloadOptions download, JobListener listener) {
}
