package dev.camelsegmind.component.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelsegmind.component.model.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call that failed in a way that can pass, as the provider classifies it. A write the provider may have
 * accepted ({@link FailureKind#UNCERTAIN}) is repeated only when the user allowed it, since every accepted submit is
 * billed. Waits are scheduled, never slept, and never run past the deadline. A rate limit with a reset time holds the
 * other jobs' calls too.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final ScheduledExecutorService scheduler;
    private final RequestLimiter limiter;

    Retrier(ScheduledExecutorService scheduler, RequestLimiter limiter) {
        this.scheduler = scheduler;
        this.limiter = limiter;
    }

    /**
     * @param jobKey the message's job key, or null: with the request id, or in its place while there is none (a
     *               submit), it names the job in retry log lines, so the retries of one message can be told from
     *               another's
     */
    <T> CompletableFuture<T> call(JobProvider provider, CallPhase phase, String requestId, String model, String jobKey,
                                  long deadlineMillis, RetryPolicy policy, JobListener listener,
                                  Supplier<CompletableFuture<T>> call) {
        return call(provider, phase, requestId, model, jobKey, deadlineMillis, policy, listener, call, null);
    }

    /**
     * @param handBack when it completes (exceptionally) while the call waits for its turn or for a retry, the call is
     *                 given up with that error and never sent; a call already on the wire is left to finish, since
     *                 its answer may be an accepted, billed job
     */
    <T> CompletableFuture<T> call(JobProvider provider, CallPhase phase, String requestId, String model, String jobKey,
                                  long deadlineMillis, RetryPolicy policy, JobListener listener,
                                  Supplier<CompletableFuture<T>> call, CompletableFuture<?> handBack) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Attempt<T> attempt = new Attempt<>(provider, phase, requestId, model, jobKey, deadlineMillis, policy, listener,
                call, result);
        if (handBack != null) {
            // completed normally once the call is answered: nothing to hand back
            handBack.whenComplete((v, e) -> {
                if (e != null) {
                    attempt.handBack(unwrap(e));
                }
            });
        }
        attempt.run(0);
        return result;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** One call and its retries. */
    private final class Attempt<T> {
        private final JobProvider provider;
        private final CallPhase phase;
        private final String requestId;
        private final String model;
        private final String jobKey;
        private final long deadline;
        private final RetryPolicy policy;
        private final JobListener listener;
        private final Supplier<CompletableFuture<T>> call;
        private final CompletableFuture<T> result;
        /** Whether a call is on the wire now; guarded by this attempt. */
        private boolean sending;
        /** The provider's call now under way, given up with the result when a read's caller gives the result up. */
        private volatile CompletableFuture<T> inFlight;

        Attempt(JobProvider provider, CallPhase phase, String requestId, String model, String jobKey, long deadline,
                RetryPolicy policy, JobListener listener, Supplier<CompletableFuture<T>> call,
                CompletableFuture<T> result) {
            this.provider = provider;
            this.phase = phase;
            this.requestId = requestId;
            this.model = model;
            this.jobKey = jobKey;
            this.deadline = deadline;
            this.policy = policy;
            this.listener = listener;
            this.call = call;
            this.result = result;
            // a read given up (its job ended: deadline, stop) is aborted at once; a write is left to end by its own
            // limits, since only its answer can tell whether it was accepted
            if (phase.isIdempotent()) {
                result.whenComplete((v, e) -> {
                    CompletableFuture<T> f = inFlight;
                    if (e != null && f != null && !f.isDone()) {
                        f.cancel(true);
                    }
                });
            }
        }

        void run(int retries) {
            if (result.isDone()) {
                // the job was given up (deadline, stop) while this call waited for its turn
                return;
            }
            CompletableFuture<T> sent;
            boolean budgeted = phase != CallPhase.MEDIA;
            try {
                sent = (budgeted ? limiter.acquireRequest() : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(v -> {
                            synchronized (this) {
                                if (result.isDone()) {
                                    return CompletableFuture.<T>failedFuture(new IllegalStateException("abandoned"));
                                }
                                sending = true;
                            }
                            try {
                                return started(call.get());
                            } catch (RuntimeException e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (budgeted) {
                // the call's place in the budget is held until a window after its answer (RequestLimiter)
                sent = sent.whenComplete((v, e) -> limiter.requestDone());
            }
            sent.whenComplete((value, failure) -> {
                try {
                    onOutcome(retries, value, failure);
                } catch (RuntimeException | LinkageError e) {
                    // whatever breaks here, the caller's future must still complete
                    result.completeExceptionally(failure != null ? unwrap(failure) : e);
                }
            });
        }

        /** Gives the call up unless it is on the wire. */
        synchronized void handBack(Throwable why) {
            if (!sending) {
                result.completeExceptionally(why);
            }
        }

        private CompletableFuture<T> started(CompletableFuture<T> f) {
            inFlight = f;
            if (result.isCompletedExceptionally() && phase.isIdempotent()) {
                f.cancel(true);
            }
            return f;
        }

        private void onOutcome(int retries, T value, Throwable failure) {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable error = unwrap(failure);
            Failure reading = provider.classify(phase, error);
            if (reading.kind() == FailureKind.RATE_LIMITED && reading.retryAt() != null) {
                limiter.pauseUntil(reading.retryAt());
            }
            boolean repeat = switch (reading.kind()) {
                case RATE_LIMITED, RETRYABLE -> true;
                case UNCERTAIN -> policy.retryUncertainSubmit();
                default -> false;
            };
            long delay = repeat && retries < policy.maxRetries() ? delayFor(reading, retries + 1) : -1;
            if (delay < 0 || System.currentTimeMillis() + delay >= deadline) {
                result.completeExceptionally(error);
                return;
            }
            synchronized (this) {
                // between tries nothing is on the wire: a hand-back may end the attempt now
                sending = false;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Retrying {} of {} ({}) in {} ms, retry {} of {}: {}", phase, model, subject(), delay,
                        retries + 1, policy.maxRetries(), SafeText.forMessage(error.getMessage(), 300));
            }
            try {
                listener.retrying(requestId, model, phase, retries + 1, delay, error);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("A job listener failed: {}", e.toString());
            }
            scheduler.schedule(() -> run(retries + 1), delay, TimeUnit.MILLISECONDS);
        }

        /** Built only for a retry's log line: every call of every job would otherwise build it. */
        private String subject() {
            return jobKey != null ? "job key " + SafeText.forMessage(jobKey, 120)
                    : requestId != null ? "request " + requestId : "no request id yet";
        }

        private long delayFor(Failure reading, int attempt) {
            long backoff = policy.delayMillis(attempt);
            if (reading.retryAt() != null) {
                return Math.max(backoff, reading.retryAt().toEpochMilli() - System.currentTimeMillis());
            }
            return backoff;
        }
    }
}
