package dev.camelsegmind.component.provider.segmind;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.RateLimitReset;
import dev.camelsegmind.component.http.TransportErrors;
import dev.camelsegmind.component.support.Json;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.FailureKinds;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.model.SafeText;

/** Turns Segmind's HTTP answers and transport failures into the component's typed exceptions. */
public final class SegmindErrors {

    private SegmindErrors() {
    }

    public static SegmindException fromResponse(CallPhase phase, ApiResponse response, String requestId, String model) {
        int code = response.statusCode();
        String detail = detailOf(response);
        String where = describe(phase, model, requestId);
        String said = detail != null ? ": " + SafeText.forMessage(detail, 300) : "";
        switch (code) {
            case 400:
                return new SegmindBadRequestException("Segmind rejected the request " + where + " (400)" + said, code,
                        detail, requestId, model);
            case 401:
                return new SegmindAuthenticationException("Segmind rejected the API key " + where
                        + " (401): check option apiKey" + said, code, detail, requestId, model);
            case 403:
                return new SegmindAuthenticationException("The API key may not use model " + model + " (403)" + said,
                        code, detail, requestId, model);
            case 404:
                if (phase == CallPhase.SUBMIT || phase == CallPhase.SYNC) {
                    return new SegmindModelNotFoundException("Segmind does not know model '" + model + "' (404)"
                            + said, code, detail, requestId, model);
                }
                if (phase == CallPhase.STATUS || phase == CallPhase.RESULT) {
                    return new SegmindRequestExpiredException("Segmind no longer knows request " + requestId
                            + " (404): results are kept one hour after submission" + said, code, detail, requestId,
                            model);
                }
                return new SegmindBadRequestException("Not found " + where + " (404)" + said, code, detail, requestId,
                        model);
            case 405:
                return new SegmindBadRequestException("Method not allowed " + where + " (405)", code, null, requestId,
                        model);
            case 406:
                String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
                if (lower.contains("credit") || lower.contains("limit") || lower.contains("balance")) {
                    return new SegmindInsufficientCreditsException("Not enough Segmind credits " + where + " (406)"
                            + said, code, detail, requestId, model);
                }
                return new SegmindBadRequestException("Segmind refused the content type " + where + " (406)" + said,
                        code, detail, requestId, model);
            case 410:
                return new SegmindModelNotFoundException("Model '" + model + "' is retired (410)" + said, code,
                        detail, requestId, model);
            case 422:
                if (phase == CallPhase.STATUS || phase == CallPhase.RESULT) {
                    return new SegmindJobFailedException("Segmind job " + requestId + " of " + model + " FAILED" + said,
                            code, detail, requestId, model);
                }
                return new SegmindBadRequestException("Segmind rejected the parameters " + where + " (422)" + said,
                        code, detail, requestId, model);
            case 429:
                Instant reset = resetAt(response);
                return new SegmindRateLimitException("Segmind rate limit reached " + where + " (429)"
                        + (reset != null ? ", resets at " + reset : "") + said, detail, requestId, model, reset);
            default:
                if (code >= 300 && code < 400) {
                    String location = response.headers().firstValue("location").orElse("");
                    String host;
                    try {
                        host = java.net.URI.create(location.trim()).getHost();
                    } catch (IllegalArgumentException e) {
                        host = null;
                    }
                    String redirect = "Segmind answered " + where + " with a redirect (" + code
                            + (host != null ? " to host " + SafeText.forMessage(host, 80) : "") + "); redirects are"
                            + " never followed, so the key cannot travel to another host: check option baseUrl";
                    if (!phase.isIdempotent() && phase != CallPhase.UPLOAD) {
                        // whatever answered may have passed the job on before it redirected: it may be billed
                        return new SegmindSubmitUncertainException(redirect + ". A redirect does not prove that the"
                                + " job was refused, so it may have been accepted and billed; it was not sent again to"
                                + " avoid paying twice (set retryUncertainSubmit=true to retry anyway)", code, null,
                                requestId, model);
                    }
                    return new SegmindProtocolException(redirect, code, null, requestId, model);
                }
                if (code >= 500 && !phase.isIdempotent() && phase != CallPhase.UPLOAD) {
                    // a gateway error does not prove that the job was refused: it may be running, and billed
                    return new SegmindSubmitUncertainException("Segmind answered the " + phase.name()
                            .toLowerCase(Locale.ROOT) + " of " + model + " with HTTP " + code + " " + where + said
                            + "; a gateway error does not prove that the job was refused, so it may have been accepted"
                            + " and billed. It was not sent again to avoid paying twice (set retryUncertainSubmit=true"
                            + " to retry anyway)", code, detail, requestId, model);
                }
                if (code >= 500) {
                    return new SegmindServerException("Segmind server error " + where + " (" + code + ")" + said, code,
                            detail, requestId, model, resetAt(response));
                }
                return new SegmindProtocolException("Unexpected HTTP " + code + " " + where + said, code, detail,
                        requestId, model);
        }
    }

    /**
     * Maps a failure of the call itself. On a non-idempotent call, only a failure to connect proves nothing was sent;
     * anything later (reset, timeout while waiting) leaves acceptance uncertain.
     */
    public static SegmindException fromTransport(CallPhase phase, Throwable failure, String requestId, String model) {
        return TransportErrors.of("Segmind", "trustedHosts", phase, failure, requestId, model);
    }

    /** Reads a failure for the engine: whether to repeat the call, and what it means for the job. */
    public static Failure classify(CallPhase phase, Throwable failure) {
        return FailureKinds.of(phase, fromTransport(phase, failure, null, null));
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String detailOf(ApiResponse response) {
        if (response.body().length == 0 || !response.isJson()) {
            return null;
        }
        try {
            Map<String, Object> body = Json.parseObject(response.body());
            Object error = body.get("error_description") != null ? body.get("error_description") : body.get("error");
            if (error == null) {
                error = body.get("message");
            }
            if (error == null) {
                error = body.get("detail");
            }
            return error == null ? null : error.toString();
        } catch (IOException e) {
            return null;
        }
    }

    static Instant resetAt(ApiResponse response) {
        return RateLimitReset.of(response);
    }

    static Instant parseResetTime(String text) {
        return RateLimitReset.parse(text);
    }

    private static String describe(CallPhase phase, String model, String requestId) {
        return TransportErrors.describe(phase, model, requestId);
    }
}
