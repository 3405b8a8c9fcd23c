package dev.camelsegmind.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A 1 GiB video streamed to a file by the component, against a plain java.net.http {@code ofFile} download of the
 * same URL. Throughput counts from the moment the simulator received the media request to the moment the route has
 * the file, so polling is left out. Heap growth is the largest heap left after a collection during the download,
 * minus the heap before it.
 */
final class DownloadScenario {

    private static final double MB = 1024.0 * 1024.0;

    private final Trial t;
    private final ComponentContender component;

    DownloadScenario(Trial t, ComponentContender component) {
        this.t = t;
        this.component = component;
    }

    /** The component's row; the plain copy's row is left in {@link #baseline}. */
    Result run() throws Exception {
        String model = t.get("model");
        int rounds = t.integer("n");
        Warmup.run(component, t.get("warmupModel"), 20);
        List<Long> componentRates = new ArrayList<>();
        List<Long> plainRates = new ArrayList<>();
        double worstGrowth = 0;
        double worstUsedGrowth = 0;
        double peakAfterGc = 0;
        int failed = 0;
        String base = t.get("baseUrl");
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < rounds; i++) {
            try (JvmSampler sampler = new JvmSampler()) {
                sampler.start();
                long before = sampler.gcNow();
                AtomicLong maxUsed = new AtomicLong(before);
                Thread watcher = watchHeap(maxUsed);
                Contender.Delivery d;
                try {
                    d = component.submit(model, "download " + i).get();
                } catch (Exception e) {
                    failed++;
                    watcher.interrupt();
                    continue;
                }
                watcher.interrupt();
                Map<String, Long> mediaAt = SimJobs.mediaRequests(base);
                long started = mediaAt.get(d.requestId());
                componentRates.add(rate(d.bytes(), d.deliveredAtMillis() - started));
                worstGrowth = Math.max(worstGrowth, (sampler.peakHeapMb() * MB - before) / MB);
                worstUsedGrowth = Math.max(worstUsedGrowth, (maxUsed.get() - before) / MB);
                peakAfterGc = Math.max(peakAfterGc, sampler.peakHeapMb());
                // the same bytes again, the plainest way the JDK offers
                Path file = Files.createTempFile("plain-copy-", ".mp4");
                String url = base + "/media/" + mediaFileOf(base, d.requestId());
                long s = System.currentTimeMillis();
                HttpResponse<Path> copy = plain.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofFile(file));
                long took = System.currentTimeMillis() - s;
                plainRates.add(rate(Files.size(copy.body()), took));
                Files.deleteIfExists(file);
            }
        }
        Result r = new Result("download", t.get("contender"), rounds);
        r.throughputMBps = median(componentRates) / 1000.0;
        r.peakHeapMb = peakAfterGc;
        r.failed = failed;
        baseline = new Result("download", "plain-java-http", rounds);
        baseline.throughputMBps = median(plainRates) / 1000.0;
        baseline.failed = 0;
        baseline.note("HttpClient.send(BodyHandlers.ofFile) of the same URL, right after each component download");
        r.note(String.format(Locale.ROOT, "median of %d downloads of %.0f MiB; %.0f%% of the plain copy; heap growth"
                + " %.1f MB after GC (%.0f MB counting garbage not yet collected)", rounds,
                t.number("sizeBytes") / MB, 100.0 * r.throughputMBps / baseline.throughputMBps, worstGrowth,
                worstUsedGrowth));
        return r;
    }

    /** The plain copy's row of the same trial. */
    static Result baseline;

    private static String mediaFileOf(String base, String requestId) throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode e : Result.JSON.readTree(URI.create(base + "/_sim/journal")
                .toURL())) {
            if ("MEDIA".equals(e.path("route").asText()) && requestId.equals(e.path("request_id").asText())) {
                String path = e.path("path").asText();
                return path.substring(path.lastIndexOf('/') + 1);
            }
        }
        throw new IllegalStateException("no media request for " + requestId);
    }

    /** Thousandths of a MiB per second, so a long keeps the precision. */
    private static long rate(long bytes, long millis) {
        return Math.round(bytes / MB * 1000.0 * 1000.0 / Math.max(1, millis));
    }

    private static double median(List<Long> values) {
        return values.isEmpty() ? Double.NaN : Stats.percentile(values, 0.5);
    }

    private static Thread watchHeap(AtomicLong maxUsed) {
        Thread w = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxUsed.accumulateAndGet(JvmSampler.heapUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        w.setDaemon(true);
        w.start();
        return w;
    }
}
