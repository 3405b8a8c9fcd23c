package dev.camelsegmind.component.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client-side budget shared by every endpoint of a component: at most {@code maxRequestsPerMinute} API calls in any
 * sliding minute (status polls count) and at most {@code maxConcurrentJobs} jobs between submit and delivery. Waiting
 * is a scheduled future, never a parked thread, so 500 queued files on a 5 RPM plan wait politely instead of burning
 * 429s.
 *
 * <p>A call holds its place in the budget from its grant until one window after it completes
 * ({@link #requestDone()}). The server counts a call when it arrives, which is after the grant and before the answer;
 * counting from the grant alone would let a call that waited in the HTTP client share the server's window with the
 * calls granted a window later, and meet a 429 at exactly the plan's budget.
 */
public final class RequestLimiter {

    private static final long MINUTE_MILLIS = 60_000;

    private final long windowMillis;
    /** Changed only by {@link #setMaxRequestsPerMinute}, under the lock. */
    private volatile int maxRequestsPerMinute;
    private final int maxConcurrentJobs;
    private final ScheduledExecutorService scheduler;
    /** When each completed call of the last window completed, oldest first. */
    private final Deque<Long> granted = new ArrayDeque<>();
    /** Calls granted and not yet completed: each holds a place until a window after it completes. */
    private int open;
    private final Deque<CompletableFuture<Void>> waitingRequests = new ArrayDeque<>();
    private boolean timerSet;
    private final Deque<CompletableFuture<Void>> waitingJobs = new ArrayDeque<>();
    private int runningJobs;
    private int grantHolds;
    private int deferredReleases;
    private long pausedUntil;

    public RequestLimiter(int maxRequestsPerMinute, int maxConcurrentJobs, ScheduledExecutorService scheduler) {
        this(maxRequestsPerMinute, maxConcurrentJobs, scheduler, MINUTE_MILLIS);
    }

    /**
     * @param windowMillis the length of the "minute": always 60 000 in use; tests against a simulator whose clock runs
     *                     faster shrink it to match, since the budget is counted in real time
     */
    public RequestLimiter(int maxRequestsPerMinute, int maxConcurrentJobs, ScheduledExecutorService scheduler,
                          long windowMillis) {
        this.windowMillis = windowMillis > 0 ? windowMillis : MINUTE_MILLIS;
        this.maxRequestsPerMinute = Math.max(0, maxRequestsPerMinute);
        this.maxConcurrentJobs = Math.max(0, maxConcurrentJobs);
        this.scheduler = scheduler;
    }

    public static RequestLimiter unlimited(ScheduledExecutorService scheduler) {
        return new RequestLimiter(0, 0, scheduler);
    }

    /**
     * Completes when one more API call may be made. Calls are granted in order, and a grant is counted at the moment
     * it is given, not when it was planned: a grant that comes late (a busy scheduler) is then never followed by a
     * burst that would crowd the server's window.
     */
    public CompletableFuture<Void> acquireRequest() {
        long paused = pausedForMillis();
        if (paused > 0) {
            CompletableFuture<Void> later = new CompletableFuture<>();
            scheduler.schedule(() -> acquireRequest().whenComplete((v, e) -> later.complete(null)), paused,
                    TimeUnit.MILLISECONDS);
            return later;
        }
        if (maxRequestsPerMinute == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (this) {
            if (maxRequestsPerMinute == 0) {
                return CompletableFuture.completedFuture(null);
            }
            waitingRequests.addLast(f);
        }
        grantRequests();
        return f;
    }

    /**
     * Changes the budget while jobs run: a node of a cluster gets its share of the plan's limit as the cluster
     * changes. Lowering it holds calls until the grants of the last window fall below the new limit; raising it
     * grants waiting calls at once. 0 lifts the limit.
     */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        synchronized (this) {
            this.maxRequestsPerMinute = Math.max(0, maxRequestsPerMinute);
            if (this.maxRequestsPerMinute == 0) {
                released.addAll(waitingRequests);
                waitingRequests.clear();
            }
        }
        released.forEach(f -> f.complete(null));
        grantRequests();
    }

    public int maxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /** The length of the budget's "minute" in milliseconds: 60 000 but in tests against a faster simulated clock. */
    public long windowMillis() {
        return windowMillis;
    }

    /**
     * A call granted by {@link #acquireRequest()} has completed (answered, failed, or never sent): its place frees up a
     * window from now. Every grant is followed by exactly one call of this.
     */
    public void requestDone() {
        synchronized (this) {
            if (open == 0) {
                // granted while the budget was off: it never held a place
                return;
            }
            open--;
            granted.addLast(monotonicMillis());
        }
        grantRequests();
    }

    /**
     * How long a call asked for now would wait, at least. Places free in order: the completed calls of the last window
     * a window after they completed, then the calls still under way, each a full window after an answer not yet
     * come; while the budget waits on one of those, the wait is at least a window.
     */
    public synchronized long currentDelayMillis() {
        if (maxRequestsPerMinute == 0) {
            return 0;
        }
        long now = monotonicMillis();
        int holding = 0;
        for (long completed : granted) {
            if (completed + windowMillis > now) {
                holding++;
            }
        }
        // the places that must free before this call's turn: one for it, one for each call ahead of it
        int needed = open + holding + waitingRequests.size() + 1 - maxRequestsPerMinute;
        if (needed <= 0) {
            return 0;
        }
        if (needed > holding) {
            return windowMillis;
        }
        int seen = 0;
        for (long completed : granted) {
            if (completed + windowMillis > now && ++seen == needed) {
                return completed + windowMillis - now;
            }
        }
        return windowMillis;
    }

    private void grantRequests() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        synchronized (this) {
            long now = monotonicMillis();
            while (!granted.isEmpty() && granted.peekFirst() + windowMillis <= now) {
                granted.pollFirst();
            }
            while (!waitingRequests.isEmpty() && open + granted.size() < maxRequestsPerMinute) {
                open++;
                ready.add(waitingRequests.pollFirst());
            }
            // with every place held by a call under way, the next requestDone() looks again
            if (!waitingRequests.isEmpty() && !timerSet && !granted.isEmpty()) {
                // the oldest completed call leaves the window then
                timerSet = true;
                long delay = Math.max(1, granted.peekFirst() + windowMillis - now);
                scheduler.schedule(() -> {
                    synchronized (this) {
                        timerSet = false;
                    }
                    grantRequests();
                }, delay, TimeUnit.MILLISECONDS);
            }
        }
        // outside the lock: completing runs the call itself
        ready.forEach(f -> f.complete(null));
    }

    /** Milliseconds on the monotonic clock: a wall clock set back or forward must not open or close the window. */
    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
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
            if (grantHolds > 0) {
                deferredReleases++;
                return;
            }
            // a waiter whose message was abandoned (its producer stopped) gives its turn to the next
            do {
                next = waitingJobs.pollFirst();
            } while (next != null && next.isDone());
            if (next == null) {
                runningJobs = Math.max(0, runningJobs - 1);
                return;
            }
        }
        CompletableFuture<Void> granted = next;
        // hand the slot over outside the lock; the next job runs on the scheduler, not on the releasing thread
        scheduler.execute(() -> {
            if (!granted.complete(null)) {
                // abandoned in the meantime: pass the slot on
                releaseJob();
            }
        });
    }

    /**
     * Freed slots are not handed on until {@link #resumeGrants()}: a caller giving up several jobs at once (a producer
     * that stops) gives them all up first, so the slot of one that was running never starts one that was waiting.
     * Holds nest.
     */
    public void holdGrants() {
        synchronized (this) {
            grantHolds++;
        }
    }

    /** Hands on the slots freed while grants were held, to waiters not given up meanwhile. */
    public void resumeGrants() {
        int released;
        synchronized (this) {
            grantHolds = Math.max(0, grantHolds - 1);
            if (grantHolds > 0) {
                return;
            }
            released = deferredReleases;
            deferredReleases = 0;
        }
        for (int i = 0; i < released; i++) {
            releaseJob();
        }
    }

    /**
     * Holds every call until {@code until}: the provider said its window is spent (a 429 with a reset time), so the
     * other jobs wait too instead of each earning its own 429.
     */
    public void pauseUntil(java.time.Instant until) {
        long delay = until.toEpochMilli() - System.currentTimeMillis();
        if (delay <= 0) {
            return;
        }
        synchronized (this) {
            long resumeAt = monotonicMillis() + delay;
            if (resumeAt <= pausedUntil) {
                return;
            }
            pausedUntil = resumeAt;
        }
    }

    /** How long calls are held by a provider's reset time; 0 when they are not. */
    synchronized long pausedForMillis() {
        return Math.max(0, pausedUntil - monotonicMillis());
    }

    public synchronized int waitingJobs() {
        return waitingJobs.size();
    }
}
