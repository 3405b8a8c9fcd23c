package dev.camelsegmind.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for examples and out-of-process tests:
 * {@code java -jar camel-segmind-simulator-VERSION-standalone.jar --port 8089 --time-factor 0.05}, or
 * {@code mvn -pl segmind-simulator exec:java -Dexec.args="--port 8089 --time-factor 0.05"}.
 * Faults, the journal and resets are then driven over HTTP under {@code /_sim/}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SegmindSimulator.Builder builder = SegmindSimulator.builder().port(8089);
        try {
            if (!configure(builder, args)) {
                usage(System.out);
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        SegmindSimulator sim = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "segmind-sim-shutdown"));
        // The key is printed on purpose: it is the simulator's own, and the user needs it to connect.
        System.out.println("Segmind simulator listening on " + sim.baseUrl());
        System.out.println("API key: " + sim.defaultApiKey());
        System.out.println("Admin: " + sim.baseUrl() + "/_sim/faults, /_sim/journal, /_sim/jobs, /_sim/reset, "
                + "/_sim/clock, /_sim/crun, /_sim/callback-faults (no key)");
        System.out.println("crun: " + sim.baseUrl() + "/api/v1/client/job/CreateTask and /TaskInfo");
        System.out.println("Time factor: " + sim.timeFactor() + " (Ctrl+C to stop)");
        stopped.await();
    }

    /** Applies the options; {@code false} when help was asked for. */
    static boolean configure(SegmindSimulator.Builder builder, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return false;
            }
            if (option.equals("--accept-any-model")) {
                builder.acceptUnknownModels(true);
                continue;
            }
            if (option.equals("--simulated-clock")) {
                builder.clock(new SimulatedClock());
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--port":
                        builder.port(Integer.parseInt(value));
                        break;
                    case "--time-factor":
                        builder.timeFactor(Double.parseDouble(value));
                        break;
                    case "--api-key":
                        builder.apiKey(value);
                        break;
                    case "--rate-limit":
                        builder.rateLimitPerMinute(Integer.parseInt(value));
                        break;
                    case "--credits":
                        builder.credits(Double.parseDouble(value));
                        break;
                    case "--blocked-word":
                        builder.blockedWords(value);
                        break;
                    case "--workers":
                        builder.workersPerModel(Integer.parseInt(value));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " needs a number, got '" + value + "'");
            }
        }
        return true;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: SimulatorMain [--port 8089] [--time-factor 1.0] [--api-key KEY]... "
                + "[--rate-limit N] [--credits 10000] [--workers N] [--blocked-word WORD]... [--accept-any-model] [--simulated-clock]");
        out.println("  --port              port on 127.0.0.1 (0 picks a free one)");
        out.println("  --time-factor       multiplies every simulated duration (0.01: a 138 s video renders in 1.4 s)");
        out.println("  --api-key           an accepted key; repeat for several (each has its own credits)");
        out.println("  --rate-limit        requests per key per minute on keyed routes (0: unlimited)");
        out.println("  --credits           starting balance of every key");
        out.println("  --workers           jobs each model renders at once; the rest queue (0: unlimited)");
        out.println("  --blocked-word      a prompt containing it ends FAILED with a content-policy detail");
        out.println("  --accept-any-model  serve any slug as a generic image model instead of 404");
        out.println("  --simulated-clock   time moves only by POST /_sim/clock {\"advance_ms\": N}");
    }
}
