package dev.camelsegmind.examples.restapi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the component's typed errors to HTTP answers with a JSON body: what went wrong, and what the client needs to
 * act on it (the option to fix, the request id to poll). Messages of the component's errors never hold the API key;
 * anything else is answered with a bare 500 and logged here, never echoed.
 */
final class ErrorReplies implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> json = new LinkedHashMap<>();
        int status = describe(failure, json);
        if (failure instanceof SegmindException) {
            if (status >= 500) {
                LOG.warn("Answering {}: {}", status, failure.getMessage());
            }
        } else {
            // not one of the component's errors: its message may hold anything, so it goes to the log only
            LOG.error("Answering 500", failure);
        }
        String requestId = failure instanceof SegmindException se ? se.getRequestId() : null;
        Message m = exchange.getMessage();
        HttpReplies.json(m, status, requestId, json);
        if (failure instanceof SegmindRateLimitException limited && limited.getResetAt() != null) {
            long seconds = Math.max(1, Duration.between(Instant.now(), limited.getResetAt()).toSeconds());
            m.setHeader("Retry-After", seconds);
        }
    }

    /** Fills the JSON body and returns the status. */
    static int describe(Exception failure, Map<String, Object> json) {
        if (!(failure instanceof SegmindException e)) {
            json.put("error", "Internal error");
            return 500;
        }
        json.put("error", e.getMessage());
        if (e instanceof SegmindValidationException invalid) {
            json.put("option", invalid.getOption());
            return 400;
        }
        if (e.getDetail() != null) {
            json.put("detail", e.getDetail());
        }
        if (e.getRequestId() != null) {
            json.put("requestId", e.getRequestId());
        }
        if (e instanceof SegmindJobFailedException) {
            return 422;
        }
        if (e instanceof SegmindRequestExpiredException || e instanceof SegmindModelNotFoundException) {
            return 404;
        }
        if (e instanceof SegmindInsufficientCreditsException) {
            return 402;
        }
        if (e instanceof SegmindRateLimitException) {
            return 429;
        }
        if (e instanceof SegmindTimeoutException) {
            if (e.getRequestId() != null) {
                // the job goes on at Segmind: the client can collect it like an ?async=true job
                json.put("statusUrl", "/jobs/" + e.getRequestId());
            }
            return 504;
        }
        if (e instanceof SegmindBadRequestException) {
            return 400; // Segmind refused the parameters; its detail says which
        }
        // the rest (the service's own key refused, Segmind unreachable or answering nonsense) is not the client's fault
        return 502;
    }
}
