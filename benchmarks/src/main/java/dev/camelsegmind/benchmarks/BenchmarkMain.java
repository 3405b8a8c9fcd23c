package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Runs every trial of the {@link Plan}, each in a fresh JVM against a fresh simulator process, then writes
 * {@code benchmarks/results/results.json}, {@code docs/performance-inflight.png} and {@code docs/performance.md}.
 * Argument: see {@link Plan#of(String)}; {@code all} by default. {@code simulator} (or {@code quick:simulator})
 * measures the simulator itself instead and writes only its own file: see {@link SimulatorBenchmark}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        Path root = Paths.get("").toAbsolutePath();
        Path results = root.resolve("benchmarks/results/results.json");
        Files.createDirectories(results.getParent());
        Files.createDirectories(root.resolve("docs"));
        if (which.equals("report")) {
            // redraw the chart and rewrite the page from results.json, running nothing
            List<Result> rows = read(results);
            InflightChart.draw(rows, root.resolve("docs/performance-inflight.png"));
            PerformanceReport.write(rows, root.resolve("docs/performance.md"), 0);
            return;
        }
        Jvm.snapshotClasspath(root.resolve("benchmarks/target/bench-classpath"));
        if (SimulatorBenchmark.selected(which)) {
            SimulatorBenchmark.run(root, which);
            return;
        }
        // "only:" repeats some trials of an earlier full run and keeps that run's other rows
        List<Result> rows = which.startsWith("only:") && Files.exists(results) ? read(results) : new ArrayList<>();
        long started = System.currentTimeMillis();
        for (Plan.Step step : Plan.of(which)) {
            long s = System.currentTimeMillis();
            System.out.println("== " + step.trial());
            merge(rows, runTrial(step));
            System.out.printf("   done in %.1f s%n", (System.currentTimeMillis() - s) / 1000.0);
            write(results, rows);
        }
        System.out.printf("All trials done in %.1f min%n", (System.currentTimeMillis() - started) / 60000.0);
        InflightChart.draw(rows, root.resolve("docs/performance-inflight.png"));
        PerformanceReport.write(rows, root.resolve("docs/performance.md"),
                (System.currentTimeMillis() - started) / 60000.0);
        System.out.println("Wrote " + results + ", docs/performance.md and docs/performance-inflight.png");
    }

    private static List<Result> runTrial(Plan.Step step) throws Exception {
        Trial trial = step.trial();
        List<Result> out = new ArrayList<>();
        long s = System.currentTimeMillis();
        try (SimulatorProcess sim = SimulatorProcess.start(step.timeFactor(), step.simModels())) {
            System.out.println("   simulator up in " + (System.currentTimeMillis() - s) + " ms");
            trial.set("baseUrl", sim.baseUrl()).set("apiKey", sim.apiKey());
            // every contender runs as a user's JVM would, with no tuning flag; a trial may add its own (the CPU
            // trials set the processor count, and the common-pool flag to compare against)
            List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xms64m", "-Xmx2g", "-XX:+UseG1GC"));
            String extra = trial.get("jvmArgs", "").trim();
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split(" +")));
            }
            cmd.addAll(List.of("-cp", Jvm.classpath(), TrialMain.class.getName()));
            cmd.addAll(trial.toArgs());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long limit = Long.parseLong(trial.get("deadlineSeconds", "120")) + 120;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("RESULT ")) {
                            Result row = Result.fromJson(Result.JSON.readTree(line.substring(7)));
                            synchronized (out) {
                                out.add(row);
                            }
                            System.out.println("   " + line.substring(7));
                        } else {
                            System.out.println("   | " + line);
                        }
                    }
                } catch (Exception e) {
                    // the trial ended
                }
            }, "trial-output");
            reader.start();
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            reader.join(10_000);
            System.out.println("   trial JVM done after " + (System.currentTimeMillis() - s) + " ms");
        }
        synchronized (out) {
            if (out.isEmpty()) {
                Result lost = new Result(trial.get("scenario"), trial.get("contender"), trial.integer("n"));
                lost.failed = trial.integer("n");
                lost.note("the trial's JVM ended without a result (crash or hang past its time limit)");
                out.add(lost);
            }
            return new ArrayList<>(out);
        }
    }

    private static List<Result> read(Path file) throws Exception {
        List<Result> rows = new ArrayList<>();
        Result.JSON.readTree(file.toFile()).forEach(j -> rows.add(Result.fromJson(j)));
        return rows;
    }

    /** Replaces rows of the same scenario, contender and n in place; appends the others. */
    private static void merge(List<Result> rows, List<Result> fresh) {
        for (Result f : fresh) {
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                Result r = rows.get(i);
                if (r.scenario.equals(f.scenario) && r.contender.equals(f.contender) && r.n == f.n) {
                    at = i;
                }
            }
            if (at >= 0) {
                rows.set(at, f);
            } else {
                rows.add(f);
            }
        }
    }

    private static void write(Path file, List<Result> rows) throws Exception {
        ArrayNode all = Result.JSON.createArrayNode();
        rows.forEach(r -> all.add(r.toJson()));
        Files.writeString(file, Result.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
    }
}
