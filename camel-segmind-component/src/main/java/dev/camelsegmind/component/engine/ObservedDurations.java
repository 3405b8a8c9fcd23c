package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Arrays;

/**
 * The last {@value #CAPACITY} job durations of one model, summarised as the window in which nearly all of them
 * finished. Only recent jobs count, so the window follows a model whose speed changes (new hardware, busier hours).
 */
final class ObservedDurations {

    static final int CAPACITY = 128;

    /** Each side of the window leaves out this share of the jobs: rare early or late finishes are not worth polls. */
    private static final double TAIL = 0.005;

    /**
     * How far past the observed extremes the window reaches, as a share of each side's distance to the median. The
     * extremes of n samples leave about 2/(n+1) of later jobs outside (1.6 % at 128), too many for a p99 when the
     * tail is long. The early side is the one that matters: every job pays for the reads from the window's start,
     * while a job past its end is read densely a while longer anyway (see AdaptivePollingPolicy). Replaying the
     * benchmark's log-normal (σ 0.4) image and video mix, 400 overlapping jobs on made-up time with 36 seeds, a
     * tenth of the spread left 1 seed's p99 past one 1 s interval (3.6 s), 0.15 none, for 3 % more reads; the uniform
     * ±10 % and queue-then-render mixes kept their reads (24.7 and 23.1 per job, against 88 and 106 at 1 s).
     */
    private static final double REACH = 0.15;

    private final long[] ring = new long[CAPACITY];
    private int count;
    private int next;
    private volatile Window window;

    /**
     * Where a model's jobs finish, measured from submission.
     *
     * @param earliest the low end, widened while few jobs were seen
     * @param latest   the high end, widened likewise
     * @param samples  jobs behind the estimate
     */
    record Window(Duration earliest, Duration latest, int samples) {
    }

    synchronized void add(Duration duration) {
        ring[next] = Math.max(0, duration.toMillis());
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        window = summarise();
    }

    /** The current window, or null before the first job finished. */
    Window window() {
        return window;
    }

    private Window summarise() {
        long[] sorted = Arrays.copyOf(ring, count);
        Arrays.sort(sorted);
        long low = sorted[(int) Math.floor(TAIL * (count - 1))];
        long high = sorted[(int) Math.ceil((1 - TAIL) * (count - 1))];
        // a handful of jobs says little about the spread: widen by a margin that shrinks as evidence grows
        double margin = 0.25 / Math.sqrt(count);
        // reach past the extremes by a share of each side's own spread: little where tails are short, more where long
        long median = sorted[(count - 1) / 2];
        long early = Math.max(0, Math.round(low * (1 - margin) - REACH * (median - low)));
        long late = Math.round(high * (1 + margin) + REACH * (high - median));
        return new Window(Duration.ofMillis(early), Duration.ofMillis(late), count);
    }
}
