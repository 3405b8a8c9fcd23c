package dev.camelsegmind.component.error;

import java.io.IOException;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.engine.FailureKind;

/**
 * What each typed exception means for the engine, the same for every provider: a provider first turns its answers
 * into these exceptions, then this reads them, so two providers can never disagree on when a call is repeated.
 */
public final class FailureKinds {

    private FailureKinds() {
    }

    public static Failure of(CallPhase phase, SegmindException e) {
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
            // only raised for a write when nothing was sent
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
        if (e instanceof SegmindProtocolException && phase.isIdempotent() && e.getCause() instanceof IOException) {
            // an answer cut or garbled on the way may read well next time; a well-formed wrong answer will not
            return Failure.of(FailureKind.RETRYABLE);
        }
        return Failure.of(FailureKind.FINAL);
    }
}
