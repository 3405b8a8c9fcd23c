package dev.camelsegmind.component.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@code onSilence} once nothing happened for {@code limit}; {@link #touch} says something did. Needed only
 * where a call's two limits differ (a sync call waits longer for its headers than its body may stay silent): the
 * client's own inactivity timeout covers a call whose limits are the same. One timer task, re-armed at most once per
 * limit, whatever the number of touches.
 */
final class SilenceWatch {

    private final long limitNanos;
    private final ScheduledExecutorService timer;
    private final Runnable onSilence;
    private volatile long lastNanos = System.nanoTime();
    private volatile ScheduledFuture<?> check;
    private volatile boolean stopped;

    /** @param onSilence runs on the timer's thread: it must only hand the work on */
    SilenceWatch(Duration limit, ScheduledExecutorService timer, Runnable onSilence) {
        this.limitNanos = Math.max(1, limit.toNanos());
        this.timer = timer;
        this.onSilence = onSilence;
        arm(limitNanos);
    }

    void touch() {
        lastNanos = System.nanoTime();
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> c = check;
        if (c != null) {
            c.cancel(false);
        }
    }

    private void arm(long delayNanos) {
        try {
            check = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: its stop ends the calls
        }
        if (stopped) {
            stop();
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        long quiet = System.nanoTime() - lastNanos;
        if (quiet < limitNanos) {
            arm(limitNanos - quiet);
            return;
        }
        stopped = true;
        onSilence.run();
    }
}
