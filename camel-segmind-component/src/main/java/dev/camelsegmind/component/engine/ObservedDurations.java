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
        return new Window(Duration.ofMillis(Math.round(low * (1 - margin))),
                Duration.ofMillis(Math.round(high * (1 + margin))), count);
    }
}
