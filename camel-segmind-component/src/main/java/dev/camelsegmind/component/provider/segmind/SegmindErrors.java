package dev.camelsegmind.component.provider.segmind;

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

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.engine.FailureKind;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.http.AnswerTooLargeException;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.MediaDownload;
import dev.camelsegmind.component.http.UntrustedHostException;
import dev.camelsegmind.component.support.Json;
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
        Throwable t = unwrap(failure);
        if (t instanceof SegmindException se) {
            return se;
        }
        if (t instanceof UntrustedHostException u) {
            return new SegmindProtocolException("Not calling " + SafeText.forMessage(u.host(), 80) + " "
                    + describe(phase, model, requestId) + ": " + u.getMessage() + " (option trustedHosts)", 0, null,
                    requestId, model);
        }
        String where = describe(phase, model, requestId);
        if (t instanceof AnswerTooLargeException big) {
            if (!phase.isIdempotent() && phase != CallPhase.UPLOAD) {
                return new SegmindSubmitUncertainException("Segmind's answer " + where + " is larger than "
                        + big.limit() + " bytes and was not read; the " + phase.name().toLowerCase(Locale.ROOT)
                        + " was probably accepted and billed, and it was not sent again to avoid paying twice", 0,
                        null, requestId, model, t);
            }
            // the same call would bring the same answer: a protocol error, never repeated
            return new SegmindProtocolException("Segmind's answer " + where + " is larger than " + big.limit()
                    + " bytes, the most read for an API answer; it was cut off", 0, null, requestId, model, t);
        }
        if (t instanceof MediaDownload.TooLargeException && phase == CallPhase.SYNC) {
            return new SegmindDownloadException("The media Segmind answered " + where + " is larger than the limit"
                    + " (option maxMediaSize) and was cut off; the call was answered, so it was billed, and it is not"
                    + " repeated", 0, requestId, model, false, t);
        }
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
        // an upload is not billed: sending it again at worst stores the file twice
        if (phase.isIdempotent() || notSent || phase == CallPhase.UPLOAD) {
            return new SegmindConnectionException("Could not reach Segmind " + where + " (" + what + ")", 0, null,
                    requestId, model, t);
        }
        String kind = t instanceof HttpTimeoutException ? "timed out" : "failed";
        return new SegmindSubmitUncertainException("The connection " + kind + " after the request " + where
                + " was sent, so Segmind may have accepted and billed the job; it was not retried to avoid paying twice"
                + " (set retryUncertainSubmit=true to retry anyway) (" + what + ")", 0, null, requestId, model, t);
    }

    /** Reads a failure for the engine: whether to repeat the call, and what it means for the job. */
    public static Failure classify(CallPhase phase, Throwable failure) {
        SegmindException e = fromTransport(phase, failure, null, null);
        if (e instanceof SegmindRateLimitException rl) {
            return new Failure(FailureKind.RATE_LIMITED, rl.getResetAt());
        }
        if (e instanceof SegmindSubmitUncertainException) {
            return Failure.of(FailureKind.UNCERTAIN);
        }
        if (e instanceof SegmindServerException se) {
            return new Failure(FailureKind.RETRYABLE, se.getRetryAfter());
        }
        if (e instanceof SegmindConnectionException) {
            // only mapped so on a write when nothing was sent
            return Failure.of(FailureKind.RETRYABLE);
        }
        if (e instanceof SegmindJobFailedException) {
            return Failure.of(FailureKind.JOB_FAILED);
        }
        if (e instanceof SegmindRequestExpiredException) {
            return Failure.of(FailureKind.EXPIRED);
        }
        if (e instanceof SegmindDownloadException) {
            return Failure.of(e.isRetryable() ? FailureKind.RETRYABLE : FailureKind.FINAL);
        }
        if (e instanceof SegmindProtocolException && phase.isIdempotent() && e.getCause() instanceof IOException
                && !(e.getCause() instanceof AnswerTooLargeException)) {
            // an answer cut or garbled on the way may read well next time; a well-formed wrong answer will not
            return Failure.of(FailureKind.RETRYABLE);
        }
        return Failure.of(FailureKind.FINAL);
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
        Instant reset = header == null ? null : parseResetTime(header.trim());
        if (reset != null) {
            return reset;
        }
        String retryAfter = response.headers().firstValue("retry-after").orElse(null);
        if (retryAfter != null) {
            try {
                return Instant.now().plusSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                return parseResetTime(retryAfter.trim());
            }
        }
        return null;
    }

    /**
     * A reset time as gateways write it: an ISO-8601 instant or date-time (UTC when no offset is given, as the
     * header's name says), epoch seconds or milliseconds, or an HTTP date. Anything else is null: backoff covers it.
     */
    static Instant parseResetTime(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 19) {
            long n = Long.parseLong(text);
            // beyond the year 2286 in seconds, so milliseconds
            return n > 9_999_999_999L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return java.time.LocalDateTime.parse(text.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
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
