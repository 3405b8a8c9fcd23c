package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Where a model's queue or render times fall, drawn once per job when it is accepted (see
 * {@link ModelProfile#renderTimes(DurationDistribution)} and {@link ModelProfile#queueTimes(DurationDistribution)}).
 * Durations are simulated time, like every profile timing. Real render times are not one number: a log-normal
 * around a page's typical time gives the long right tail of a busy fleet, and a {@link #mixture mixture} of a short
 * and a long queue gives the two kinds of job a serverless model has, those a warm worker takes at once and those
 * that wait for one. Instances are immutable; the randomness is the profile's, seeded, so a run can be repeated.
 */
public abstract class DurationDistribution {

    private DurationDistribution() {
    }

    /** Always {@code value}: the default of every profile. */
    public static DurationDistribution fixed(Duration value) {
        long millis = nonNegative(value, "value");
        return new DurationDistribution() {
            @Override
            long drawMillis(Random random) {
                return millis;
            }

            @Override
            public Duration typical() {
                return Duration.ofMillis(millis);
            }

            @Override
            public String toString() {
                return "fixed(" + value + ")";
            }
        };
    }

    /** Evenly between {@code low} and {@code high}, both included. */
    public static DurationDistribution uniform(Duration low, Duration high) {
        long lo = nonNegative(low, "low");
        long hi = nonNegative(high, "high");
        if (hi < lo) {
            throw new IllegalArgumentException("uniform needs low <= high, got " + low + " and " + high);
        }
        return new DurationDistribution() {
            @Override
            long drawMillis(Random random) {
                return lo + Math.round(random.nextDouble() * (hi - lo));
            }

            @Override
            public Duration typical() {
                return Duration.ofMillis((lo + hi) / 2);
            }

            @Override
            public String toString() {
                return "uniform(" + low + ", " + high + ")";
            }
        };
    }

    /**
     * Log-normal with the given median and shape: half the jobs take less than {@code median}, and the 99th
     * percentile is {@code median × e^(2.326 σ)} (σ = 0.4: 2.5 times the median).
     */
    public static DurationDistribution logNormal(Duration median, double sigma) {
        long m = nonNegative(median, "median");
        if (!(sigma >= 0) || sigma > 3) {
            throw new IllegalArgumentException("sigma must be within [0, 3], got " + sigma);
        }
        return new DurationDistribution() {
            @Override
            long drawMillis(Random random) {
                return Math.round(m * Math.exp(sigma * random.nextGaussian()));
            }

            @Override
            public Duration typical() {
                return Duration.ofMillis(m);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "logNormal(%s, %.3f)", median, sigma);
            }
        };
    }

    /** With probability {@code p} a draw of {@code first}, otherwise one of {@code second}: two kinds of job. */
    public static DurationDistribution mixture(double p, DurationDistribution first, DurationDistribution second) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within [0, 1], got " + p);
        }
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new DurationDistribution() {
            @Override
            long drawMillis(Random random) {
                return random.nextDouble() < p ? first.drawMillis(random) : second.drawMillis(random);
            }

            @Override
            public Duration typical() {
                return (p >= 0.5 ? first : second).typical();
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "mixture(%.3f, %s, %s)", p, first, second);
            }
        };
    }

    /** One duration, never negative. */
    public final Duration draw(Random random) {
        return Duration.ofMillis(Math.max(0, drawMillis(Objects.requireNonNull(random, "random"))));
    }

    /**
     * The figure a page would publish for it: the value, the middle, the median, or the more likely part's.
     * Answers that report a single model time (a sync call's {@code x-generation-time}) use a job's own draw instead.
     */
    public abstract Duration typical();

    abstract long drawMillis(Random random);

    private static long nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d.toMillis();
    }
}
