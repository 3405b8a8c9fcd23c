package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live heap of another JVM: {@code jcmd PID GC.class_histogram} runs a full collection first, so its total is what
 * the simulator really holds, not garbage that has yet to be collected; the largest classes say what it is.
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
}
