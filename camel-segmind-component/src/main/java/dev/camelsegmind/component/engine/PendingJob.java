package dev.camelsegmind.component.engine;

import java.time.Instant;

/**
 * A job that was accepted (and billed) but whose media has not been delivered yet. Recorded before the producer
 * moves on, so a message redelivered after a crash resumes the job instead of paying for it again.
 */
public record PendingJob(String jobKey, String requestId, String model, Instant submittedAt, String statusUrl,
                         String responseUrl) {
}
