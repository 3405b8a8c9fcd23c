package dev.camelsegmind.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A model's render workers, as a list of the times each one becomes free. A job is given the
 * earliest free worker when it is accepted, so its whole timeline is fixed at submission and no
 * timer ever runs: a full pool shows up as a longer QUEUED phase, first come first served.
 */
final class WorkerPool {

    private final PriorityQueue<Instant> busyUntil = new PriorityQueue<>();
    private int capacity;

    WorkerPool(int capacity) {
        capacity(capacity);
    }

    synchronized int capacity() {
        return capacity;
    }

    synchronized void capacity(int workers) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative, got " + workers);
        }
        capacity = workers;
        // A smaller pool keeps the workers that free up last: jobs already placed keep their times.
        while (capacity > 0 && busyUntil.size() > capacity) {
            busyUntil.poll();
        }
        if (capacity == 0) {
            busyUntil.clear();
        }
    }

    /** When a job that could start at {@code readyAt} and renders for {@code render} really starts. */
    synchronized Instant schedule(Instant readyAt, Duration render) {
        if (capacity == 0) {
            return readyAt;
        }
        Instant start = readyAt;
        if (busyUntil.size() >= capacity) {
            Instant free = busyUntil.poll();
            if (free.isAfter(start)) {
                start = free;
            }
        }
        busyUntil.add(start.plus(render));
        return start;
    }
}
