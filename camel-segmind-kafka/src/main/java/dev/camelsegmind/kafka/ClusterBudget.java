package dev.camelsegmind.kafka;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.engine.RequestLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's share of the plan's requests per minute: one partition's worth ({@code perMinute / partitions}) for each
 * request partition it owns. A partition counts here only once its previous owner's calls for it have left Segmind's
 * window: at once for a partition nobody has worked lately, one window after the takeover otherwise. The sum over all
 * nodes therefore never passes the plan in any window, as long as every node agrees on the plan and the partition
 * count, and a node that lost a partition learns it within its session timeout.
 */
final class ClusterBudget {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBudget.class);
    /** Clocks of different nodes differ; a partition written this close to a window ago counts as recently worked. */
    private static final long CLOCK_SKEW_MILLIS = 5_000;

    private final RequestLimiter limiter;
    private final int perMinute;
    private final int partitions;
    private final long windowMillis;
    private final ScheduledExecutorService timer;
    /** Partition to the monotonic time from which its share may be spent. */
    private final Map<Integer, Long> usableFrom = new HashMap<>();
    private ScheduledFuture<?> next;

    ClusterBudget(RequestLimiter limiter, int perMinute, int partitions, ScheduledExecutorService timer) {
        this.limiter = limiter;
        this.perMinute = perMinute;
        this.partitions = partitions;
        this.windowMillis = limiter.windowMillis();
        this.timer = timer;
        if (perMinute < partitions) {
            LOG.warn("The cluster's {} requests per minute are fewer than the {} request partitions: a node's share is"
                    + " rounded down, and a node owning few partitions may get none. Use at most as many partitions as"
                    + " requests per minute", perMinute, partitions);
        }
    }

    /**
     * A partition this node now owns. {@code recentlyWorked}: its pending partition had live entries, or was written
     * within the last window, so its previous owner may still have calls in Segmind's window.
     */
    synchronized void gained(int partition, boolean recentlyWorked) {
        usableFrom.put(partition, now() + (recentlyWorked ? windowMillis : 0));
        apply();
    }

    synchronized void lost(int partition) {
        usableFrom.remove(partition);
        apply();
    }

    /** Whether the previous owner of a pending partition may have calls in the window, from what it left there. */
    boolean recentlyWorked(boolean liveEntries, long lastWriteEpochMillis) {
        return liveEntries || lastWriteEpochMillis >= 0
                && lastWriteEpochMillis > System.currentTimeMillis() - windowMillis - CLOCK_SKEW_MILLIS;
    }

    private void apply() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (usableFrom.isEmpty()) {
            // no partition, no job: the limit does not matter until one comes
            return;
        }
        long now = now();
        int usable = 0;
        long soonest = Long.MAX_VALUE;
        for (long from : usableFrom.values()) {
            if (from <= now) {
                usable++;
            } else {
                soonest = Math.min(soonest, from);
            }
        }
        if (usable > 0) {
            limiter.setMaxRequestsPerMinute(share(usable));
        } else {
            // nothing to spend yet: hold every call until the first share becomes usable, then allow that share
            int then = 0;
            for (long from : usableFrom.values()) {
                then += from <= soonest ? 1 : 0;
            }
            limiter.setMaxRequestsPerMinute(share(then));
            limiter.pauseUntil(Instant.now().plusMillis(soonest - now));
        }
        LOG.info("Request budget: {} of {} requests per minute ({} of {} owned partitions usable{})",
                usable > 0 ? share(usable) : 0, perMinute, usable, usableFrom.size(),
                soonest == Long.MAX_VALUE ? "" : ", more in " + (soonest - now) + " ms");
        if (soonest != Long.MAX_VALUE) {
            next = timer.schedule(this::reapply, soonest - now, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void reapply() {
        apply();
    }

    /** At least 1: the limiter reads 0 as no limit at all. */
    private int share(int owned) {
        return Math.max(1, (int) ((long) perMinute * owned / partitions));
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
