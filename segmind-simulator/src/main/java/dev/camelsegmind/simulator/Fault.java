package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One misbehaviour to inject, built fluently and then handed to {@link Faults#add(Fault)}:
 * <pre>{@code
 * sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(3));
 * sim.faults().add(Fault.on(Route.MEDIA).model("wan2.7-i2v").truncate());
 * sim.faults().add(Fault.on(Route.STATUS).delay(Duration.ofSeconds(2)).probability(0.1).seed(7));
 * }</pre>
 * Configure a fault fully before adding it. At most one fault applies to a request.
 * {@link #status}, {@link #dropBeforeAccept} and {@link #expire} replace the handling of the
 * request; {@link #delay} stalls whatever answer the simulator gives; {@link #dropAfterAccept},
 * {@link #malformedJson} and {@link #truncate} spoil only successful answers, since they model
 * work that was done and an answer that was lost, and a "dropped after accept" needs an accept.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Answer with a chosen status and body instead of handling the request. */
        STATUS,
        /** Close the connection without an answer before anything happens (nothing billed). */
        DROP_BEFORE_ACCEPT,
        /** Handle the request (create and bill the job), then close the connection without an answer. */
        DROP_AFTER_ACCEPT,
        /** Hold the answer back for a real-time duration. */
        DELAY,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** Announce the full Content-Length, send half, close. */
        TRUNCATE,
        /** On alternate polls report the state before the real one (PROCESSING shows as QUEUED, COMPLETED as PROCESSING). */
        FLAP,
        /** Answer 404 as if the request id had expired. */
        EXPIRE
    }

    /** Faults that replace handling, that alter a success, that alter an error, and the one the poll handler asks about. */
    static final Set<Kind> BEFORE = Set.of(Kind.STATUS, Kind.DROP_BEFORE_ACCEPT, Kind.EXPIRE);
    static final Set<Kind> AFTER = Set.of(Kind.DROP_AFTER_ACCEPT, Kind.DELAY, Kind.MALFORMED_JSON, Kind.TRUNCATE);
    static final Set<Kind> AFTER_ERROR = Set.of(Kind.DELAY);
    static final Set<Kind> FLAPS = Set.of(Kind.FLAP);

    private final Route route;
    private String model;
    private Kind kind;
    private int status;
    private String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;
    private double probability = 1.0;
    private long seed = 42L;
    private int times = -1;

    private Random random;
    private AtomicInteger remaining;
    private final AtomicLong injected = new AtomicLong();

    private Fault(Route route) {
        this.route = Objects.requireNonNull(route, "route");
    }

    /** Starts a fault for one route. */
    public static Fault on(Route route) {
        return new Fault(route);
    }

    /** Applies only to requests for this model slug (for job and media routes, the job's model). */
    public Fault model(String slug) {
        this.model = slug;
        return this;
    }

    /** Applies this many times, then goes quiet. Unlimited by default. */
    public Fault times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        this.times = n;
        return this;
    }

    /** Applies to each matching request with this chance, drawn from a {@link #seed seeded} random so runs repeat. */
    public Fault probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], got " + p);
        }
        this.probability = p;
        return this;
    }

    /** Seed for {@link #probability}; 42 unless set. */
    public Fault seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Answers with this HTTP status; 429 comes with {@code x-rate-limit-reset-at-utc} and {@code Retry-After: 1}. */
    public Fault status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
        this.status = code;
        return kind(Kind.STATUS);
    }

    /** Body for {@link #status}; a default error body for the code otherwise. */
    public Fault body(String json) {
        this.body = json;
        return this;
    }

    /** Extra response header for {@link #status} (it replaces a default of the same name). */
    public Fault header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public Fault dropBeforeAccept() {
        return kind(Kind.DROP_BEFORE_ACCEPT);
    }

    /** Meant for SUBMIT (the job exists and is billed, the client cannot know); elsewhere it drops the answer after the work is done. */
    public Fault dropAfterAccept() {
        return kind(Kind.DROP_AFTER_ACCEPT);
    }

    /** Stalls the answer for {@code d} of real time (the time factor does not apply). */
    public Fault delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = d;
        return kind(Kind.DELAY);
    }

    public Fault malformedJson() {
        return kind(Kind.MALFORMED_JSON);
    }

    public Fault truncate() {
        return kind(Kind.TRUNCATE);
    }

    public Fault flap() {
        return kind(Kind.FLAP);
    }

    public Fault expire() {
        return kind(Kind.EXPIRE);
    }

    private Fault kind(Kind k) {
        if (kind != null && kind != k) {
            throw new IllegalStateException("a fault does one thing; this one already does " + kind);
        }
        this.kind = k;
        return this;
    }

    public Route route() {
        return route;
    }

    public String model() {
        return model;
    }

    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Duration delay() {
        return delay;
    }

    /** How many times this fault has been applied. */
    public long injected() {
        return injected.get();
    }

    /** Short label written on journal entries, e.g. {@code status:429} or {@code truncate}. */
    public String tag() {
        switch (kind) {
            case STATUS: return "status:" + status;
            case DROP_BEFORE_ACCEPT: return "dropBeforeAccept";
            case DROP_AFTER_ACCEPT: return "dropAfterAccept";
            case DELAY: return "delay:" + delay.toMillis() + "ms";
            case MALFORMED_JSON: return "malformedJson";
            case TRUNCATE: return "truncate";
            case FLAP: return "flap";
            case EXPIRE: return "expire";
            default: throw new IllegalStateException(String.valueOf(kind));
        }
    }

    /** Freezes the configuration; called once when the fault is registered. */
    void arm() {
        if (kind == null) {
            throw new IllegalStateException("fault on " + route + " has no action: call status(), delay(), truncate() ...");
        }
        random = new Random(seed);
        remaining = new AtomicInteger(times);
    }

    /**
     * Whether the fault applies to this request, consuming one of its {@link #times} if so.
     * The chance is drawn before the count so a miss does not use up a planned failure.
     */
    boolean tryApply(Route r, String requestModel, Set<Kind> kinds) {
        if (r != route || !kinds.contains(kind) || (model != null && !model.equals(requestModel))) {
            return false;
        }
        if (probability < 1.0) {
            synchronized (random) {
                if (random.nextDouble() >= probability) {
                    return false;
                }
            }
        }
        if (times >= 0) {
            int left;
            do {
                left = remaining.get();
                if (left <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(left, left - 1));
        }
        injected.incrementAndGet();
        return true;
    }

    boolean spent() {
        return times >= 0 && remaining.get() <= 0;
    }

    @Override
    public String toString() {
        return "Fault[" + route + (model == null ? "" : " " + model) + " " + (kind == null ? "?" : tag())
                + (times >= 0 ? " x" + times : "") + (probability < 1 ? " p=" + probability : "") + "]";
    }
}
