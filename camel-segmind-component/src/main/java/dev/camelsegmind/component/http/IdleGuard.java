package dev.camelsegmind.component.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Puts a time limit on the silence of a response body, which the JDK's request timeout does not cover: from the
 * headers on, a body that brings no byte for {@code idle} fails with {@link BodyIdleTimeoutException}. Failing, or
 * being aborted by the caller, cancels the subscription (the JDK then closes the connection) and tells the wrapped
 * subscriber, so it can delete a partial file. One timer per body, re-armed at most once per idle period, whatever
 * the number of chunks.
 */
final class IdleGuard<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> inner;
    private final long idleNanos;
    private final Duration idle;
    private final ScheduledExecutorService timer;
    private final Executor executor;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private volatile long lastNanos = System.nanoTime();
    private volatile ScheduledFuture<?> check;
    private Flow.Subscription subscription;
    /** Guarded by this: once set, nothing more reaches the wrapped subscriber. */
    private boolean ended;

    IdleGuard(HttpResponse.BodySubscriber<T> inner, Duration idle, ScheduledExecutorService timer,
              Executor executor) {
        this.inner = inner;
        this.idle = idle;
        this.idleNanos = Math.max(1, idle.toNanos());
        this.timer = timer;
        this.executor = executor;
        inner.getBody().whenComplete((v, e) -> {
            cancelCheck();
            if (e != null) {
                body.completeExceptionally(e);
            } else {
                body.complete(v);
            }
        });
        arm(idleNanos);
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean late;
        synchronized (this) {
            subscription = s;
            late = ended;
            if (!late) {
                lastNanos = System.nanoTime();
                inner.onSubscribe(s);
            }
        }
        if (late) {
            s.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        lastNanos = System.nanoTime();
        synchronized (this) {
            if (!ended) {
                inner.onNext(item);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            inner.onError(t);
        }
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            inner.onComplete();
        }
    }

    /** Gives the body up: the connection is closed, the wrapped subscriber cleans up, the body fails with {@code why}. */
    void abort(Throwable why) {
        Flow.Subscription s;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            s = subscription;
            try {
                // under the lock, so it never overlaps a chunk still being written
                inner.onError(why);
            } catch (RuntimeException ignored) {
                // the wrapped subscriber failed while cleaning up: the body fails with the reason all the same
            }
        }
        // outside the lock: the JDK may call back into this subscriber while it cancels
        try {
            if (s != null) {
                s.cancel();
            }
        } finally {
            cancelCheck();
            body.completeExceptionally(why);
        }
    }

    private void arm(long delayNanos) {
        try {
            check = timer.schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: its stop ends the calls
        }
        if (body.isDone()) {
            cancelCheck();
        }
    }

    private void checkIdle() {
        if (body.isDone()) {
            return;
        }
        long quiet = System.nanoTime() - lastNanos;
        if (quiet < idleNanos) {
            arm(idleNanos - quiet);
            return;
        }
        // off the timer's thread: the wrapped subscriber may close and delete a file
        try {
            executor.execute(() -> abort(new BodyIdleTimeoutException(idle)));
        } catch (RejectedExecutionException stopping) {
            abort(new BodyIdleTimeoutException(idle));
        }
    }

    private void cancelCheck() {
        ScheduledFuture<?> c = check;
        if (c != null) {
            c.cancel(false);
        }
    }
}
