package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the simulator saw it. API keys appear only masked ({@code ****1a2b}), so a
 * journal can be printed or served without leaking credentials.
 *
 * @param timestamp     when the answer was sent (or the connection dropped)
 * @param route         the route matched, or {@code null} for a path the API does not have
 * @param method        the HTTP method
 * @param path          the request path, without query
 * @param query         the raw query string, or {@code null}
 * @param headers       the request headers (case-insensitive names), {@code x-api-key} and {@code Authorization} masked
 * @param model         the model slug, when the route names one or the job is known
 * @param requestId     the job's request id, when there is one
 * @param httpStatus    the status sent, or {@code -1} when the connection was closed without an answer (for an
 *                      {@linkplain #outgoing() outgoing} callback: the receiver's status, {@code -1} when none came)
 * @param apiKeyPresent whether an {@code x-api-key} header was sent
 * @param contentType   the request's Content-Type, or {@code null}
 * @param bodySize      the request body's size in bytes
 * @param payload       the parsed JSON body for SUBMIT, SYNC and UPLOAD (data URIs abbreviated), else {@code null}
 * @param fault         the tag of the fault applied, or {@code null}
 */
public record JournalEntry(
        Instant timestamp,
        Route route,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String model,
        String requestId,
        int httpStatus,
        boolean apiKeyPresent,
        String contentType,
        long bodySize,
        Map<String, Object> payload,
        String fault) {

    /** Whether the client got no HTTP answer at all. */
    public boolean dropped() {
        return httpStatus < 0;
    }

    /** Whether the simulator sent this request (a crun callback) rather than received it. */
    public boolean outgoing() {
        return route == Route.CRUN_CALLBACK;
    }
}
