package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Polls rarely while a job cannot be done yet and often when it is likely to finish. For each model it learns the
 * window in which recent jobs finished (from {@link #jobFinished}); a job waits in steps of at most
 * {@code maxInterval} until that window opens, polls every {@code tightInterval} inside it and for half its width
 * past it, and backs off after that. Before the first job of a model finishes it polls like backoff, only tighter
 * around the model's published typical duration; a model without one is polled with plain backoff. The published figure never makes it wait longer
 * than backoff would, and one finished job replaces it entirely, because it can be wrong by any factor (other hardware,
 * other parameters, a simulator's time factor).
 *
 * <p>When the engine reports the first read that found a job PROCESSING (see
 * {@link #nextDelay(String, int, Duration, JobState, Duration)}), the policy also learns, per model, how long jobs ran
 * after that sighting. A job's total time can be spread widely by its wait in the queue while the render itself is
 * tight; then a job still QUEUED is read sparsely (every {@code maxInterval}, or the shortest learnt render if that is
 * shorter: its start is all there is to learn, and no finish can slip between two reads), and once
 * PROCESSING it is polled densely only around its own sighting plus the learnt render window. Whichever of the two
 * windows, from submission or from the sighting, is narrower for the job decides.
 *
 * <p>Both windows are learnt per model and, where the engine passes one, per timing class: the request values that
 * drive a model's render time (a video's length and resolution), so 5 s and 15 s videos of one model are not timed by
 * one wide window that spans both. A class's own window takes over once {@value #TRUSTED_SAMPLES} of its jobs finished;
 * until then its jobs are timed by the model-wide window, which every job of the model feeds. Jobs that carry no class
 * (a model without such parameters, a job resumed after a restart, whose class was not stored) use the model-wide one
 * only. When all jobs of a model share one class, its window and the model's are learnt from the same jobs and are
 * the same: the schedule is exactly what it is without classes.
 */
public final class AdaptivePollingPolicy implements PollingPolicy {

    /** The guessed window around a published typical duration: wide, because the figure is only an average. */
    private static final double PRIOR_EARLIEST = 0.5;
    private static final double PRIOR_LATEST = 1.5;

    /**
     * Jobs of a class before its own window is trusted over the model-wide one. The lowest of n samples lies on
     * average 1/(n+1) of the spread above the true lowest; the window reaches below it by 15 % of the low-to-median
     * distance (about half the spread, see ObservedDurations), which covers that gap from 13 samples on for an even
     * spread, and by a margin of 0.25/&radic;n of the bound (6 % at 16) for an uneven one. A job that finishes before
     * its window opens is noticed up to a whole wait late, so a class is not trusted on fewer; until then the
     * model-wide window, wider as it spans all classes, is the safe side. More samples buy little (the margin shrinks
     * as 1/&radic;n) and keep the wide window longer: in the two-class replay of AdaptivePollingPolicyTest, 8, 12 and
     * 16 gave the same p99 and reads within 1 %.
     */
    static final int TRUSTED_SAMPLES = 16;

    private final Duration tight;
    private final Duration max;
    private final Duration floor;
    private final BackoffPollingPolicy unknown;
    private final Function<String, Optional<Duration>> typicalDuration;
    private final ConcurrentMap<String, ObservedDurations> observed = new ConcurrentHashMap<>();
    /** Per model, from the first PROCESSING sighting to the read that saw the job finished. */
    private final ConcurrentMap<String, ObservedDurations> afterStart = new ConcurrentHashMap<>();
    /** Per model, both of the above per timing class. */
    private final ConcurrentMap<String, TimingClassDurations> classes = new ConcurrentHashMap<>();

    /**
     * @param interval        the fixed interval this policy must beat: inside the window it polls at four fifths of it,
     *                        so a finish is noticed sooner than a fixed poller at {@code interval} would
     * @param max             the longest wait between two reads
     * @param typicalDuration a model's published duration, if known
     */
    public AdaptivePollingPolicy(Duration interval, Duration max, Function<String, Optional<Duration>> typicalDuration) {
        this.tight = atLeastOneMilli(interval.multipliedBy(4).dividedBy(5));
        this.floor = atLeastOneMilli(interval.dividedBy(4));
        this.max = max.compareTo(interval) < 0 ? interval : max;
        this.unknown = new BackoffPollingPolicy(interval, this.max);
        this.typicalDuration = typicalDuration;
    }

    @Override
    public Duration nextDelay(String model, int polls, Duration elapsed, JobState state) {
        return nextDelay(model, polls, elapsed, state, null);
    }

    @Override
    public Duration nextDelay(String model, int polls, Duration elapsed, JobState state, Duration processingSeen) {
        return nextDelay(model, null, polls, elapsed, state, processingSeen);
    }

    @Override
    public Duration nextDelay(String model, String timingClass, int polls, Duration elapsed, JobState state,
                              Duration processingSeen) {
        ObservedDurations.Window render = renderWindowFor(model, timingClass);
        if (render != null && state == JobState.QUEUED) {
            // it cannot finish sooner than the shortest render after it starts: reading no more often than that finds
            // the start (from which the render is timed) and cannot miss a finish
            return clamp(render.earliest(), floor, max);
        }
        ObservedDurations.Window window = windowFor(model, timingClass);
        if (window == null) {
            return unknown.nextDelay(model, polls, elapsed, state);
        }
        if (render != null && processingSeen != null && window.samples() > 0) {
            Duration fromSighting = processingSeen.plus(render.earliest());
            if (render.latest().minus(render.earliest()).compareTo(window.latest().minus(window.earliest())) < 0) {
                return delayWithin(new ObservedDurations.Window(fromSighting, processingSeen.plus(render.latest()),
                        render.samples()), elapsed);
            }
        }
        Duration delay = delayWithin(window, elapsed);
        if (window.samples() == 0) {
            // only a published figure so far: it may tighten polling, never stretch it past plain backoff
            Duration backoff = unknown.nextDelay(model, polls, elapsed, state);
            return delay.compareTo(backoff) < 0 ? delay : backoff;
        }
        return delay;
    }

    private Duration delayWithin(ObservedDurations.Window window, Duration elapsed) {
        // a finish is noticed up to one tight interval late, so the learnt times run that much long
        Duration opens = window.earliest().minus(window.samples() > 0 ? tight : Duration.ZERO);
        if (elapsed.compareTo(opens) < 0) {
            return clamp(opens.minus(elapsed), floor, max);
        }
        if (elapsed.compareTo(window.latest()) <= 0) {
            return tight;
        }
        // overrunning. The window is learnt from jobs that have finished, and while a model's slow jobs are still
        // running those are the quick ones, so a job just past it is not yet a stuck job: it is read as densely for
        // half the window's width again (reads only the few late jobs pay for), then waits half its overrun beyond
        // that, so a stuck job costs few reads
        Duration overrun = elapsed.minus(window.latest()).minus(window.latest().minus(window.earliest()).dividedBy(2));
        if (overrun.isNegative() || overrun.isZero()) {
            return tight;
        }
        return clamp(overrun.dividedBy(2), tight, max);
    }

    @Override
    public void jobFinished(String model, Duration duration) {
        jobFinished(model, duration, null);
    }

    @Override
    public void jobFinished(String model, Duration duration, Duration sinceProcessingSeen) {
        jobFinished(model, null, duration, sinceProcessingSeen);
    }

    @Override
    public void jobFinished(String model, String timingClass, Duration duration, Duration sinceProcessingSeen) {
        if (model == null) {
            return;
        }
        TimingClassDurations.Learnt learnt = timingClass == null ? null
                : classes.computeIfAbsent(model, m -> new TimingClassDurations()).learning(timingClass);
        if (duration != null) {
            observed.computeIfAbsent(model, m -> new ObservedDurations()).add(duration);
            if (learnt != null) {
                learnt.total().add(duration);
            }
        }
        if (sinceProcessingSeen != null) {
            afterStart.computeIfAbsent(model, m -> new ObservedDurations()).add(sinceProcessingSeen);
            if (learnt != null) {
                learnt.render().add(sinceProcessingSeen);
            }
        }
    }

    /** The class's own render window once it is trusted, else the model's (see {@link #renderWindowFor(String)}). */
    ObservedDurations.Window renderWindowFor(String model, String timingClass) {
        TimingClassDurations.Learnt learnt = learntFor(model, timingClass);
        ObservedDurations.Window own = learnt == null ? null : trusted(learnt.render().window());
        return own != null ? own : renderWindowFor(model);
    }

    /** The class's own window once it is trusted, else the model's (see {@link #windowFor(String)}). */
    ObservedDurations.Window windowFor(String model, String timingClass) {
        TimingClassDurations.Learnt learnt = learntFor(model, timingClass);
        ObservedDurations.Window own = learnt == null ? null : trusted(learnt.total().window());
        return own != null ? own : windowFor(model);
    }

    /** How many timing classes of this model are remembered. */
    int timingClasses(String model) {
        TimingClassDurations known = model == null ? null : classes.get(model);
        return known == null ? 0 : known.size();
    }

    private TimingClassDurations.Learnt learntFor(String model, String timingClass) {
        TimingClassDurations known = model == null || timingClass == null ? null : classes.get(model);
        return known == null ? null : known.get(timingClass);
    }

    private static ObservedDurations.Window trusted(ObservedDurations.Window window) {
        return window != null && window.samples() >= TRUSTED_SAMPLES ? window : null;
    }

    /** When jobs of this model finished after they were first seen PROCESSING, or null before any was. */
    ObservedDurations.Window renderWindowFor(String model) {
        ObservedDurations learnt = model == null ? null : afterStart.get(model);
        return learnt == null ? null : learnt.window();
    }

    /** The window jobs of this model are expected to finish in, or null when nothing is known. */
    ObservedDurations.Window windowFor(String model) {
        ObservedDurations learnt = model == null ? null : observed.get(model);
        ObservedDurations.Window window = learnt == null ? null : learnt.window();
        if (window != null) {
            return window;
        }
        Optional<Duration> typical = model == null ? Optional.empty() : typicalDuration.apply(model);
        return typical.map(t -> new ObservedDurations.Window(scale(t, PRIOR_EARLIEST), scale(t, PRIOR_LATEST), 0))
                .orElse(null);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration clamp(Duration d, Duration low, Duration high) {
        return d.compareTo(low) < 0 ? low : d.compareTo(high) > 0 ? high : d;
    }

    private static Duration atLeastOneMilli(Duration d) {
        return d.toMillis() < 1 ? Duration.ofMillis(1) : d;
    }
}
