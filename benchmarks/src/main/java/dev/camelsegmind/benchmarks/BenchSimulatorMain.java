package dev.camelsegmind.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelsegmind.simulator.DurationDistribution;
import dev.camelsegmind.simulator.ModelProfile;
import dev.camelsegmind.simulator.SegmindSimulator;

/**
 * The simulator in a process of its own, so a contender's JVM measures only itself. Arguments: the time factor, then
 * one {@code slug:queue:render:jitter:sizeBytes:mediaType} per model ({@code crun} for crun.ai's model; queue and
 * render are simulated milliseconds or a distribution, see {@link #distribution(String)}; a jitter above 0 is the
 * relative half-width of a uniform spread around a fixed render time). Each job draws its own times in the simulator
 * ({@code ModelProfile.renderTimes}), from the profile's seeded sequence. Prints {@code READY <baseUrl> <key>} and serves until
 * its standard input closes, so it never outlives the benchmark that started it.
 */
public final class BenchSimulatorMain {

    static final String KEY = "SG_benchmark0000";
    // named so the simulator benchmark can record the set-up its figures hold for
    static final int THREADS = 4;
    static final int BACKLOG = 16_384;
    static final int JOURNAL_CAPACITY = 2_000_000;

    private BenchSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        double factor = Double.parseDouble(args[0]);
        SegmindSimulator sim = SegmindSimulator.builder().timeFactor(factor).apiKey(KEY).threads(THREADS)
                .backlog(BACKLOG).journalCapacity(JOURNAL_CAPACITY).build().start();
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(":");
            // "crun" names the profile of crun.ai's wan/2-7-image-pro, served on the same port and key
            ModelProfile profile = p[0].equals("crun") ? sim.crun().model() : sim.model(p[0]);
            DurationDistribution render = distribution(p[2]);
            double jitter = Double.parseDouble(p[3]);
            if (jitter > 0) {
                long ms = Long.parseLong(p[2]);
                render = DurationDistribution.uniform(Duration.ofMillis(Math.round(ms * (1 - jitter))),
                        Duration.ofMillis(Math.round(ms * (1 + jitter))));
            }
            profile.queueTimes(distribution(p[1])).renderTimes(render).mediaSizeBytes(Long.parseLong(p[4]))
                    .mediaType(p[5]).cost(0)
                    // the benchmarks measure the client: outputs stay small and cheap to draw (sizeBytes pads them)
                    .outputSize(64, 64);
        }
        sim.setCredits(1e12);
        System.out.println("READY " + sim.baseUrl() + " " + KEY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // drain until the parent closes the pipe
        }
        sim.close();
        // the HTTP server's dispatcher may linger a moment; the benchmark should not wait for it
        System.exit(0);
    }

    /**
     * Simulated milliseconds: {@code 1000} (fixed), {@code u(lowMs,highMs)}, {@code ln(medianMs,sigma)} or
     * {@code mix(p,A,B)} (A with probability p, else B), nested as needed.
     */
    static DurationDistribution distribution(String spec) {
        String s = spec.trim();
        int open = s.indexOf('(');
        if (open < 0) {
            return DurationDistribution.fixed(Duration.ofMillis(Long.parseLong(s)));
        }
        String name = s.substring(0, open);
        List<String> args = splitTopLevel(s.substring(open + 1, s.lastIndexOf(')')));
        switch (name) {
            case "u":
                return DurationDistribution.uniform(Duration.ofMillis(Long.parseLong(args.get(0).trim())),
                        Duration.ofMillis(Long.parseLong(args.get(1).trim())));
            case "ln":
                return DurationDistribution.logNormal(Duration.ofMillis(Long.parseLong(args.get(0).trim())),
                        Double.parseDouble(args.get(1).trim()));
            case "mix":
                return DurationDistribution.mixture(Double.parseDouble(args.get(0).trim()),
                        distribution(args.get(1)), distribution(args.get(2)));
            default:
                throw new IllegalArgumentException("unknown distribution " + spec);
        }
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }
}
