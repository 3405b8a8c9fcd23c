package dev.camelsegmind.simulator;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The faults in force. The first matching fault wins; one whose {@link Fault#times times} are
 * used up or whose {@link Fault#lastingFor lifetime} is over is removed.
 *
 * <p>A simulator running in another process takes the same faults over HTTP, without a key:
 * <pre>{@code
 * curl -X POST localhost:8089/_sim/faults -d '{"route":"SUBMIT","status":429,"times":3}'
 * }</pre>
 * {@code POST /_sim/faults} adds one fault and answers 201 with it as JSON, including its
 * {@code id}, or 400 naming the bad field; {@code GET /_sim/faults} lists those in force with
 * their injected counts; {@code DELETE /_sim/faults} removes all, {@code DELETE /_sim/faults/{id}}
 * one; {@code POST /_sim/reset} is {@link SegmindSimulator#reset()}. A fault object takes
 * {@code "route"} (a {@link Route} name or {@code "ANY"}) or {@code "routes"}, exactly one action
 * &mdash; {@code "status"}, {@code "drop"} ({@code "before_accept"} or {@code "after_accept"}),
 * {@code "delay_ms"}, {@code "malformed_json": true}, {@code "truncate": true},
 * {@code "flap": true}, {@code "stall": true}, {@code "expire": true},
 * {@code "accept_then_status"} and {@code "accept_then_html"} (a code, see
 * {@link Fault#acceptThenStatus}), {@code "stall_body": true} or {@code "stall_body_ms"} (see
 * {@link Fault#stallBody()}), {@code "redirect"} (a location; {@code "redirect_status"} picks 301,
 * 302, 303, 307 or 308), {@code "foreign_urls"} (a base URL, see {@link Fault#foreignUrls}), or
 * {@code "storm_ms"} for a {@link Fault#rateLimitStorm rate-limit storm} (which picks its own
 * routes) &mdash; and any of {@code "model"}, {@code "request_id"}, {@code "body"},
 * {@code "headers"}, {@code "retry_after": true} ({@link Fault#withRetryAfter()}),
 * {@code "probability"}, {@code "seed"}, {@code "times"} and {@code "lasting_ms"}, meaning what the
 * {@link Fault} methods of those names mean.
 */
public final class Faults {

    // Registrations are rare and lookups happen on every request, hence copy-on-write.
    private final List<Fault> active = new CopyOnWriteArrayList<>();
    private final LongAdder total = new LongAdder();
    private final Map<Route, LongAdder> perRoute = new EnumMap<>(Route.class);
    // Ids keep counting across reset() so a stale id held by a test never removes a newer fault.
    private final AtomicLong ids = new AtomicLong();
    // The simulator's clock, so a stall freezes a job at a moment of the job's own time line.
    private final Clock clock;

    Faults(Clock clock) {
        this.clock = clock;
        for (Route r : Route.values()) {
            perRoute.put(r, new LongAdder());
        }
    }

    /** Registers a fault; it applies from the next request, and its lifetime, if any, starts now. */
    public Faults add(Fault fault) {
        // Lifetimes run in real time, like delays, so they are measured on the monotonic timer.
        fault.arm(ids.incrementAndGet(), clock.instant(), System.nanoTime());
        active.add(fault);
        return this;
    }

    public boolean remove(Fault fault) {
        return active.remove(fault);
    }

    /** Removes the fault with this {@link Fault#id() id}, returning it if it was still in force. */
    public Optional<Fault> remove(long id) {
        for (Fault fault : active) {
            if (fault.id() == id && active.remove(fault)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Removes every fault and returns how many there were; the injected counts are kept (see {@link #reset()}). */
    public int clear() {
        List<Fault> gone = List.copyOf(active);
        active.removeAll(gone);
        return gone.size();
    }

    /** Removes every fault and zeroes the counts, for a simulator shared by several tests. */
    public void reset() {
        active.clear();
        total.reset();
        perRoute.values().forEach(LongAdder::reset);
    }

    /** The faults still in force, oldest first. */
    public List<Fault> list() {
        long now = System.nanoTime();
        active.removeIf(fault -> fault.over(now));
        return List.copyOf(active);
    }

    /** Faults applied since start (or the last {@link #reset()}). */
    public long injected() {
        return total.sum();
    }

    public long injected(Route route) {
        return perRoute.get(route).sum();
    }

    /** The first fault of one of these kinds that applies to the call, counted as injected. */
    Optional<Fault> apply(Call call, Set<Fault.Kind> kinds) {
        if (active.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        for (Fault fault : active) {
            if (fault.over(now)) {
                active.remove(fault);
            } else if (fault.tryApply(call.route(), call.model(), call.requestId(), kinds)) {
                total.increment();
                perRoute.get(call.route()).increment();
                if (fault.over(now)) {
                    active.remove(fault);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
