package dev.camelsegmind.component.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindConnectionException;
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
        Throwable t = unwrap(failure);
        if (t instanceof SegmindException se) {
            return se;
        }
        String where = describe(phase, model, requestId);
        if (!(t instanceof IOException) && !(t instanceof UnresolvedAddressException)) {
            // thrown before anything reached the wire (the JDK refuses a header value, say): nothing was sent, and
            // the message is left out because the JDK quotes the refused value, which may be the API key
            return new SegmindException("The request " + where + " could not be sent: " + t.getClass().getSimpleName(),
                    0, null, requestId, model, null);
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + SafeText.forMessage(t.getMessage(), 200) : "");
        // a failed TLS handshake precedes the request: nothing was sent
        boolean notSent = t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                || t instanceof SSLHandshakeException || t.getCause() instanceof SSLHandshakeException
                || t instanceof UnresolvedAddressException || (t.getCause() instanceof ConnectException);
        if (phase.isIdempotent() || notSent) {
            return new SegmindConnectionException("Could not reach Segmind " + where + " (" + what + ")", 0, null,
                    requestId, model, t);
        }
        String kind = t instanceof HttpTimeoutException ? "timed out" : "failed";
        return new SegmindSubmitUncertainException("The connection " + kind + " after the request " + where
                + " was sent, so Segmind may have accepted and billed the job; it was not retried to avoid paying twice"
                + " (set retryUncertainSubmit=true to retry anyway) (" + what + ")", 0, null, requestId, model, t);
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
        String header = response.headers().firstValue("x-rate-limit-reset-at-utc").orElse(null);
        if (header != null) {
            try {
                return Instant.parse(header.trim());
            } catch (DateTimeParseException e) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(header.trim()));
                } catch (NumberFormatException ignored) {
                    // an unreadable reset time: fall back to Retry-After or backoff
                }
            }
        }
        String retryAfter = response.headers().firstValue("retry-after").orElse(null);
        if (retryAfter != null) {
            try {
                return Instant.now().plusSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // HTTP-date form is rare for APIs; backoff covers it
            }
        }
        return null;
    }

    private static String describe(CallPhase phase, String model, String requestId) {
        StringBuilder sb = new StringBuilder("(").append(phase.name().toLowerCase(Locale.ROOT));
        if (model != null) {
            sb.append(" ").append(model);
        }
        if (requestId != null) {
            sb.append(", request ").append(requestId);
        }
        return sb.append(")").toString();
    }
}
