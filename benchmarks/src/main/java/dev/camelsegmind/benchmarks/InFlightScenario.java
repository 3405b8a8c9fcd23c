package dev.camelsegmind.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * N jobs submitted at once, each rendering the same simulated time: what holding them costs in threads, heap and CPU,
 * and whether every one comes back.
 */
final class InFlightScenario {

    private final Trial t;
    private final Contender contender;

    InFlightScenario(Trial t, Contender contender) {
        this.t = t;
        this.contender = contender;
    }

    Result run() throws Exception {
        int n = t.integer("n");
        String model = t.get("model");
        long renderRealMillis = Math.round(t.number("renderMillis") * t.number("timeFactor"));
        Warmup.run(contender, t.get("warmupModel"), Math.min(n, 100));
        Result r = new Result("inflight", t.get("contender"), n);
        // the class histogram of the idle context (route started, warmed up) is the baseline of what a job holds;
        // its total is the live heap after a full GC, exactly: the heap's "used" figure read after a collection
        // also counts what the running threads allocated since
        boolean writeHistogram = t.get("contender").startsWith("component") && n >= HISTOGRAM_AT;
        Map<String, HeapProbe.Count> idle = HeapProbe.histogramHere();
        long idleHeap = JvmSampler.heapUsed();
        try (JvmSampler sampler = new JvmSampler()) {
            sampler.start();
            long t0 = System.currentTimeMillis();
            Batch batch = new Batch();
            for (int i = 0; i < n; i++) {
                batch.add(contender.submit(model, "in-flight job " + i));
            }
            long submitted = System.currentTimeMillis();
            // forced collections while (nearly) all jobs wait: the live set at its largest. Of three, a second apart,
            // the smallest is what waiting jobs hold: the others also catch status reads queued or on the wire
            long gcAt = Math.max(submitted, t0 + renderRealMillis * 6 / 10);
            long waitingHeap = Long.MAX_VALUE;
            Map<String, HeapProbe.Count> waiting = null;
            long histogramCpu = 0;
            for (int sample = 0; sample < WAITING_SAMPLES; sample++) {
                Thread.sleep(Math.max(0, gcAt + sample * 1000L - System.currentTimeMillis()));
                if (sample == 0) {
                    // counted towards the peak heap, as before
                    sampler.gcNow();
                }
                long cpu = processCpu();
                Map<String, HeapProbe.Count> now = HeapProbe.histogramHere();
                waitingHeap = Math.min(waitingHeap, JvmSampler.heapUsed());
                histogramCpu += processCpu() - cpu;
                if (waiting == null || HeapProbe.total(now) < HeapProbe.total(waiting)) {
                    waiting = now;
                }
            }
            if (writeHistogram) {
                HeapProbe.writeDifference(idle, waiting, n, 25, String.format(Locale.ROOT,
                        "What a waiting job holds: inflight/%s/%d, live objects after a full GC while the jobs wait"
                        + " (the smallest of %d histograms a second apart) minus the idle context's (route started,"
                        + " warmed up), per job", t.get("contender"), n, WAITING_SAMPLES),
                        Paths.get("benchmarks/results/inflight-histogram.txt"));
            }
            r.heapPerWaitingJobKb = (HeapProbe.total(waiting) - HeapProbe.total(idle)) / 1024.0 / n;
            r.note(String.format(Locale.ROOT, "live heap (class histograms after full GCs) %.1f MB idle, least of %d"
                    + " while waiting %.1f MB; the heap's used figure right after the GCs %.2f KB per job",
                    HeapProbe.total(idle) / 1048576.0, WAITING_SAMPLES, HeapProbe.total(waiting) / 1048576.0,
                    (waitingHeap - idleHeap) / 1024.0 / n));
            batch.await(t0 + t.integer("deadlineSeconds") * 1000L);
            long end = System.currentTimeMillis();
            r.wallSeconds = (end - t0) / 1000.0;
            r.peakThreads = sampler.peakThreads();
            r.peakHeapMb = sampler.peakHeapMb();
            r.cpuMsPerJob = (sampler.cpuMillis() - histogramCpu / 1e6) / n;
            r.failed = batch.failed();
            r.note("submitting took " + (submitted - t0) + " ms");
            if (batch.firstFailure() != null) {
                r.note("first failure: " + batch.firstFailure());
            }
        }
        Map<String, SimJobs.Job> sim = SimJobs.read(t.get("baseUrl"));
        r.statusCallsPerJob = sim.values().stream().filter(j -> j.model().equals(model))
                .mapToInt(SimJobs.Job::statusCalls).average().orElse(Double.NaN);
        r.note("peak jobs in flight at the simulator " + peakInFlight(sim, model));

        if (contender.capacity() > 0 && contender.capacity() < n) {
            r.note("thread cap " + contender.capacity() + ": the other " + (n - contender.capacity())
                    + " jobs waited for a thread, so this contender never held " + n + " in flight");
        }
        return r;
    }

    /** From this many jobs on, a component trial writes the class histogram of its waiting state. */
    private static final int HISTOGRAM_AT = 10_000;
    /** Heap samples while the jobs wait; the smallest counts. */
    private static final int WAITING_SAMPLES = 3;

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The most jobs accepted and not yet finished at the simulator at any one moment. */
    private static int peakInFlight(Map<String, SimJobs.Job> sim, String model) {
        List<long[]> events = new ArrayList<>();
        for (SimJobs.Job j : sim.values()) {
            if (j.model().equals(model)) {
                events.add(new long[] {j.submittedAtMillis(), 1});
                events.add(new long[] {j.completedAtMillis() < 0 ? Long.MAX_VALUE : j.completedAtMillis(), -1});
            }
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int live = 0;
        int peak = 0;
        for (long[] e : events) {
            live += (int) e[1];
            peak = Math.max(peak, live);
        }
        return peak;
    }
}
