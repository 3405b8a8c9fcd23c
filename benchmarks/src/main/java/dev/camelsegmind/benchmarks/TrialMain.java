package dev.camelsegmind.benchmarks;

import java.util.List;

/**
 * One trial in a JVM of its own: builds the contender, runs the scenario against the simulator named in the
 * arguments, prints one {@code RESULT <json>} line and exits (a contender that cannot finish must not hold the run).
 */
public final class TrialMain {

    private TrialMain() {
    }

    public static void main(String[] args) {
        Trial t = Trial.parse(args);
        Result r;
        try {
            r = run(t);
        } catch (Throwable e) {
            e.printStackTrace();
            r = new Result(t.get("scenario"), t.get("contender"), t.integer("n"));
            r.failed = t.integer("n");
            r.note("trial aborted: " + e);
        }
        System.out.println("RESULT " + r.toJson());
        if (DownloadScenario.baseline != null) {
            System.out.println("RESULT " + DownloadScenario.baseline.toJson());
        }
        System.out.flush();
        System.exit(0);
    }

    private static Result run(Trial t) throws Exception {
        long s = System.currentTimeMillis();
        List<String> models = List.of(t.get("models").split(","));
        try (Contender contender = contender(t, models)) {
            System.err.println("contender ready in " + (System.currentTimeMillis() - s) + " ms");
            switch (t.get("scenario")) {
                case "inflight":
                    return new InFlightScenario(t, contender).run();
                case "latency":
                case "latency-lognormal":
                case "latency-bimodal":
                case "push":
                    return new LatencyScenario(t, contender).run();
                case "download":
                    return new DownloadScenario(t, (ComponentContender) contender).run();
                case "overhead":
                    return new OverheadScenario(t, contender).run();
                default:
                    throw new IllegalArgumentException("unknown scenario " + t.get("scenario"));
            }
        }
    }

    static Contender contender(Trial t, List<String> models) throws Exception {
        String name = t.get("contender");
        String base = t.get("baseUrl");
        String key = t.get("apiKey");
        long poll = Long.parseLong(t.get("pollMillis", "1000"));
        if (name.startsWith("crun-")) {
            return new ComponentContender(base, key, t.get("options"), models, t.get("crunOptions"),
                    name.equals("crun-callback"));
        }
        if (name.startsWith("component")) {
            return new ComponentContender(base, key, t.get("options"), models);
        }
        if (name.equals("camel-http")) {
            return new CamelHttpContender(base, key, poll, models);
        }
        if (name.equals("thread-per-job")) {
            return new ThreadPerJobContender(base, key, poll, Math.min(t.integer("n"), t.integer("threadCap")));
        }
        throw new IllegalArgumentException("unknown contender " + name);
    }
}
