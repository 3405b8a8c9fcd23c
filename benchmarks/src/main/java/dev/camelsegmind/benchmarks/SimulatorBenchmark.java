package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's own promises, measured: 10,000 v2 jobs held in flight at once, at least 2,000 status calls a second
 * on loopback, its cold start and its heap. The simulator runs in its own JVM ({@link SimulatorProcess}), the load in
 * another ({@link SimulatorLoadMain}), so CPU and heap are each side's own. Writes
 * {@code benchmarks/results/simulator.json} only (a quick run writes under {@code benchmarks/target}); the component's
 * results and docs/performance.md are left alone.
 */
final class SimulatorBenchmark {

    static final String MODEL = "bench-model";
    static final int JOBS = 10_000;
    static final double MIN_CALLS_PER_SECOND = 2_000;

    private SimulatorBenchmark() {
    }

    static boolean selected(String which) {
        return which.equals("simulator") || which.equals("only:simulator") || which.equals("quick:simulator");
    }

    static void run(Path root, String which) throws Exception {
        boolean quick = which.startsWith("quick");
        int jobs = quick ? 1_000 : JOBS;
        ObjectNode out = Result.JSON.createObjectNode();
        out.put("generated", Instant.now().toString()).put("command", PerformanceReport.COMMAND
                + " -Dbenchmarks.args=" + which);
        out.set("machine", machine());
        System.out.println("== simulator start-up, fresh JVMs");
        // first, while nothing of this run is busy yet
        ObjectNode startup = StartupProbe.measure(quick ? 2 : 5);
        out.set("startup", startup);
        System.out.printf(Locale.ROOT, "   launch to first answer %.0f ms (median), start() %.0f ms (median)%n",
                startup.path("launchToFirstAnswerMsMedian").asDouble(), startup.path("startMsMedian").asDouble());

        System.out.println("== simulator load: " + jobs + " jobs in flight, then status calls");
        // render for an hour: every job is still PROCESSING when the last status call is made
        try (SimulatorProcess sim = SimulatorProcess.start(1.0, List.of(MODEL + ":0:3600000:0:0:image/png"))) {
            out.put("simulatorSetup", String.format(Locale.ROOT, "BenchSimulatorMain: threads(%d), backlog(%d),"
                    + " journalCapacity(%d), time factor 1, model %s rendering 1 h; JVM %s",
                    BenchSimulatorMain.THREADS, BenchSimulatorMain.BACKLOG, BenchSimulatorMain.JOURNAL_CAPACITY, MODEL,
                    String.join(" ", SimulatorProcess.JVM_FLAGS)));
            Trial t = new Trial().set("baseUrl", sim.baseUrl()).set("apiKey", sim.apiKey()).set("simPid", sim.pid())
                    .set("model", MODEL).set("jobs", jobs).set("journalCapacity", BenchSimulatorMain.JOURNAL_CAPACITY)
                    .set("submitConcurrency", 64).set("levels", quick ? "16,64" : "4,16,64,256")
                    .set("warmupSeconds", quick ? 2 : 5).set("measuredSeconds", quick ? 5 : 20);
            out.put("loadGenerator", "round-robin over every job's status URL, a fixed number on the wire, HTTP/1.1"
                    + " keep-alive, a connection per call on the wire; clients: java.net.http (sendAsync from one"
                    + " thread) and socket (a platform thread per connection, hand-written requests); JVM -Xmx2g G1; "
                    + t.get("warmupSeconds") + " s warm-up + "
                    + t.get("measuredSeconds") + " s measured per level");
            JsonNode load = runLoad(t);
            load.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        }
        out.set("targets", targets(out, jobs));
        Path file = quick ? root.resolve("benchmarks/target/simulator-quick.json")
                : root.resolve("benchmarks/results/simulator.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Result.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
        out.path("targets").forEach(v -> System.out.println("   " + v.path("target").asText() + ": "
                + v.path("measured").asText() + " -> " + (v.path("met").asBoolean() ? "met" : "MISSED")));
        System.out.println("Wrote " + root.relativize(file));
    }

    private static JsonNode runLoad(Trial t) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xms64m", "-Xmx2g", "-XX:+UseG1GC", "-cp", Jvm.classpath(),
                SimulatorLoadMain.class.getName()));
        cmd.addAll(t.toArgs());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode load = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("SIMLOAD ")) {
                    load = Result.JSON.readTree(line.substring("SIMLOAD ".length()));
                } else {
                    System.out.println("   | " + line);
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (load == null || load.has("error")) {
            throw new IllegalStateException("the load generator failed: " + load);
        }
        return load;
    }

    /** Each promise with what was measured and whether it holds. */
    private static ArrayNode targets(ObjectNode out, int jobs) {
        ArrayNode targets = Result.JSON.createArrayNode();
        JsonNode f = out.path("inFlight");
        long failures = f.path("submit").path("failures").asLong() + f.path("statusOfEach").path("failures").asLong()
                + f.path("statusOfEachAfterLoad").path("failures").asLong();
        int held = Math.min(f.path("heldBySimulator").asInt(), f.path("heldBySimulatorAfterLoad").asInt());
        target(targets, String.format(Locale.ROOT, "%,d jobs in flight at once, each answering its status", jobs),
                String.format(Locale.ROOT, "%,d held before and after the load, %d failed calls", held, failures),
                held >= jobs && failures == 0);
        JsonNode best = null;
        long loadFailures = 0;
        for (JsonNode level : out.path("statusLoad")) {
            loadFailures += level.path("failures").asLong();
            if (best == null || level.path("callsPerSecond").asDouble() > best.path("callsPerSecond").asDouble()) {
                best = level;
            }
        }
        if (best != null) {
            target(targets, String.format(Locale.ROOT, "≥ %,.0f status calls/s on loopback", MIN_CALLS_PER_SECOND),
                    String.format(Locale.ROOT, "%,.0f calls/s, %s client, %d on the wire (p50 %.2f ms, p99 %.2f"
                            + " ms), %d failed over all levels", best.path("callsPerSecond").asDouble(),
                            best.path("client").asText(), best.path("concurrency").asInt(),
                            best.path("p50Ms").asDouble(), best.path("p99Ms").asDouble(), loadFailures),
                    best.path("callsPerSecond").asDouble() >= MIN_CALLS_PER_SECOND && loadFailures == 0);
        }
        return targets;
    }

    private static void target(ArrayNode targets, String target, String measured, boolean met) {
        targets.addObject().put("target", target).put("measured", measured).put("met", met);
    }

    private static ObjectNode machine() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ObjectNode m = Result.JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors()).put("cpu", cpuModel())
                .put("memoryGb", Math.round(os.getTotalMemorySize() / 1e9))
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                // other work on the machine takes CPU from both sides: the figures are only as quiet as this
                .put("loadAverageAtStart", Math.round(os.getSystemLoadAverage() * 100) / 100.0);
        return m;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
