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

    /**
     * Segmind documents one header on a 429, {@code x-rate-limit-reset-at-utc}, without a format;
     * the simulator writes an ISO-8601 UTC instant to the millisecond. {@code Retry-After} is not
     * documented, so it is not sent here (a fault adds it on request, see {@link #withRetryAfter}).
     */
    static Reply rateLimited(Instant resetAt) {
        return withResetAt(error(429, "Rate limit exceeded"), resetAt);
    }

    static Reply withResetAt(Reply reply, Instant resetAt) {
        return reply.header("x-rate-limit-reset-at-utc", resetAt.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    static Reply internalError() {
        return error(500, "Internal server error");
    }

    /** A body that starts like a Segmind answer and stops mid-token. */
    static Reply malformedJson() {
        return Reply.rawJson(200, "{\"status\": \"COMPLETED\", \"request_id\": \"");
    }

    /**
     * What an injected status looks like when the test gives no body: the real answer for that code;
     * {@code resetAt} is the end a 429 names.
     */
    static Reply forStatus(int status, Instant resetAt) {
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
                return rateLimited(resetAt);
            case 500:
                return internalError();
            case 502:
            case 503:
            case 504:
                return gatewayPage(status);
            default:
                return error(status, "Simulated HTTP " + status);
        }
    }

    /** Segmind's JSON error body for a status, worded as the gateway's reason phrase. */
    static Reply errorBody(int status) {
        return status == 500 ? internalError() : error(status, reason(status));
    }

    /** The HTML page nginx, in front of Segmind, sends for an error it produces itself. */
    static Reply gatewayPage(int status) {
        return html(status, reason(status));
    }

    /** A redirect as nginx answers it: the {@code Location} and a small HTML page. */
    static Reply redirect(int status, String location) {
        return html(status, reason(status)).header("Location", location);
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least 1. */
    static Reply withRetryAfter(Reply reply, Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return reply.header("Retry-After", Long.toString(seconds));
    }

    /** nginx's reason phrases, which is what Segmind's gateway pages carry. */
    static String reason(int status) {
        switch (status) {
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 303: return "See Other";
            case 307: return "Temporary Redirect";
            case 308: return "Permanent Redirect";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 408: return "Request Time-out";
            case 413: return "Request Entity Too Large";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Temporarily Unavailable";
            case 504: return "Gateway Time-out";
            default: return "HTTP " + status;
        }
    }

    private static Reply html(int status, String title) {
        String page = "<html>\r\n<head><title>" + status + " " + title + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Reply.html(status, page);
    }
}
