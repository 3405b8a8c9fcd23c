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
        // started before the warm-up: starting JFR retransforms classes and so recompiles hot code, which would land
        // in the measured part; the summary counts events from the mark in the note on
        Recording jfr = "true".equals(System.getenv("BENCHMARKS_JFR")) ? startRecording() : null;
        Warmup.run(contender, model, 500);
        // then as many jobs as are measured, the same way: the JIT compiles a contender's hot paths in the first few
        // thousand jobs, and its compile time would otherwise be half the figure and tell how much code there is to
        // compile, not what a job costs
        drive(model, n, window, System.currentTimeMillis() + t.integer("deadlineSeconds") * 1000L, "warm-up job ");
        Result r = new Result("overhead", t.get("contender"), n);
        try (JvmSampler sampler = new JvmSampler()) {
            sampler.start();
            long allocatedBefore = allocatedBytes();
            long switchesBefore = contextSwitches();
            java.time.Instant measuredFrom = java.time.Instant.now();
            long t0 = System.currentTimeMillis();
            Batch batch = drive(model, n, window, t0 + t.integer("deadlineSeconds") * 1000L, "instant job ");
            double wall = (System.currentTimeMillis() - t0) / 1000.0;
            long allocated = allocatedBytes() - allocatedBefore;
            long switches = contextSwitches() - switchesBefore;
            r.wallSeconds = wall;
            r.peakThreads = sampler.peakThreads();
            r.peakHeapMb = sampler.peakHeapMb();
            r.cpuMsPerJob = sampler.cpuMillis() / n;
            r.failed = n - batch.delivered().size();
            r.note(String.format(Locale.ROOT, "%.0f jobs/s with %d in flight", batch.delivered().size() / wall,
                    window));
            // steadier than CPU time on a busy machine: what a job allocates does not depend on who else runs
            r.note(String.format(Locale.ROOT, "%.1f KB allocated per job", allocated / 1024.0 / n));
            if (switchesBefore >= 0) {
                // each hand-over of a job from one thread to a parked one costs a wake-up: system CPU time
                r.note(String.format(Locale.ROOT, "%.1f voluntary context switches per job", switches / (double) n));
            }
            if (batch.firstFailure() != null) {
                r.note("first failure: " + batch.firstFailure());
            }
            if (jfr != null) {
                Path file = Paths.get("benchmarks/target/overhead-" + t.get("contender") + ".jfr");
                Files.createDirectories(file.toAbsolutePath().getParent());
                jfr.stop();
                jfr.dump(file);
                jfr.close();
                r.note("JFR recording in " + file + ", measured from " + measuredFrom);
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

    /** Bytes allocated so far by the threads alive now (the contender's pools live through the trial). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /** Voluntary context switches of this process's threads alive now (Linux), or -1 where /proc is not there. */
    private static long contextSwitches() {
        java.nio.file.Path tasks = Paths.get("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long sum = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (java.io.IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return sum;
    }

    private static Recording startRecording() throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("overhead");
        recording.start();
        return recording;
    }
}
