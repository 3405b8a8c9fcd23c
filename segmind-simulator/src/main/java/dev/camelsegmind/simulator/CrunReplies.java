package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * crun's answers: {@code {"code": ..., "message": ..., "data": ...}}, with the HTTP status chosen by the
 * {@link CrunErrorStyle}. The messages name what went wrong (for a 422 the field), since the codes alone do not.
 */
final class CrunReplies {

    /** The codes crun documents; an injected status outside them gets the gateway's own answer instead. */
    static final Set<Integer> CODES = Set.of(200, 401, 402, 404, 422, 429, 455, 500, 501, 505);

    static final String INSUFFICIENT_CREDITS = "Insufficient credits: the account does not have enough credits "
            + "to perform the operation";
    static final String MAINTENANCE = "Service unavailable: the system is undergoing maintenance";
    static final String TASK_NOT_FOUND = "Task not found";

    private CrunReplies() {
    }

    static Reply success(ObjectNode data) {
        ObjectNode body = Json.object().put("code", 200).put("message", "success");
        body.set("data", data);
        return Reply.json(200, body);
    }

    static Reply error(CrunErrorStyle style, int code, String message) {
        return Reply.json(style == CrunErrorStyle.HTTP_STATUS ? code : 200, body(code, message));
    }

    static ObjectNode body(int code, String message) {
        return Json.object().put("code", code).put("message", message).putNull("data");
    }

    static Reply unauthorized(CrunErrorStyle style, ApiKeys.Verdict verdict) {
        return error(style, 401, verdict == ApiKeys.Verdict.MISSING
                ? "Unauthorized: no API key; send it in the x-api-key header"
                : verdict == ApiKeys.Verdict.BEARER_ONLY
                        ? "Unauthorized: send the API key in the x-api-key header, not Authorization"
                        : "Unauthorized: the API key is not valid");
    }

    static Reply invalid(CrunErrorStyle style, String message) {
        return error(style, 422, "Validation error: " + message);
    }

    static Reply taskNotFound(CrunErrorStyle style) {
        return error(style, 404, TASK_NOT_FOUND);
    }

    /**
     * The JSON error an {@code acceptThenStatus} answers on a crun route: crun's body for a code it documents, else
     * crun's envelope around the gateway's reason phrase ({@code {"code": 504, "message": "Gateway Time-out", ...}}).
     */
    static Reply errorBody(int code) {
        return CODES.contains(code) ? forStatus(code) : Reply.json(code, body(code, Replies.reason(code)));
    }

    /** What an injected status looks like on a crun route without a body of the test's own: HTTP and body agree. */
    static Reply forStatus(int code) {
        switch (code) {
            case 401:
                return Reply.json(401, body(401, "Unauthorized: the API key is not valid"));
            case 402:
                return Reply.json(402, body(402, INSUFFICIENT_CREDITS));
            case 404:
                return Reply.json(404, body(404, TASK_NOT_FOUND));
            case 422:
                return Reply.json(422, body(422, "Validation error: the request parameters failed validation checks"));
            case 429:
                return Reply.json(429, body(429, "Rate limited: request limit exceeded"));
            case 455:
                return Reply.json(455, body(455, MAINTENANCE));
            case 500:
                return Reply.json(500, body(500, "Server error: an unexpected error occurred"));
            case 501:
                return Reply.json(501, body(501, "Generation failed"));
            case 505:
                return Reply.json(505, body(505, "Feature disabled: the requested feature is currently disabled"));
            default:
                return Reply.json(code, body(code, "Simulated HTTP " + code));
        }
    }
}
