package dev.camelsegmind.component.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelsegmind.component.CrashTestApp;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash-test application of docs/reliability.md, whose route the page prints (DocsSnippetsTest keeps the two
 * equal), across a {@code kill -9} and a restart, with some files already delivered and some jobs still rendering
 * when the JVM dies. Copied as shown, the set-up must not bill twice: the restart neither reads a delivered file
 * again nor submits a job the dead JVM had paid for. Counted in the simulator's journal: one submit per file.
 */
class ReliabilityRestartTest {

    private static final String KEY = "SG_restart00000000";
    private static final int DELIVERED = 3;
    private static final int PENDING = 3;

    private SegmindSimulator sim;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        // the hour of retention (36 s here) outlasts both JVMs
        sim = SegmindSimulator.builder().timeFactor(0.01).apiKey(KEY).build().start();
        sim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(20));
        Files.createDirectories(Paths.get("target"));
        work = Files.createTempDirectory(Paths.get("target"), "restart-test-");
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRestartAfterKillDashNineSubmitsNothingTwice() throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Path out = Files.createDirectories(work.resolve("out"));
        Path pending = work.resolve("pending-jobs.dat");

        Process first = start(in, out, pending, work.resolve("first-run.log"));
        try {
            // three files are delivered (0.2 s renders) before the JVM dies...
            writeClips(in, 1, DELIVERED);
            await().atMost(Duration.ofSeconds(30)).until(() -> videos(out).size() == DELIVERED);
            // ...and, once its exchange completed, each has left the inbox (or, as written before, never will)
            waitQuietly(Duration.ofSeconds(3), () -> clips(in).isEmpty());

            // three more are accepted and recorded, their renders (4 s) still running, when it is killed
            sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(400));
            writeClips(in, DELIVERED + 1, DELIVERED + PENDING);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Set<String> ids = acceptedIds();
                // a status read follows the store write: the kill cannot fall between accept and record
                return ids.size() == DELIVERED + PENDING && polledIds().containsAll(ids);
            });
        } finally {
            first.destroyForcibly();    // SIGKILL: no shutdown hook, no graceful stop
            first.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(videos(out)).as("killed before the last three videos were ready").hasSize(DELIVERED);

        Process second = start(in, out, pending, work.resolve("second-run.log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> videos(out).size() == DELIVERED + PENDING);
            // let a re-read of a delivered file, if any, reach the simulator before counting
            waitQuietly(Duration.ofSeconds(2), () -> clips(in).isEmpty());
        } finally {
            second.destroy();
            if (!second.waitFor(10, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }

        assertThat(sim.journal().count(Route.SUBMIT)).as("one submit per file across both JVMs")
                .isEqualTo(DELIVERED + PENDING);
        long resumed = Files.readAllLines(work.resolve("second-run.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Resuming pending Segmind job")).count();
        assertThat(resumed).as("the restarted JVM resumed the jobs the killed one paid for").isEqualTo(PENDING);
        assertThat(clips(in)).as("every file has left the inbox").isEmpty();
    }

    private static void writeClips(Path in, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            // written beside the inbox and moved in, so the consumer never reads half a prompt
            Path staged = Files.writeString(in.resolveSibling(String.format("clip-%02d.tmp", i)),
                    "restart test clip " + i + ": a paper boat drifting down a rain gutter");
            Files.move(staged, in.resolve(String.format("clip-%02d.txt", i)));
        }
    }

    private static List<Path> clips(Path in) throws Exception {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
        }
    }

    private static List<Path> videos(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mp4")
                    && !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private Set<String> acceptedIds() {
        Set<String> ids = new HashSet<>();
        for (JournalEntry e : sim.journal().entries(Route.SUBMIT)) {
            if (e.requestId() != null) {
                ids.add(e.requestId());
            }
        }
        return ids;
    }

    private Set<String> polledIds() {
        Set<String> ids = new HashSet<>();
        for (JournalEntry e : sim.journal().entries(Route.STATUS)) {
            ids.add(e.requestId());
        }
        return ids;
    }

    /** Waits until the condition holds or the time is up, whichever comes first; the assertions decide. */
    private static void waitQuietly(Duration limit, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !condition.call()) {
            Thread.sleep(50);
        }
    }

    private Process start(Path in, Path out, Path pending, Path log) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashTestApp.class.getName(), sim.baseUrl(), in.toString(), out.toString(), pending.toString());
        pb.environment().put("SEGMIND_API_KEY", KEY);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }
}
