package dev.camelsegmind.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The faults in force. Registrations are rare and lookups happen on every request, hence a
 * copy-on-write list; the first matching fault wins.
 */
public final class Faults {

    private final List<Fault> active = new CopyOnWriteArrayList<>();
    private final LongAdder total = new LongAdder();
    private final Map<Route, LongAdder> perRoute = new EnumMap<>(Route.class);

    Faults() {
        for (Route r : Route.values()) {
            perRoute.put(r, new LongAdder());
        }
    }

    /** Registers a fault; it applies from the next request. */
    public Faults add(Fault fault) {
        fault.arm();
        active.add(fault);
        return this;
    }

    public boolean remove(Fault fault) {
        return active.remove(fault);
    }

    /** Removes every fault; the injected counts are kept (see {@link #reset()}). */
    public void clear() {
        active.clear();
    }

    /** Removes every fault and zeroes the counts, for a simulator shared by several tests. */
    public void reset() {
        active.clear();
        total.reset();
        perRoute.values().forEach(LongAdder::reset);
    }

    public List<Fault> list() {
        return List.copyOf(active);
    }

    /** Faults applied since start (or the last {@link #reset()}). */
    public long injected() {
        return total.sum();
    }

    public long injected(Route route) {
        return perRoute.get(route).sum();
    }

    Optional<Fault> apply(Route route, String model, Set<Fault.Kind> kinds) {
        if (active.isEmpty()) {
            return Optional.empty();
        }
        for (Fault fault : active) {
            if (fault.tryApply(route, model, kinds)) {
                total.increment();
                perRoute.get(route).increment();
                if (fault.spent()) {
                    active.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
