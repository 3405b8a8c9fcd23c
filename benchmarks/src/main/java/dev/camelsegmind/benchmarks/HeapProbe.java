package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.management.ObjectName;

/**
 * The live heap of another JVM: {@code jcmd PID GC.class_histogram} runs a full collection first, so its total is what
 * the simulator really holds, not garbage that has yet to be collected; the largest classes say what it is. The same
 * histogram of this JVM (through the DiagnosticCommand MBean) tells what a waiting job holds: the difference between
 * two of them, per job.
 */
final class HeapProbe {

    /** Bytes live after a full collection, and the few classes holding most of them. */
    record Heap(long liveBytes, List<String> largest) {
        double liveMb() {
            return liveBytes / (1024.0 * 1024.0);
        }
    }

    private HeapProbe() {
    }

    static Heap of(long pid) throws IOException, InterruptedException {
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
                .start();
        List<String> largest = new ArrayList<>();
        long total = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                // rows: "1:  instances  bytes  class (module)", sorted by bytes; last: "Total  instances  bytes"
                if (f.length >= 4 && f[0].endsWith(":") && largest.size() < 6) {
                    largest.add(String.format(Locale.ROOT, "%s %.1f MB", f[3], Long.parseLong(f[2]) / 1048576.0));
                } else if (f.length >= 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                }
            }
        }
        p.waitFor();
        if (total < 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram gave no total");
        }
        return new Heap(total, largest);
    }

    /** Instances and bytes of one class in a histogram. */
    record Count(long instances, long bytes) {
    }

    /** This JVM's live objects by class, after the full collection the histogram runs first. */
    static Map<String, Count> histogramHere() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Count> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.merge(f[3], new Count(Long.parseLong(f[1]), Long.parseLong(f[2])),
                        (a, b) -> new Count(a.instances + b.instances, a.bytes + b.bytes));
            }
        }
        return byClass;
    }

    /** Total bytes of a histogram. */
    static long total(Map<String, Count> histogram) {
        return histogram.values().stream().mapToLong(Count::bytes).sum();
    }

    /**
     * Writes the classes that grew most from {@code idle} to {@code busy}, per job: what each of {@code jobs} holds.
     */
    static void writeDifference(Map<String, Count> idle, Map<String, Count> busy, int jobs, int top, String title,
                                Path file) throws IOException {
        List<Map.Entry<String, Count>> grown = new ArrayList<>();
        for (Map.Entry<String, Count> e : busy.entrySet()) {
            Count before = idle.getOrDefault(e.getKey(), new Count(0, 0));
            grown.add(Map.entry(e.getKey(), new Count(e.getValue().instances - before.instances,
                    e.getValue().bytes - before.bytes)));
        }
        grown.sort((a, b) -> Long.compare(b.getValue().bytes, a.getValue().bytes));
        long diff = total(busy) - total(idle);
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "live heap idle %.1f MB, waiting %.1f MB: %.0f bytes per job%n%n",
                total(idle) / 1048576.0, total(busy) / 1048576.0, diff / (double) jobs));
        out.append(String.format(Locale.ROOT, "%-70s %14s %14s%n", "class", "instances/job", "bytes/job"));
        long shown = 0;
        for (Map.Entry<String, Count> e : grown.subList(0, Math.min(top, grown.size()))) {
            shown += e.getValue().bytes;
            out.append(String.format(Locale.ROOT, "%-70s %14.2f %14.1f%n", e.getKey(),
                    e.getValue().instances / (double) jobs, e.getValue().bytes / (double) jobs));
        }
        out.append(String.format(Locale.ROOT, "%-70s %14s %14.1f%n", "(the rest)", "",
                (diff - shown) / (double) jobs));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
    }
}
