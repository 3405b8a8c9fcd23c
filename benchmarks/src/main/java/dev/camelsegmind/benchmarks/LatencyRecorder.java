package dev.camelsegmind.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies in a preallocated array, so recording costs the load generator no allocation and no collection while it
 * measures; samples beyond the capacity are counted but not kept.
 */
final class LatencyRecorder {

    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long latencyNanos) {
        int i = next.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = latencyNanos;
        }
    }

    int count() {
        return next.get();
    }

    /** Percentiles in milliseconds, nearest rank, for each p given (0..1). */
    double[] percentilesMs(double... ps) {
        long[] sorted = Arrays.copyOf(nanos, Math.min(next.get(), nanos.length));
        Arrays.sort(sorted);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = Stats.percentileOfSorted(sorted, ps[i]) / 1e6;
        }
        return out;
    }
}
