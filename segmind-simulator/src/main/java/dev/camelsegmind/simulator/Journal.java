package dev.camelsegmind.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request the simulator answered (or dropped). Appends are O(1) under a short lock and
 * counts come from counters, so a benchmark can make millions of calls and still ask
 * {@code count(Route.SUBMIT)} cheaply. Beyond the capacity the oldest entries are dropped; counts
 * still include them.
 */
public final class Journal {

    private record Key(Route route, String model) {
    }

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be positive");
        }
        this.capacity = capacity;
    }

    void record(JournalEntry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.pollFirst();
            }
            entries.addLast(entry);
        }
        if (entry.route() != null) {
            counts.computeIfAbsent(new Key(entry.route(), null), k -> new LongAdder()).increment();
            if (entry.model() != null) {
                counts.computeIfAbsent(new Key(entry.route(), entry.model()), k -> new LongAdder()).increment();
            }
        }
    }

    /** A copy of the retained entries, oldest first. */
    public List<JournalEntry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public List<JournalEntry> entries(Route route) {
        List<JournalEntry> matching = new ArrayList<>();
        for (JournalEntry e : entries()) {
            if (e.route() == route) {
                matching.add(e);
            }
        }
        return matching;
    }

    /** Requests seen on a route since start or the last {@link #clear()}. */
    public long count(Route route) {
        return sum(new Key(Objects.requireNonNull(route, "route"), null));
    }

    public long count(Route route, String model) {
        return sum(new Key(Objects.requireNonNull(route, "route"), Objects.requireNonNull(model, "model")));
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
            counts.clear();
        }
    }

    private long sum(Key key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
