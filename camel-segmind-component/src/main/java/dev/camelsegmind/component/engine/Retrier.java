package dev.camelsegmind.component.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelsegmind.component.client.CallPhase;
import dev.camelsegmind.component.client.SegmindErrors;
import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.model.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call that failed in a way that can pass: connection errors, 429 and 5xx. Reads are always safe to
 * repeat; a submit only when the server cannot have accepted it, because every accepted submit is billed and
 * Segmind has no idempotency key. Waits are scheduled, never slept, and never run past the job's deadline.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final ScheduledExecutorService scheduler;
    private final RequestLimiter limiter;

    Retrier(ScheduledExecutorService scheduler, RequestLimiter limiter) {
        this.scheduler = scheduler;
        this.limiter = limiter;
    }

    <T> CompletableFuture<T> call(CallPhase phase, String requestId, String model, long deadlineMillis,
                                  RetryPolicy policy, JobListener listener, Supplier<CompletableFuture<T>> call) {
        return call(phase, requestId, model, null, deadlineMillis, policy, listener, call);
    }

    /**
     * @param jobKey names the message in retry log lines when there is no request id yet (a submit), so the retries
     *               of one message can be told from another's
     */
    <T> CompletableFuture<T> call(CallPhase phase, String requestId, String model, String jobKey, long deadlineMillis,
                                  RetryPolicy policy, JobListener listener, Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        String subject = requestId != null ? "request " + requestId
                : jobKey != null ? "job key " + SafeText.forMessage(jobKey, 120) : "no request id yet";
        attempt(phase, requestId, model, subject, deadlineMillis, policy, listener, call, 0, result);
        return result;
    }

    private <T> void attempt(CallPhase phase, String requestId, String model, String subject, long deadline,
                             RetryPolicy policy, JobListener listener, Supplier<CompletableFuture<T>> call, int retries,
                             CompletableFuture<T> result) {
        CompletableFuture<T> sent;
        try {
            sent = (phase == CallPhase.MEDIA ? CompletableFuture.<Void>completedFuture(null) : limiter.acquireRequest())
                    .thenCompose(v -> call.get());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        sent.whenComplete((value, failure) -> {
            try {
                onOutcome(phase, requestId, model, subject, deadline, policy, listener, call, retries, result, value,
                        failure);
            } catch (RuntimeException | LinkageError e) {
                // whatever breaks here, the caller's future must still complete
                result.completeExceptionally(failure != null ? failure : e);
            }
        });
    }

    private <T> void onOutcome(CallPhase phase, String requestId, String model, String subject, long deadline,
                               RetryPolicy policy, JobListener listener, Supplier<CompletableFuture<T>> call,
                               int retries, CompletableFuture<T> result, T value, Throwable failure) {
        if (failure == null) {
            result.complete(value);
            return;
        }
        SegmindException error = SegmindErrors.fromTransport(phase, failure, requestId, model);
        long delay = retryable(phase, error, policy) && retries < policy.maxRetries()
                ? delayFor(error, policy, retries + 1) : -1;
        if (delay < 0 || System.currentTimeMillis() + delay >= deadline) {
            result.completeExceptionally(error);
            return;
        }
        LOG.debug("Retrying {} of {} ({}) in {} ms, retry {} of {}: {}", phase, model, subject, delay,
                retries + 1, policy.maxRetries(), error.getMessage());
        try {
            listener.retrying(requestId, model, phase, retries + 1, delay, error);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("A Segmind job listener failed: {}", e.toString());
        }
        scheduler.schedule(() -> attempt(phase, requestId, model, subject, deadline, policy, listener, call,
                retries + 1, result), delay, TimeUnit.MILLISECONDS);
    }

    static boolean retryable(CallPhase phase, SegmindException e, RetryPolicy policy) {
        if (e instanceof SegmindRateLimitException || e instanceof SegmindServerException
                || e instanceof SegmindConnectionException) {
            // a connection error on a POST is only mapped to SegmindConnectionException when nothing was sent
            return true;
        }
        if (e instanceof SegmindSubmitUncertainException) {
            return policy.retryUncertainSubmit();
        }
        if (e instanceof SegmindDownloadException) {
            return e.isRetryable();
        }
        return phase.isIdempotent() && e instanceof SegmindProtocolException;
    }

    static long delayFor(SegmindException e, RetryPolicy policy, int attempt) {
        long backoff = policy.delayMillis(attempt);
        if (e instanceof SegmindRateLimitException rl && rl.getResetAt() != null) {
            long untilReset = rl.getResetAt().toEpochMilli() - Instant.now().toEpochMilli();
            return Math.max(backoff, untilReset);
        }
        if (e instanceof SegmindServerException se && se.getRetryAfter() != null) {
            return Math.max(backoff, se.getRetryAfter().toEpochMilli() - Instant.now().toEpochMilli());
        }
        return backoff;
    }
}
