package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The error answers, worded so a client can tell them apart the way it must on Segmind: the two
 * 406s differ only by message, so only the credit one mentions credits.
 */
final class Replies {

    static final String INSUFFICIENT_CREDITS = "Insufficient credits to run this model. Please add credits.";

    private Replies() {
    }

    static Reply error(int status, String message) {
        ObjectNode body = Json.object().put("error", message);
        return Reply.json(status, body);
    }

    /**
     * Segmind documents two 401 bodies; the simulator serves both so clients must read either:
     * the plain {@code {"error": ...}} when no key came at all, the OAuth-style
     * {@code invalid_token} one when a key (or a Bearer token) came and was refused.
     */
    static Reply unauthorized(ApiKeys.Verdict verdict) {
        if (verdict == ApiKeys.Verdict.MISSING) {
            return error(401, "Unauthorized: no API key was sent; send it in the x-api-key header");
        }
        String description = verdict == ApiKeys.Verdict.BEARER_ONLY
                ? "Authorization: Bearer is not accepted; send the API key in the x-api-key header"
                : "The API key is not valid";
        ObjectNode body = Json.object()
                .put("error", "invalid_token")
                .put("error_description", description)
                .put("status_code", 401);
        return Reply.json(401, body);
    }

    static Reply badRequest(String message) {
        return error(400, message);
    }

    static Reply notFound() {
        return error(404, "Not found");
    }

    static Reply requestNotFound(String requestId) {
        return error(404, "Request " + requestId + " not found");
    }

    static Reply modelNotFound(String slug) {
        return error(404, "Model " + slug + " not found");
    }

    static Reply modelRetired(String slug) {
        return error(410, "Model " + slug + " has been retired and is no longer available");
    }

    /** Segmind's gateway answers a wrong method with an HTML page, which clients must not parse as JSON. */
    static Reply methodNotAllowed(Set<String> allowed) {
        return html(405, "Not Allowed").header("Allow", String.join(", ", allowed));
    }

    static Reply unsupportedContentType(String contentType) {
        return error(406, "Unsupported content type '" + (contentType == null ? "" : contentType)
                + "': send application/json");
    }

    static Reply insufficientCredits() {
        return error(406, INSUFFICIENT_CREDITS);
    }

    static Reply tooLarge(long max) {
        return error(413, "Request body larger than " + max + " bytes");
    }

    static Reply rateLimited(Instant now, Duration retryAfter) {
        return withRetryHeaders(error(429, "Rate limit exceeded"), now, retryAfter);
    }

    static Reply internalError() {
        return error(500, "Internal server error");
    }

    /** A body that starts like a Segmind answer and stops mid-token. */
    static Reply malformedJson() {
        return Reply.rawJson(200, "{\"status\": \"COMPLETED\", \"request_id\": \"");
    }

    /** What an injected status looks like when the test gives no body: the real answer for that code. */
    static Reply forStatus(int status, Instant now) {
        switch (status) {
            case 401:
                return unauthorized(ApiKeys.Verdict.INVALID);
            case 403:
                return error(403, "This model is not available for your API key");
            case 405:
                return methodNotAllowed(Set.of());
            case 406:
                return insufficientCredits();
            case 410:
                return error(410, "Model has been retired");
            case 429:
                return rateLimited(now, Duration.ofSeconds(1));
            case 500:
                return internalError();
            case 502:
                return html(502, "Bad Gateway");
            case 503:
                return html(503, "Service Temporarily Unavailable");
            case 504:
                return html(504, "Gateway Time-out");
            default:
                return error(status, "Simulated HTTP " + status);
        }
    }

    static Reply withRetryHeaders(Reply reply, Instant now, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        Instant resetAt = now.plus(retryAfter).truncatedTo(ChronoUnit.MILLIS);
        return reply.header("x-rate-limit-reset-at-utc", resetAt.toString())
                .header("Retry-After", Long.toString(seconds));
    }

    /** The 429 headers when the end is known in advance, as for a storm: reset at that instant, the seconds left rounded up. */
    static Reply withResetHeaders(Reply reply, Instant resetAt, Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return reply.header("x-rate-limit-reset-at-utc", resetAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .header("Retry-After", Long.toString(seconds));
    }

    private static Reply html(int status, String title) {
        String page = "<html>\r\n<head><title>" + status + " " + title + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Reply.html(status, page);
    }
}
