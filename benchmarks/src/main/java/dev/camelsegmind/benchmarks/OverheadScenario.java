package dev.camelsegmind.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A model that finishes at once, so nothing is waited for: jobs per second through one route and the CPU each job
 * costs the client (submit, one status read, result, media, routing). The driver keeps a fixed number in flight.
 * With the environment variable {@code BENCHMARKS_JFR=true} the measured part is recorded by JFR (the "profile"
 * settings) into {@code benchmarks/target/overhead-<contender>.jfr}; the recording's own cost is then in the figures.
 */
final class OverheadScenario {

    private final Trial t;
    private final Contender contender;

    OverheadScenario(Trial t, Contender contender) {
        this.t = t;
        this.contender = contender;
    }

    Result run() throws Exception {
        int n = t.integer("n");
        int window = t.integer("concurrency");
        String model = t.get("model");
        Warmup.run(contender, model, 500);
        // then as many jobs as are measured, the same way: the JIT compiles a contender's hot paths in the first few
        // thousand jobs, and its compile time would otherwise be half the figure and tell how much code there is to
        // compile, not what a job costs
        drive(model, n, window, System.currentTimeMillis() + t.integer("deadlineSeconds") * 1000L, "warm-up job ");
        Result r = new Result("overhead", t.get("contender"), n);
        Recording jfr = "true".equals(System.getenv("BENCHMARKS_JFR")) ? startRecording() : null;
        try (JvmSampler sampler = new JvmSampler()) {
            sampler.start();
            long t0 = System.currentTimeMillis();
            Batch batch = drive(model, n, window, t0 + t.integer("deadlineSeconds") * 1000L, "instant job ");
            double wall = (System.currentTimeMillis() - t0) / 1000.0;
            r.wallSeconds = wall;
            r.peakThreads = sampler.peakThreads();
            r.peakHeapMb = sampler.peakHeapMb();
            r.cpuMsPerJob = sampler.cpuMillis() / n;
            r.failed = n - batch.delivered().size();
            r.note(String.format(Locale.ROOT, "%.0f jobs/s with %d in flight", batch.delivered().size() / wall,
                    window));
            if (batch.firstFailure() != null) {
                r.note("first failure: " + batch.firstFailure());
            }
            if (jfr != null) {
                Path file = Paths.get("benchmarks/target/overhead-" + t.get("contender") + ".jfr");
                Files.createDirectories(file.toAbsolutePath().getParent());
                jfr.stop();
                jfr.dump(file);
                jfr.close();
                r.note("JFR recording in " + file);
            }
        }
        r.statusCallsPerJob = SimJobs.read(t.get("baseUrl")).values().stream()
                .mapToInt(SimJobs.Job::statusCalls).average().orElse(Double.NaN);
        return r;
    }

    /** Runs {@code n} jobs with {@code window} in flight until the deadline; returns them when all are done. */
    private Batch drive(String model, int n, int window, long deadline, String prompt) throws InterruptedException {
        Semaphore inFlight = new Semaphore(window);
        Batch batch = new Batch();
        for (int i = 0; i < n && System.currentTimeMillis() < deadline; i++) {
            inFlight.acquire();
            var job = contender.submit(model, prompt + i);
            job.whenComplete((d, e) -> inFlight.release());
            batch.add(job);
        }
        batch.await(deadline);
        return batch;
    }

    private static Recording startRecording() throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("overhead");
        recording.start();
        return recording;
    }
}
