package dev.camelsegmind.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trial of a run, in order, with the simulator each needs. Time factors are chosen so the whole run fits in
 * about twenty minutes on two cores: the in-flight scenario runs in real time (1 s polling of 10,000 jobs is
 * already 10,000 requests a second), the latency scenarios twenty times faster than real.
 */
final class Plan {

    /** A trial and the simulator it runs against. */
    record Step(Trial trial, double timeFactor, List<String> simModels) {
    }

    static final String WARMUP = "bench-warmup:0:0:0:0:image/png";

    private Plan() {
    }

    /**
     * {@code all}, {@code quick} (a smoke run), either followed by {@code :} and scenario names, or {@code only:} and
     * trials as {@code scenario/contender/n} joined by commas (to repeat a trial of a full run).
     */
    static List<Step> of(String which) {
        if (which.startsWith("only:")) {
            List<String> wanted = List.of(which.substring("only:".length()).split(","));
            List<Step> all = of("all");
            all.removeIf(step -> !wanted.contains(step.trial().toString()));
            return all;
        }
        boolean quick = which.startsWith("quick");
        String only = which.contains(":") ? which.substring(which.indexOf(':') + 1) : "";
        List<Step> steps = new ArrayList<>();
        if (only.isEmpty() || only.contains("inflight")) {
            inFlight(steps, quick);
        }
        if (only.isEmpty() || only.contains("latency")) {
            // "latency" names the three tails' scenarios together
            latency(steps, quick);
        }
        if (only.isEmpty() || only.contains("push")) {
            push(steps, quick);
        }
        if (only.isEmpty() || only.contains("download")) {
            download(steps, quick);
        }
        if (only.isEmpty() || only.contains("overhead")) {
            overhead(steps, quick);
        }
        return steps;
    }

    private static void inFlight(List<Step> steps, boolean quick) {
        // every job renders 25 s, long enough for 10,000 submits to land first; at time factor 1 the 1 s pollers poll every real second
        long render = quick ? 5_000 : 25_000;
        List<String> sim = List.of("wan2.7-i2v:0:" + render + ":0:0:video/mp4", WARMUP);
        int[] sizes = quick ? new int[] {100, 1_000} : new int[] {100, 1_000, 10_000};
        for (int n : sizes) {
            for (String contender : List.of("component-adaptive", "camel-http", "thread-per-job")) {
                if (quick && n > 100 && !contender.startsWith("component")) {
                    continue; // a smoke run: the others' 1,000 trials add half a minute and no new path
                }
                Trial t = new Trial().set("scenario", "inflight").set("contender", contender).set("n", n)
                        .set("model", "wan2.7-i2v").set("warmupModel", "bench-warmup")
                        .set("models", "wan2.7-i2v,bench-warmup").set("renderMillis", render).set("timeFactor", 1.0)
                        .set("pollMillis", 1000).set("threadCap", 2_000).set("deadlineSeconds", quick ? 60 : 180)
                        .set("options", "pollStrategy=adaptive&timeout=600000");
                steps.add(new Step(t, 1.0, sim));
            }
        }
    }

    private static void latency(List<Step> steps, boolean quick) {
        for (Tails.Tail tail : Tails.ALL) {
            // the uniform tail keeps every contender for the record; the long tails race adaptive against the two
            // 1 s pollers it must beat (a quick run smoke-tests adaptive on each)
            List<String> contenders = tail == Tails.UNIFORM
                    ? (quick ? List.of("component-adaptive")
                            : List.of("component-fixed", "component-adaptive", "camel-http", "thread-per-job"))
                    : (quick ? List.of("component-adaptive")
                            : List.of("component-fixed", "component-adaptive", "camel-http"));
            for (String contender : contenders) {
                steps.add(latencyStep(tail, contender, quick));
            }
        }
    }

    private static Step latencyStep(Tails.Tail tail, String contender, boolean quick) {
        double factor = 0.05;
        long poll = Math.round(1000 * factor);
        long max = Math.round(10_000 * factor);
        String strategy = contender.startsWith("component-") ? contender.substring("component-".length()) : "";
        // a long tail's last jobs finish up to ~25 s (scaled) after the last arrival
        int deadline = tail == Tails.UNIFORM ? (quick ? 40 : 50) : (quick ? 50 : 60);
        Trial t = new Trial().set("scenario", tail.scenario()).set("contender", contender).set("n", quick ? 150 : 400)
                .set("latencyModels", "wan2.7-image-pro,wan2.7-i2v").set("warmupModel", "bench-warmup")
                .set("models", "wan2.7-image-pro,wan2.7-i2v,bench-warmup").set("timeFactor", factor)
                .set("windowSeconds", quick ? 20 : 30).set("warmupSeconds", 8)
                .set("deadlineSeconds", deadline).set("pollMillis", poll).set("threadCap", 2_000)
                .set("options", "pollStrategy=" + strategy + "&pollInterval=" + poll + "&maxPollInterval=" + max
                                + "&timeout=600000");
        return new Step(t, factor, tail.simModels());
    }

    /**
     * The same image jobs (arrivals, render times) through crun.ai, polled as the adaptive component polls, and
     * completed by crun's callbacks: status reads per job and the added latency of each way.
     */
    private static void push(List<Step> steps, boolean quick) {
        double factor = 0.05;
        long poll = Math.round(1000 * factor);
        long max = Math.round(10_000 * factor);
        // "crun" is the simulator's crun.ai side, which serves wan2.7-image-pro; the jitter is the latency trial's
        List<String> sim = List.of("crun:1000:33380:0.1:0:image/png", WARMUP);
        for (String contender : List.of("crun-polling", "crun-callback")) {
            String crun = "provider=crun" + (contender.equals("crun-callback")
                    // a callback is awaited twice the model's typical time, scaled like everything else
                    ? "&callbackWait=" + Math.round(2 * 33_380 * factor) : "");
            Trial t = new Trial().set("scenario", "push").set("contender", contender).set("n", quick ? 100 : 300)
                    .set("latencyModels", "wan2.7-image-pro").set("warmupModel", "bench-warmup")
                    .set("models", "wan2.7-image-pro,bench-warmup").set("timeFactor", factor)
                    .set("windowSeconds", quick ? 20 : 30).set("warmupSeconds", 8)
                    .set("deadlineSeconds", quick ? 40 : 50).set("pollMillis", poll).set("threadCap", 2_000)
                    .set("options", "pollStrategy=adaptive&pollInterval=" + poll + "&maxPollInterval=" + max
                                    + "&timeout=600000")
                    .set("crunOptions", crun);
            steps.add(new Step(t, factor, sim));
        }
    }

    private static void download(List<Step> steps, boolean quick) {
        long size = quick ? 256L << 20 : 1L << 30;
        String dir = System.getProperty("java.io.tmpdir") + "/camel-segmind-bench";
        Trial t = new Trial().set("scenario", "download").set("contender", "component").set("n", 3)
                .set("model", "bench-video-1g").set("warmupModel", "bench-warmup")
                .set("models", "bench-video-1g,bench-warmup").set("timeFactor", 1.0).set("sizeBytes", size)
                .set("options", "pollStrategy=fixed&pollInterval=5&timeout=600000&downloadDirectory=" + dir);
        steps.add(new Step(t, 1.0, List.of("bench-video-1g:0:0:0:" + size + ":video/mp4", WARMUP)));
    }

    private static void overhead(List<Step> steps, boolean quick) {
        List<String> sim = List.of("bench-instant:0:0:0:0:image/png");
        for (String contender : List.of("component", "camel-http", "thread-per-job")) {
            steps.add(new Step(overheadTrial(contender, quick ? 1_000 : 3_000), 1.0, sim));
        }
        // the component on one and two CPUs, as a user's JVM sees them, with and without the common-pool flag that
        // the JDK 17 HttpClient needed there (see docs/performance-notes.md)
        for (int cpus : quick ? new int[] {1} : new int[] {1, 2}) {
            for (boolean flag : new boolean[] {false, true}) {
                String jvm = "-XX:ActiveProcessorCount=" + cpus + (flag ? " " + COMMON_POOL_FLAG : "");
                steps.add(new Step(overheadTrial(cpuContender(cpus, flag), quick ? 1_000 : 2_000)
                        .set("jvmArgs", jvm), 1.0, sim));
            }
        }
    }

    /** The flag the benchmark no longer gives every trial; only the with-flag CPU trials still set it. */
    static final String COMMON_POOL_FLAG = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

    static String cpuContender(int cpus, boolean flag) {
        return "component-" + cpus + "cpu" + (flag ? "-flag" : "");
    }

    private static Trial overheadTrial(String contender, int n) {
        return new Trial().set("scenario", "overhead").set("contender", contender).set("n", n)
                .set("model", "bench-instant").set("models", "bench-instant").set("timeFactor", 1.0)
                .set("concurrency", 100).set("pollMillis", 1).set("threadCap", 100).set("deadlineSeconds", 120)
                .set("options", "pollStrategy=fixed&pollInterval=1&timeout=600000");
    }
}
