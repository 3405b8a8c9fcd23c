package dev.camelsegmind.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link CallbackFault}s in force; over HTTP, {@code /_sim/callback-faults} (see {@link Crun}). The first
 * matching fault applies; one whose {@link CallbackFault#times times} are used up is removed.
 */
public final class CallbackFaults {

    private final List<CallbackFault> active = new CopyOnWriteArrayList<>();
    private final LongAdder total = new LongAdder();
    // Ids keep counting across reset() so a stale id held by a test never removes a newer fault.
    private final AtomicLong ids = new AtomicLong();

    CallbackFaults() {
    }

    /** Registers a fault for the callbacks that fall due from now on. */
    public CallbackFaults add(CallbackFault fault) {
        fault.arm(ids.incrementAndGet());
        active.add(fault);
        return this;
    }

    /** Removes the fault with this id, returning it if it was still in force. */
    public Optional<CallbackFault> remove(long id) {
        for (CallbackFault fault : active) {
            if (fault.id() == id && active.remove(fault)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Removes every fault and returns how many there were. */
    public int clear() {
        List<CallbackFault> gone = List.copyOf(active);
        active.removeAll(gone);
        return gone.size();
    }

    /** The faults in force, oldest first. */
    public List<CallbackFault> list() {
        active.removeIf(CallbackFault::over);
        return List.copyOf(active);
    }

    /** Callbacks a fault has touched since start or the last reset. */
    public long injected() {
        return total.sum();
    }

    void reset() {
        active.clear();
        total.reset();
    }

    Optional<CallbackFault> apply(String taskId) {
        for (CallbackFault fault : active) {
            if (fault.over()) {
                active.remove(fault);
            } else if (fault.tryApply(taskId)) {
                total.increment();
                if (fault.over()) {
                    active.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
