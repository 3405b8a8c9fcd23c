package dev.camelsegmind.component.provider.crun;

import java.io.IOException;
import java.util.Map;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.error.FailureKinds;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.RateLimitReset;
import dev.camelsegmind.component.http.TransportErrors;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.support.Json;

/**
 * crun's answers as the component's typed exceptions, the same ones a route catches for Segmind. crun wraps every
 * answer in {@code {"code", "message", "data"}} and its {@code code} may differ from the HTTP status, so both are read:
 * an error in either is an error, and the body's code names it when it has one.
 */
final class CrunErrors {

    static final String NAME = "crun.ai";
    private static final int OK = 200;

    private CrunErrors() {
    }

    /**
     * The {@code data} object of a successful answer, which may be null when crun sends none.
     *
     * @throws SegmindException the typed error the answer stands for
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> data(CallPhase phase, ApiResponse response, String requestId, String model) {
        int http = response.statusCode();
        if (http >= 300 && http < 400) {
            throw new SegmindProtocolException(NAME + " answered " + where(phase, model, requestId) + " with a redirect ("
                    + http + "); redirects are never followed, so the key cannot travel to another host: check option"
                    + " crunBaseUrl", http, null, requestId, model);
        }
        Map<String, Object> body = parse(response);
        Integer code = body == null ? null : codeOf(body.get("code"));
        String message = body == null || body.get("message") == null ? null : body.get("message").toString();
        int effective = code != null && code != OK ? code : http >= 200 && http < 300 ? OK : http;
        if (effective != OK) {
            throw fromCode(phase, effective, message, response, requestId, model);
        }
        if (body == null || code == null) {
            if (phase == CallPhase.SUBMIT) {
                // a 2xx means the task may exist and be billed, yet nothing in the answer says which one it is
                throw new SegmindSubmitUncertainException(NAME + " answered the CreateTask of " + model + " with HTTP "
                        + http + " but not with its {\"code\", \"data\"} envelope, so the task may have been created"
                        + " and billed and cannot be followed; it was not sent again to avoid paying twice (set"
                        + " retryUncertainSubmit=true to retry anyway)", http, null, requestId, model);
            }
            throw new SegmindProtocolException(NAME + "'s answer " + where(phase, model, requestId) + " is not its"
                    + " {\"code\", \"data\"} envelope", http, null, requestId, model,
                    body == null ? new IOException("unreadable") : null);
        }
        Object data = body.get("data");
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The typed exception for one of crun's codes, or for an HTTP status when the body had none. */
    static SegmindException fromCode(CallPhase phase, int code, String message, ApiResponse response,
                                     String requestId, String model) {
        String where = where(phase, model, requestId);
        String said = message != null ? ": " + SafeText.forMessage(message, 300) : "";
        switch (code) {
            case 401:
                return new SegmindAuthenticationException(NAME + " rejected the API key " + where
                        + " (401): check option crunApiKey" + said, code, message, requestId, model);
            case 402:
                return new SegmindInsufficientCreditsException("Not enough " + NAME + " credits " + where + " (402)"
                        + said, code, message, requestId, model);
            case 404:
                if (phase == CallPhase.SUBMIT) {
                    return new SegmindModelNotFoundException(NAME + " does not know model " + model + " (404)" + said,
                            code, message, requestId, model);
                }
                if (phase == CallPhase.STATUS || phase == CallPhase.RESULT) {
                    return new SegmindRequestExpiredException(NAME + " no longer knows task " + requestId + " (404)"
                            + said, code, message, requestId, model);
                }
                return new SegmindBadRequestException("Not found " + where + " (404)" + said, code, message,
                        requestId, model);
            case 422:
                return new SegmindBadRequestException(NAME + " rejected the input " + where + " (422)" + said, code,
                        message, requestId, model);
            case 429:
                return new SegmindRateLimitException(NAME + " rate limit reached " + where + " (429)" + said, message,
                        requestId, model, response == null ? null : RateLimitReset.of(response));
            case 455:
                // maintenance refuses the call outright, so even a CreateTask can be repeated
                return new SegmindServerException(NAME + " is under maintenance " + where + " (455)" + said
                        + "; the call was repeated while retries lasted", code, message, requestId, model,
                        response == null ? null : RateLimitReset.of(response));
            case 501:
                return new SegmindJobFailedException(NAME + " could not generate " + where + " (501)" + said, code,
                        message, requestId, model);
            case 505:
                return new SegmindBadRequestException(NAME + " has turned off a feature this request uses " + where
                        + " (505)" + said + ": leave the feature out or try later", code, message, requestId, model);
            default:
                if (code >= 500 && phase == CallPhase.SUBMIT) {
                    // an error answered after the request arrived does not prove that no task was created
                    return new SegmindSubmitUncertainException(NAME + " answered the CreateTask of " + model
                            + " with code " + code + said + "; that does not prove the task was refused, so it may"
                            + " have been created and billed. It was not sent again to avoid paying twice (set"
                            + " retryUncertainSubmit=true to retry anyway)", code, message, requestId, model);
                }
                if (code >= 500) {
                    return new SegmindServerException(NAME + " server error " + where + " (" + code + ")" + said, code,
                            message, requestId, model, response == null ? null : RateLimitReset.of(response));
                }
                return new SegmindProtocolException("Unexpected code " + code + " from " + NAME + " " + where + said,
                        code, message, requestId, model);
        }
    }

    static SegmindException fromTransport(CallPhase phase, Throwable failure, String requestId, String model) {
        return TransportErrors.of(NAME, "crunBaseUrl", phase, failure, requestId, model);
    }

    static Failure classify(CallPhase phase, Throwable error) {
        return FailureKinds.of(phase, fromTransport(phase, error, null, null));
    }

    static String where(CallPhase phase, String model, String requestId) {
        return TransportErrors.describe(phase, model, requestId);
    }

    private static Map<String, Object> parse(ApiResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            return Json.parseObject(response.body());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer codeOf(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.trim().matches("\\d{3}")) {
            return Integer.parseInt(s.trim());
        }
        return null;
    }
}
