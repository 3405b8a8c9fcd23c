package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * A job as it stands at the moment of the call. The simulator derives state from timestamps, so
 * a view is a snapshot, not a live object.
 *
 * @param requestId   the id handed to the client
 * @param model       the model slug
 * @param payload     the submitted parameters
 * @param parameters  the parameters the model used: the submitted ones plus the documented defaults
 * @param submittedAt when the job was accepted
 * @param startedAt   when it left the queue, or {@code null} if it has not yet
 * @param completedAt when it became COMPLETED or FAILED, or {@code null} if it has not yet
 * @param statusCalls status polls seen (v2 status and v1 poll)
 * @param resultCalls result fetches seen
 * @param state       the state now
 * @param error       the failure detail when the job fails (set from submission, reported once FAILED)
 * @param expired     whether the request id now answers 404 (retention over or {@code expire} called)
 * @param sync        whether it came through the blocking v1 route
 */
public record JobView(
        String requestId,
        String model,
        Map<String, Object> payload,
        Map<String, Object> parameters,
        Instant submittedAt,
        Instant startedAt,
        Instant completedAt,
        int statusCalls,
        int resultCalls,
        JobState state,
        String error,
        boolean expired,
        boolean sync) {
}
