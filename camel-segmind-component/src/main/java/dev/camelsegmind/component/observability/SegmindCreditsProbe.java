package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.support.Numbers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.camelsegmind.component.provider.segmind.SegmindErrors;
import org.slf4j.LoggerFactory;

/**
 * The remaining credits of one API key, read with Segmind's free credits call and kept for an interval. Orchestrators
 * probe health every few seconds; this turns that into one call per interval, and a probe never waits for the call:
 * it gets the last reading while the next one is fetched.
 */
public final class SegmindCreditsProbe {

    /** One answer of the credits call: the balance, or why there is none. */
    public record Reading(Instant checkedAt, Double credits, Throwable error) {
    }

    private final Supplier<CompletableFuture<Map<String, Object>>> call;
    private final long intervalNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Reading last;
    private volatile long lastAnsweredNanos;
    private volatile boolean started;
    private final Consumer<Reading> onReading;

    public SegmindCreditsProbe(Supplier<CompletableFuture<Map<String, Object>>> call, Duration interval) {
        this(call, interval, r -> {
        });
    }

    /** @param onReading told of every answer, for whatever else depends on the key's state (its cool-down) */
    public SegmindCreditsProbe(Supplier<CompletableFuture<Map<String, Object>>> call, Duration interval,
                               Consumer<Reading> onReading) {
        this.call = call;
        this.intervalNanos = Math.max(0, interval.toNanos());
        this.onReading = onReading;
    }

    /** The last reading, or null before the first answer; refreshes in the background once it is an interval old. */
    public Reading current() {
        // measured from the last answer, so calls are at least an interval apart even when one is slow
        if ((!started || System.nanoTime() - lastAnsweredNanos >= intervalNanos)
                && refreshing.compareAndSet(false, true)) {
            started = true;
            refresh();
        }
        return last;
    }

    private void refresh() {
        CompletableFuture<Map<String, Object>> answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((json, failure) -> {
            Reading reading = failure != null ? new Reading(Instant.now(), null, SegmindErrors.unwrap(failure))
                    : new Reading(Instant.now(), creditsOf(json), null);
            last = reading;
            lastAnsweredNanos = System.nanoTime();
            refreshing.set(false);
            try {
                onReading.accept(reading);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SegmindCreditsProbe.class).warn("Could not act on a credits reading: {}",
                        e.toString());
            }
        });
    }

    /** Segmind answers {@code {"credits": n}}; a number sent as text is accepted too, anything else is unknown. */
    static Double creditsOf(Map<String, Object> json) {
        return Numbers.toDouble(json == null ? null : json.get("credits"));
    }
}
