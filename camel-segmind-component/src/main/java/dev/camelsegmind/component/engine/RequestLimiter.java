package dev.camelsegmind.component.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client-side budget shared by every endpoint of a component: at most {@code maxRequestsPerMinute} API calls in any
 * sliding minute (status polls count) and at most {@code maxConcurrentJobs} jobs between submit and delivery. Waiting
 * is a scheduled future, never a parked thread, so 500 queued files on a 5 RPM plan wait politely instead of burning
 * 429s.
 */
public final class RequestLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final int maxRequestsPerMinute;
    private final int maxConcurrentJobs;
    private final ScheduledExecutorService scheduler;
    private final Deque<Long> reservations = new ArrayDeque<>();
    private final Deque<CompletableFuture<Void>> waitingJobs = new ArrayDeque<>();
    private int runningJobs;

    public RequestLimiter(int maxRequestsPerMinute, int maxConcurrentJobs, ScheduledExecutorService scheduler) {
        this.maxRequestsPerMinute = Math.max(0, maxRequestsPerMinute);
        this.maxConcurrentJobs = Math.max(0, maxConcurrentJobs);
        this.scheduler = scheduler;
    }

    public static RequestLimiter unlimited(ScheduledExecutorService scheduler) {
        return new RequestLimiter(0, 0, scheduler);
    }

    /** Completes when one more API call may be made. */
    public CompletableFuture<Void> acquireRequest() {
        if (maxRequestsPerMinute == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long delay = reserve(System.currentTimeMillis());
        if (delay <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        scheduler.schedule(() -> f.complete(null), delay, TimeUnit.MILLISECONDS);
        return f;
    }

    /** How long the next call would wait now, without reserving it; for the console. */
    public synchronized long currentDelayMillis() {
        if (maxRequestsPerMinute == 0 || reservations.size() < maxRequestsPerMinute) {
            return 0;
        }
        return Math.max(0, reservations.peekFirst() + WINDOW_MILLIS - System.currentTimeMillis());
    }

    private synchronized long reserve(long now) {
        while (!reservations.isEmpty() && reservations.peekFirst() + WINDOW_MILLIS <= now) {
            reservations.pollFirst();
        }
        long slot = now;
        if (reservations.size() >= maxRequestsPerMinute) {
            // the oldest of the last N calls frees its place one window after it was made
            Long[] all = reservations.toArray(new Long[0]);
            slot = Math.max(now, all[all.length - maxRequestsPerMinute] + WINDOW_MILLIS);
        }
        reservations.addLast(slot);
        return slot - now;
    }

    /** Completes when a job may start; pair with {@link #releaseJob()}. */
    public CompletableFuture<Void> acquireJob() {
        if (maxConcurrentJobs == 0) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (runningJobs < maxConcurrentJobs) {
                runningJobs++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waitingJobs.addLast(f);
            return f;
        }
    }

    public void releaseJob() {
        if (maxConcurrentJobs == 0) {
            return;
        }
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waitingJobs.pollFirst();
            if (next == null) {
                runningJobs = Math.max(0, runningJobs - 1);
                return;
            }
        }
        // hand the slot over outside the lock; the next job runs on the scheduler, not on the releasing thread
        scheduler.execute(() -> next.complete(null));
    }

    public synchronized int waitingJobs() {
        return waitingJobs.size();
    }

    public int maxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    public int maxConcurrentJobs() {
        return maxConcurrentJobs;
    }
}
