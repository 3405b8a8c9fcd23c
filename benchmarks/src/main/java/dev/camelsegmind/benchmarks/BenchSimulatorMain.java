package dev.camelsegmind.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.camelsegmind.simulator.ModelProfile;
import dev.camelsegmind.simulator.SegmindSimulator;

/**
 * The simulator in a process of its own, so a contender's JVM measures only itself. Arguments: the time factor, then
 * one {@code slug:queueMs:renderMs:jitter:sizeBytes:mediaType} per model ({@code crun} for crun.ai's model;
 * simulated milliseconds; jitter is the
 * relative half-width of a uniform spread around renderMs). Prints {@code READY <baseUrl> <key>} and serves until
 * its standard input closes, so it never outlives the benchmark that started it.
 */
public final class BenchSimulatorMain {

    static final String KEY = "SG_benchmark0000";
    // named so the simulator benchmark can record the set-up its figures hold for
    static final int THREADS = 4;
    static final int BACKLOG = 16_384;
    static final int JOURNAL_CAPACITY = 2_000_000;

    private BenchSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        double factor = Double.parseDouble(args[0]);
        SegmindSimulator sim = SegmindSimulator.builder().timeFactor(factor).apiKey(KEY).threads(THREADS)
                .backlog(BACKLOG).journalCapacity(JOURNAL_CAPACITY).build().start();
        List<Jittered> jittered = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(":");
            // "crun" names the profile of crun.ai's wan/2-7-image-pro, served on the same port and key
            ModelProfile profile = (p[0].equals("crun") ? sim.crun().model() : sim.model(p[0])).queueTime(Duration.ofMillis(Long.parseLong(p[1])))
                    .renderTime(Duration.ofMillis(Long.parseLong(p[2]))).mediaSizeBytes(Long.parseLong(p[4]))
                    .mediaType(p[5]).cost(0)
                    // the benchmarks measure the client: outputs stay small and cheap to draw (sizeBytes pads them)
                    .outputSize(64, 64);
            double jitter = Double.parseDouble(p[3]);
            if (jitter > 0) {
                jittered.add(new Jittered(profile, Long.parseLong(p[2]), jitter));
            }
        }
        sim.setCredits(1e12);
        if (!jittered.isEmpty()) {
            // a job copies its model's profile when accepted: re-rolling the render time every millisecond gives each
            // job its own, without touching the simulator
            Thread roller = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Jittered j : jittered) {
                        j.roll();
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "render-jitter");
            roller.setDaemon(true);
            roller.start();
        }
        System.out.println("READY " + sim.baseUrl() + " " + KEY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // drain until the parent closes the pipe
        }
        sim.close();
        // the HTTP server's dispatcher may linger a moment; the benchmark should not wait for it
        System.exit(0);
    }

    private record Jittered(ModelProfile profile, long renderMs, double jitter) {
        void roll() {
            double f = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
            profile.renderTime(Duration.ofMillis(Math.round(renderMs * f)));
        }
    }
}
