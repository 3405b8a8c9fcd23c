package dev.camelsegmind.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import dev.camelsegmind.simulator.SimulatedClock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Never lose a paid job, never pay twice", scenario by scenario: each sends a few messages through faults injected
 * into the simulator and counts what became of them. A message either delivers its media or fails with the typed
 * exception the scenario expects; none is lost, and no message is submitted (paid for) twice, as the simulator's
 * journal shows. The table of outcomes is printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionSuiteTest extends SegmindTestSupport {

    private static final int MESSAGES = 4;
    private static final SummaryTable TABLE = new SummaryTable("Fault-injection suite",
            "scenario", "faults injected", "completed", "failed (expected type)", "lost", "duplicate submits/message");

    @AfterAll
    static void printTable() {
        TABLE.print("fault-injection.txt");
    }

    // --- the scenarios ----------------------------------------------------------------------------------------

    @Test
    @org.junit.jupiter.api.Order(1)
    void rateLimitStormOnSubmitStatusAndMedia() {
        String soon = Instant.now().plusMillis(200).toString();
        sim.faults().add(Fault.on(Route.SUBMIT).status(429).header("x-rate-limit-reset-at-utc", soon).times(6));
        sim.faults().add(Fault.on(Route.STATUS).status(429).header("x-rate-limit-reset-at-utc", soon)
                .probability(0.5).seed(7).times(10));
        sim.faults().add(Fault.on(Route.MEDIA).status(429).header("x-rate-limit-reset-at-utc", soon).times(3));
        Result r = run("429 storm on submit, status and media", "segmind:wan2.7-image-pro?maxRetries=10", null);
        r.expect(MESSAGES, 0);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void serverErrorsOnSubmit() {
        // a gateway error does not prove the job was refused: each faulted message fails uncertain, never resent
        sim.faults().add(Fault.on(Route.SUBMIT).status(500).times(1));
        sim.faults().add(Fault.on(Route.SUBMIT).status(502).times(1));
        sim.faults().add(Fault.on(Route.SUBMIT).status(503).times(1));
        run("5xx on submit (500, 502, 503)", "segmind:wan2.7-image-pro", SegmindSubmitUncertainException.class)
                .expect(MESSAGES - 3, 3);
        assertThat(sim.journal().count(Route.SUBMIT)).as("one POST per message").isEqualTo(MESSAGES);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void connectionResetOnSubmitBeforeAccept() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropBeforeAccept().times(2));
        Result r = run("reset on submit, before accept", "segmind:wan2.7-image-pro",
                SegmindSubmitUncertainException.class);
        r.expect(MESSAGES - 2, 2);
        assertThat(sim.jobs()).hasSize(MESSAGES - 2);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void connectionResetOnSubmitAfterAccept() {
        sim.faults().add(Fault.on(Route.SUBMIT).dropAfterAccept().times(2));
        Result r = run("reset on submit, after accept (billed)", "segmind:wan2.7-image-pro",
                SegmindSubmitUncertainException.class);
        r.expect(MESSAGES - 2, 2);
        assertThat(sim.jobs()).as("the two unanswered submits were billed: reported, not repeated").hasSize(MESSAGES);
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void serverErrorsAndResetsOnStatus() {
        sim.faults().add(Fault.on(Route.STATUS).status(502).times(3));
        sim.faults().add(Fault.on(Route.STATUS).status(500).times(1));
        sim.faults().add(Fault.on(Route.STATUS).dropBeforeAccept().times(3));
        run("5xx and resets on status", "segmind:wan2.7-image-pro?maxRetries=8", null).expect(MESSAGES, 0);
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void serverErrorsAndResetsOnDownload() {
        sim.faults().add(Fault.on(Route.MEDIA).status(503).times(2));
        sim.faults().add(Fault.on(Route.MEDIA).dropBeforeAccept().times(2));
        sim.faults().add(Fault.on(Route.RESULT).status(502).times(1));
        run("5xx and resets on result and download", "segmind:wan2.7-image-pro?maxRetries=8", null)
                .expect(MESSAGES, 0);
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void stalledStatus() {
        // a slower clock than the shared simulator's, so its hour of retention (36 s) outlasts the stalls, and a
        // request timeout that a loaded machine's submit still meets
        try (SegmindSimulator slow = SegmindSimulator.builder().timeFactor(0.01).apiKey(KEY).build().start()) {
            slow.faults().add(Fault.on(Route.STATUS).delay(Duration.ofMillis(2500)).times(3));
            run(slow, "stalled status (2.5 s, requestTimeout 1 s)", "segmind:wan2.7-image-pro?requestTimeout=1000"
                    + "&maxRetries=8&baseUrl=" + slow.baseUrl(), null, i -> "").expect(MESSAGES, 0);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void flappingStatus() {
        sim.model("wan2.7-image-pro").queueTime(Duration.ofSeconds(100)).renderTime(Duration.ofSeconds(200));
        sim.faults().add(Fault.on(Route.STATUS).flap());
        run("flapping status", "segmind:wan2.7-image-pro", null).expect(MESSAGES, 0);
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void malformedJsonOnStatusAndResult() {
        sim.faults().add(Fault.on(Route.STATUS).malformedJson().times(3));
        sim.faults().add(Fault.on(Route.RESULT).malformedJson().times(2));
        run("malformed JSON on status and result", "segmind:wan2.7-image-pro?maxRetries=8", null).expect(MESSAGES, 0);
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void malformedJsonOnSubmit() {
        sim.faults().add(Fault.on(Route.SUBMIT).malformedJson().times(1));
        Result r = run("malformed JSON on submit (billed)", "segmind:wan2.7-image-pro",
                SegmindSubmitUncertainException.class);
        r.expect(MESSAGES - 1, 1);
    }

    @Test
    @org.junit.jupiter.api.Order(11)
    void failedJobs() {
        Result r = run("FAILED jobs", "segmind:wan2.7-image-pro", SegmindJobFailedException.class,
                i -> i % 2 == 0 ? " [sim:fail]" : "");
        r.expect(MESSAGES / 2, MESSAGES / 2);
        assertThat(sim.journal().count(Route.RESULT)).as("no result fetched for a FAILED job").isEqualTo(MESSAGES / 2);
    }

    @Test
    @org.junit.jupiter.api.Order(12)
    void expiredRequests() {
        sim.faults().add(Fault.on(Route.STATUS).expire().times(2));
        Result r = run("expired requests (404 on status)", "segmind:wan2.7-image-pro",
                SegmindRequestExpiredException.class);
        r.expect(MESSAGES - 2, 2);
    }

    @Test
    @org.junit.jupiter.api.Order(13)
    void truncatedMedia() {
        sim.model("wan2.7-i2v").mediaSizeBytes(200_000);
        sim.faults().add(Fault.on(Route.MEDIA).truncate().times(2));
        sim.faults().add(Fault.on(Route.MEDIA).truncate().probability(0.3).seed(3).times(3));
        run("truncated media (file download)", "segmind:wan2.7-i2v?inMemoryThreshold=0", null).expect(MESSAGES, 0);
        assertThat(sim.journal().count(Route.MEDIA)).isGreaterThanOrEqualTo(MESSAGES + 2);
    }

    @Test
    @org.junit.jupiter.api.Order(14)
    void killDashNineWithTwentyJobsInFlight() throws Exception {
        // a simulator of its own on a clock that moves only when the test says: no job can finish before the kill,
        // however slow the machine, and every job has finished when the second JVM starts
        SimulatedClock clock = new SimulatedClock();
        try (SegmindSimulator crashSim = SegmindSimulator.builder().clock(clock).apiKey(KEY).build().start()) {
            crashSim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(138));
            new CrashTest(crashSim, clock).run();
        }
    }

    // --- running a scenario -----------------------------------------------------------------------------------

    private Result run(String scenario, String uri, Class<? extends Exception> expected) {
        return run(sim, scenario, uri, expected, i -> "");
    }

    private Result run(String scenario, String uri, Class<? extends Exception> expected,
                       java.util.function.IntFunction<String> promptSuffix) {
        return run(sim, scenario, uri, expected, promptSuffix);
    }

    private Result run(SegmindSimulator sim, String scenario, String uri, Class<? extends Exception> expected,
                       java.util.function.IntFunction<String> promptSuffix) {
        String tag = scenario.replaceAll("[^A-Za-z0-9]+", "-");
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            int n = i;
            sent.add(template.asyncSend(uri, e -> {
                e.getMessage().setBody(tag + " message " + n + promptSuffix.apply(n));
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, tag + "-" + n);
            }));
        }
        int completed = 0;
        int failed = 0;
        List<String> lost = new ArrayList<>();
        for (Future<Exchange> f : sent) {
            Exchange out;
            try {
                out = f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                lost.add("no answer: " + e);
                continue;
            }
            Exception error = out.getException();
            if (error == null && out.getMessage().getBody() instanceof SegmindMedia media && media.getSize() > 0) {
                completed++;
            } else if (error != null && expected != null && expected.isInstance(error)) {
                failed++;
            } else {
                lost.add(String.valueOf(error != null ? error : out.getMessage().getBody()));
            }
        }
        // prompt markers make the simulator fail a job: they count as injected faults too
        long faults = sim.faults().injected() + sim.jobs().stream().filter(j -> j.error() != null).count();
        int duplicates = duplicateSubmits(sim);
        TABLE.add(scenario, faults, completed, failed, lost.size(), duplicates);
        assertThat(lost).as(scenario + ": messages neither delivered nor failed as expected").isEmpty();
        assertThat(duplicates).as(scenario + ": a message paid for twice").isZero();
        assertThat(faults).as(scenario + ": faults actually injected").isPositive();
        return new Result(completed, failed);
    }

    /** The most jobs Segmind accepted for one message, less one: read from the journal, keyed by prompt. */
    static int duplicateSubmits(SegmindSimulator sim) {
        Map<Object, Integer> accepted = new HashMap<>();
        for (JournalEntry e : sim.journal().entries(Route.SUBMIT)) {
            if (e.requestId() != null && e.payload() != null) {
                accepted.merge(e.payload().get("prompt"), 1, Integer::sum);
            }
        }
        return accepted.values().stream().mapToInt(n -> n - 1).max().orElse(0);
    }

    private record Result(int completed, int failed) {
        void expect(int completed, int failed) {
            assertThat(this.completed).as("completed").isEqualTo(completed);
            assertThat(this.failed).as("failed with the expected exception").isEqualTo(failed);
        }
    }

    // --- the crash test ---------------------------------------------------------------------------------------

    /**
     * Twenty prompt files, an application in its own JVM, kill -9 once Segmind has accepted all twenty and none can
     * have finished (the simulator's clock stands still), then time moves on past their render and the same
     * application starts on the same files: all twenty videos arrive and Segmind was asked for exactly twenty jobs.
     */
    private static final class CrashTest {
        private static final int JOBS = 20;
        private final SegmindSimulator crashSim;
        private final SimulatedClock clock;
        private final Path work;

        CrashTest(SegmindSimulator crashSim, SimulatedClock clock) throws Exception {
            this.crashSim = crashSim;
            this.clock = clock;
            this.work = Files.createTempDirectory(Paths.get("target"), "crash-test-");
        }

        void run() throws Exception {
            Path in = Files.createDirectories(work.resolve("in"));
            Path out = Files.createDirectories(work.resolve("out"));
            Path pending = work.resolve("pending-jobs");
            for (int i = 1; i <= JOBS; i++) {
                Files.writeString(in.resolve(String.format("clip-%02d.txt", i)), "crash test clip " + i
                        + ": a paper boat drifting down a rain gutter");
            }

            Process first = start(in, out, pending, work.resolve("first-run.log"));
            Set<String> accepted;
            try {
                // kill only once every accepted job has been polled: a poll follows the store write, so the
                // kill cannot fall in the gap between Segmind's answer and the record of it
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    Set<String> ids = acceptedIds();
                    return ids.size() >= JOBS && polled().containsAll(ids);
                });
                accepted = acceptedIds();
            } finally {
                first.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(accepted).hasSize(JOBS);
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files).as("output before the kill").isEmpty();
            }
            assertThat(crashSim.journal().count(Route.RESULT) + crashSim.journal().count(Route.MEDIA))
                    .as("results or media fetched before the kill").isZero();
            try (Stream<Path> entries = Files.list(pending)) {
                assertThat(entries.filter(p -> p.toString().endsWith(".json")).count())
                        .as("pending-job entries the killed JVM left").isEqualTo(JOBS);
            }

            // the renders finish while no application runs
            clock.advance(Duration.ofSeconds(140));

            Process second = start(in, out, pending, work.resolve("second-run.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> videos(out).size() == JOBS);
            } finally {
                second.destroy();
                if (!second.waitFor(10, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }

            List<Path> videos = videos(out);
            for (Path v : videos) {
                byte[] bytes = Files.readAllBytes(v);
                assertMp4(bytes);
            }
            long submits = crashSim.journal().count(Route.SUBMIT);
            int duplicates = duplicateSubmits(crashSim);
            long resumed = Files.readAllLines(work.resolve("second-run.log"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("Resuming pending Segmind job")).count();
            int delivered = videos.size();
            TABLE.add("kill -9 with " + JOBS + " jobs in flight, restart", "SIGKILL x1 (" + resumed + " resumed)",
                    delivered, 0, JOBS - delivered, duplicates);
            assertThat(submits).as("exactly one submit per file across both JVMs").isEqualTo(JOBS);
            assertThat(duplicates).isZero();
            assertThat(resumed).as("the restarted JVM resumed the jobs the killed one paid for").isEqualTo(JOBS);
            assertThat(crashSim.jobs()).hasSize(JOBS);
            // kept only when the test fails, for the two JVMs' logs
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private Set<String> acceptedIds() {
            Set<String> ids = new HashSet<>();
            for (JournalEntry e : crashSim.journal().entries(Route.SUBMIT)) {
                if (e.requestId() != null) {
                    ids.add(e.requestId());
                }
            }
            return ids;
        }

        private Set<String> polled() {
            Set<String> ids = new HashSet<>();
            for (JournalEntry e : crashSim.journal().entries(Route.STATUS)) {
                ids.add(e.requestId());
            }
            return ids;
        }

        private static List<Path> videos(Path out) throws Exception {
            try (Stream<Path> files = Files.list(out)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".mp4")
                        && !p.getFileName().toString().startsWith(".")).toList();
            }
        }

        private Process start(Path in, Path out, Path pending, Path log) throws Exception {
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    CrashTestApp.class.getName(), crashSim.baseUrl(), in.toString(), out.toString(),
                    pending.toString());
            pb.environment().put("SEGMIND_API_KEY", KEY);
            pb.redirectErrorStream(true);
            pb.redirectOutput(log.toFile());
            return pb.start();
        }
    }
}
