package dev.camelsegmind.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import dev.camelsegmind.simulator.DurationDistribution;

/**
 * The render-time distributions of the latency scenarios, each a scenario of its own so its rows and targets stand
 * apart. Parameters were chosen from the pages before any run and are not tuned to a result: Segmind publishes one
 * typical time per model (wan2.7-image-pro ~33.38 s, wan2.7-i2v ~137.70 s; the API notes add "up to ~415 s" for
 * wan2.7-i2v) and says QUEUED means "Accepted, waiting for a worker".
 */
final class Tails {

    /** One latency scenario: its name, what the report says of it, and its two models as simulator arguments. */
    record Tail(String scenario, String title, String description, String image, String video) {

        List<String> simModels() {
            return List.of(image, video, Plan.WARMUP);
        }
    }

    static final Tail UNIFORM = new Tail("latency", "uniform ±10 %",
            "render times uniform within ±10 % of the pages' typical times, queue 1 s (image) and 2 s (video):"
                    + " a fixed parameter set on a quiet fleet",
            "wan2.7-image-pro:1000:33380:0.1:0:image/png", "wan2.7-i2v:2000:137700:0.1:0:video/mp4");

    static final Tail LOG_NORMAL = new Tail("latency-lognormal", "log-normal, σ 0.4",
            "render times log-normal around the pages' typical times (median 33.38 s and 137.7 s, σ 0.4: 99th"
                    + " percentile 2.5 × the median, so wan2.7-i2v's \"up to ~415 s\" is its 99.7th percentile),"
                    + " queue 1 s and 2 s: a long tail from mixed parameters and a busy fleet",
            "wan2.7-image-pro:1000:ln(33380,0.4):0:0:image/png", "wan2.7-i2v:2000:ln(137700,0.4):0:0:video/mp4");

    static final Tail BIMODAL = new Tail("latency-bimodal", "queue-then-render mix",
            "70 % of jobs find a warm worker (QUEUED 0.5-2 s), 30 % wait for one (QUEUED log-normal, median 60 s,"
                    + " σ 0.3); the render after PROCESSING is steady, uniform within ±5 % of the typical time",
            "wan2.7-image-pro:mix(0.7,u(500,2000),ln(60000,0.3)):u(31711,35049):0:0:image/png",
            "wan2.7-i2v:mix(0.7,u(500,2000),ln(60000,0.3)):u(130815,144585):0:0:video/mp4");

    static final List<Tail> ALL = List.of(UNIFORM, LOG_NORMAL, BIMODAL);

    private Tails() {
    }

    static Tail of(String scenario) {
        return ALL.stream().filter(t -> t.scenario().equals(scenario)).findFirst().orElse(null);
    }

    /**
     * The fewest status calls, as a share of a fixed poller's at {@code interval}, that any poller blind to the
     * job's state needs to notice 99 % of both models' jobs within {@code interval} (so to tie the fixed poller's
     * p99): it must poll every {@code interval} through a set holding 99 % of the total durations, and a job pays
     * for every poll from the set's start to its own finish. Computed from 200,000 draws per model of the very
     * distributions the simulator draws from, best split of the 1 % between the two tails.
     */
    static double blindPollerBound(Tail tail, Duration interval) {
        double calls = 0;
        double fixed = 0;
        for (String model : List.of(tail.image(), tail.video())) {
            String[] p = model.split(":");
            DurationDistribution queue = BenchSimulatorMain.distribution(p[1]);
            DurationDistribution render = BenchSimulatorMain.distribution(p[2]);
            double jitter = Double.parseDouble(p[3]);
            Random random = new Random(1);
            int n = 200_000;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                double r = render.draw(random).toMillis();
                if (jitter > 0) {
                    r = Long.parseLong(p[2]) * (1 + jitter * (2 * random.nextDouble() - 1));
                }
                d[i] = queue.draw(random).toMillis() + r;
            }
            java.util.Arrays.sort(d);
            double best = Double.MAX_VALUE;
            for (int left = 0; left <= 100; left += 5) {
                double a = d[(int) (left / 10_000.0 * (n - 1))];
                double b = d[(int) ((1 - (100 - left) / 10_000.0) * (n - 1))];
                double sum = 0;
                for (double x : d) {
                    sum += Math.max(0, Math.min(x, b) - a);
                }
                best = Math.min(best, sum / n);
            }
            double mean = java.util.Arrays.stream(d).average().orElse(0);
            calls += best / interval.toMillis();
            fixed += mean / interval.toMillis();
        }
        return calls / fixed;
    }
}
