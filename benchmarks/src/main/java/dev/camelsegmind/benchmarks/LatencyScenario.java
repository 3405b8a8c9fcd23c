package dev.camelsegmind.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A steady stream of image and video jobs whose render times scatter around the model pages' typical times: how late
 * each finish is noticed (added latency: media in hand minus the moment the simulator marked the job COMPLETED) and
 * how many status reads that took. Jobs submitted during the first {@code warmupSeconds} are not counted: a learning
 * policy is judged on its steady state, and every strategy sees the same arrivals.
 */
final class LatencyScenario {

    private final Trial t;
    private final Contender contender;

    LatencyScenario(Trial t, Contender contender) {
        this.t = t;
        this.contender = contender;
    }

    Result run() throws Exception {
        int n = t.integer("n");
        String[] models = t.get("latencyModels").split(",");
        double factor = t.number("timeFactor");
        long window = t.integer("windowSeconds") * 1000L;
        long warmup = t.integer("warmupSeconds") * 1000L;
        Random random = new Random(42);
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = (long) (random.nextDouble() * window);
        }
        java.util.Arrays.sort(offsets);
        Warmup.run(contender, t.get("warmupModel"), 50);
        Result r = new Result(t.get("scenario"), t.get("contender"), n);
        Map<Integer, String> modelOf = new HashMap<>();
        Batch batch = new Batch();
        try (JvmSampler sampler = new JvmSampler()) {
            sampler.start();
            long t0 = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                Thread.sleep(Math.max(0, t0 + offsets[i] - System.currentTimeMillis()));
                String model = models[i % models.length];
                modelOf.put(i, model);
                batch.add(contender.submit(model, "latency job " + i));
            }
            batch.await(t0 + t.integer("deadlineSeconds") * 1000L);
            r.wallSeconds = (System.currentTimeMillis() - t0) / 1000.0;
            r.peakThreads = sampler.peakThreads();
            r.peakHeapMb = sampler.peakHeapMb();
            r.cpuMsPerJob = sampler.cpuMillis() / n;
            r.failed = batch.failed();
            if (batch.firstFailure() != null) {
                r.note("first failure: " + batch.firstFailure());
            }
        }
        Map<String, SimJobs.Job> sim = SimJobs.read(t.get("baseUrl"));
        Map<String, Long> noticed = SimJobs.noticingReads(t.get("baseUrl"), sim);
        List<Long> added = new ArrayList<>();
        List<Long> notice = new ArrayList<>();
        List<Long> pipeline = new ArrayList<>();
        Map<String, List<Long>> addedByModel = new HashMap<>();
        Map<String, List<Long>> callsByModel = new HashMap<>();
        long calls = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (offsets[i] < warmup || !batch.jobs.get(i).isDone() || batch.jobs.get(i).isCompletedExceptionally()) {
                continue;
            }
            Contender.Delivery d = batch.jobs.get(i).join();
            SimJobs.Job job = sim.get(d.requestId());
            long a = d.deliveredAtMillis() - job.completedAtMillis();
            added.add(a);
            Long read = noticed.get(d.requestId());
            if (read != null) {
                notice.add(read - job.completedAtMillis());
                pipeline.add(d.deliveredAtMillis() - read);
            }
            addedByModel.computeIfAbsent(modelOf.get(i), m -> new ArrayList<>()).add(a);
            callsByModel.computeIfAbsent(modelOf.get(i), m -> new ArrayList<>()).add((long) job.statusCalls());
            calls += job.statusCalls();
            counted++;
        }
        r.addedLatencyP50Ms = Stats.percentile(added, 0.50);
        r.addedLatencyP99Ms = Stats.percentile(added, 0.99);
        r.statusCallsPerJob = counted == 0 ? null : (double) calls / counted;
        r.note(String.format(Locale.ROOT, "%d jobs counted after %d s warm-up; unscaled (x1/%.3f) p50 %.0f ms,"
                + " p99 %.0f ms", counted, warmup / 1000, factor, r.addedLatencyP50Ms / factor,
                r.addedLatencyP99Ms / factor));
        // the added latency in two parts: how late the poll came, and the way from that read to the media in hand
        if (!notice.isEmpty()) {
            r.note(String.format(Locale.ROOT, "from completion to the read that saw it p50 %.0f ms, p99 %.0f ms;"
                    + " from that read to the media in hand p50 %.0f ms, p99 %.0f ms", Stats.percentile(notice, 0.5),
                    Stats.percentile(notice, 0.99), Stats.percentile(pipeline, 0.5), Stats.percentile(pipeline, 0.99)));
        }
        for (String m : models) {
            List<Long> a = addedByModel.getOrDefault(m, List.of());
            double c = callsByModel.getOrDefault(m, List.of()).stream().mapToLong(Long::longValue).average()
                    .orElse(Double.NaN);
            r.note(String.format(Locale.ROOT, "%s: p50 %.0f ms, p99 %.0f ms, %.1f status calls per job", m,
                    Stats.percentile(a, 0.5), Stats.percentile(a, 0.99), c));
        }
        return r;
    }
}
