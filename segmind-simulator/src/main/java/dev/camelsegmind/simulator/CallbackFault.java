package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One misbehaviour of the callbacks the simulator sends for crun tasks, handed to
 * {@link CallbackFaults#add(CallbackFault)}:
 * <pre>{@code
 * sim.crun().callbackFaults().add(CallbackFault.lose().taskId(id));          // this task's callback never comes
 * sim.crun().callbackFaults().add(CallbackFault.duplicate().times(1));       // the next callback comes twice
 * sim.crun().callbackFaults().add(CallbackFault.forgeToken());               // every callback has a forged twin
 * }</pre>
 * A fault applies to one task ({@link #taskId}) or to every task, every time or {@link #times} times; it is
 * consumed when a task's callback falls due, at the end of the task, and at most one applies to a callback (the
 * first added that matches). Durations are simulated time, like a task's render: the time factor scales them and a
 * {@link SimulatedClock} moves them.
 */
public final class CallbackFault {

    /** What the fault does to a task's callback. */
    public enum Kind {
        /** Sent later than the task's end by {@link #delay()}. */
        DELAY,
        /** Never sent (journaled with the tag {@code lost} and no status). */
        LOSE,
        /** Sent twice, the copy once the first has been answered. */
        DUPLICATE,
        /**
         * Held back until another task's callback has been answered (so a later task's callback arrives first),
         * or at most a minute of simulated time.
         */
        REORDER,
        /**
         * Preceded by a forged copy sent to the callback URL with its token altered (the
         * {@linkplain Crun#callbackTokenParameter query parameter} named {@code token}, else the last path segment):
         * what a receiver that compares the token must refuse.
         */
        FORGE_TOKEN,
        /**
         * Preceded by a callback, to this task's URL, carrying another key's task (the newest one, or a task id
         * nobody owns when there is none): what a receiver that confirms by {@code TaskInfo} must refuse.
         */
        FORGE_TASK,
        /** Sent with its body padded past {@link #bytes()} bytes. */
        OVERSIZE
    }

    /** Over the 1 MiB a careful receiver accepts. */
    public static final long DEFAULT_OVERSIZE_BYTES = 2L * 1024 * 1024;
    private static final long MAX_OVERSIZE_BYTES = 64L * 1024 * 1024;

    private final Kind kind;
    private final Duration delay;
    private final long bytes;
    private String taskId;
    private int times = -1;

    private long id;
    private AtomicInteger remaining;
    private final AtomicLong injected = new AtomicLong();

    private CallbackFault(Kind kind, Duration delay, long bytes) {
        this.kind = kind;
        this.delay = delay;
        this.bytes = bytes;
    }

    /** The callback goes out {@code d} (simulated time) after the task ended. */
    public static CallbackFault delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new CallbackFault(Kind.DELAY, d, 0);
    }

    public static CallbackFault lose() {
        return new CallbackFault(Kind.LOSE, Duration.ZERO, 0);
    }

    public static CallbackFault duplicate() {
        return new CallbackFault(Kind.DUPLICATE, Duration.ZERO, 0);
    }

    public static CallbackFault reorder() {
        return new CallbackFault(Kind.REORDER, Duration.ZERO, 0);
    }

    public static CallbackFault forgeToken() {
        return new CallbackFault(Kind.FORGE_TOKEN, Duration.ZERO, 0);
    }

    public static CallbackFault forgeTask() {
        return new CallbackFault(Kind.FORGE_TASK, Duration.ZERO, 0);
    }

    /** The body padded to {@link #DEFAULT_OVERSIZE_BYTES}. */
    public static CallbackFault oversize() {
        return oversize(DEFAULT_OVERSIZE_BYTES);
    }

    /** The body padded (with a {@code "padding"} string in the data object) to at least {@code bytes}. */
    public static CallbackFault oversize(long bytes) {
        if (bytes < 1 || bytes > MAX_OVERSIZE_BYTES) {
            throw new IllegalArgumentException("oversize must be between 1 and " + MAX_OVERSIZE_BYTES
                    + " bytes, got " + bytes);
        }
        return new CallbackFault(Kind.OVERSIZE, Duration.ZERO, bytes);
    }

    /** Applies only to this task's callback. Every task's by default. */
    public CallbackFault taskId(String id) {
        this.taskId = Objects.requireNonNull(id, "taskId");
        return this;
    }

    /** Applies this many times, then is removed. Unlimited by default. */
    public CallbackFault times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must not be negative, got " + n);
        }
        this.times = n;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String taskId() {
        return taskId;
    }

    public Duration delay() {
        return delay;
    }

    public long bytes() {
        return bytes;
    }

    /** The limit set by {@link #times}, or -1 for none. */
    public int times() {
        return times;
    }

    /** The number {@link CallbackFaults#add} gave it; 0 before. */
    public long id() {
        return id;
    }

    public long injected() {
        return injected.get();
    }

    /** How journal entries of the callbacks it touched are labelled, e.g. {@code lost} or {@code delay:5000ms}. */
    public String tag() {
        switch (kind) {
            case DELAY: return "delay:" + delay.toMillis() + "ms";
            case LOSE: return "lost";
            case DUPLICATE: return "duplicate";
            case REORDER: return "reordered";
            case FORGE_TOKEN: return "forged-token";
            case FORGE_TASK: return "forged-task";
            case OVERSIZE: return "oversize:" + bytes;
            default: throw new IllegalStateException(String.valueOf(kind));
        }
    }

    void arm(long number) {
        id = number;
        remaining = new AtomicInteger(times);
    }

    boolean tryApply(String task) {
        if (taskId != null && !taskId.equals(task)) {
            return false;
        }
        if (times >= 0 && !Fault.takeOne(remaining)) {
            return false;
        }
        injected.incrementAndGet();
        return true;
    }

    boolean over() {
        return times >= 0 && remaining.get() <= 0;
    }

    @Override
    public String toString() {
        return "CallbackFault[" + (id > 0 ? "#" + id + " " : "") + tag()
                + (taskId == null ? "" : " task=" + taskId) + (times >= 0 ? " x" + times : "") + "]";
    }
}
