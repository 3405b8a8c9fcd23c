package dev.camelsegmind.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import dev.camelsegmind.simulator.SegmindSimulator;

import org.slf4j.LoggerFactory;

/**
 * One cold start of a default simulator in a fresh JVM, as a test would do it: build, start, first job accepted.
 * Prints {@code STARTUP <json>} with each step in milliseconds, then exits. The HTTP client and the logging back end
 * are started before the simulator so their class loading is not billed to it; the first answer still pays for
 * loading both sides' request paths, which a test's first call pays too.
 */
public final class StartupProbeMain {

    private StartupProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        long mainAtMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long t1 = System.nanoTime();
        // whoever logs first starts the logging back end (log4j2 here); a test's JVM pays that anyway
        LoggerFactory.getLogger(StartupProbeMain.class);
        long t2 = System.nanoTime();
        SegmindSimulator sim = SegmindSimulator.builder().build();
        long t3 = System.nanoTime();
        sim.start();
        long t4 = System.nanoTime();
        sim.model("bench-startup");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/bench-startup"))
                .header("x-api-key", sim.defaultApiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"start-up probe\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long t5 = System.nanoTime();
        long answeredAtMillis = System.currentTimeMillis();
        // read only now: the management classes must not be loaded before the measured steps
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        sim.close();
        System.out.println(String.format(Locale.ROOT, "STARTUP {\"status\":%d,\"answeredAtEpochMs\":%d,"
                + "\"jvmStartToMainMs\":%d,\"clientMs\":%.1f,\"loggingMs\":%.1f,\"buildMs\":%.1f,"
                + "\"startMs\":%.1f,\"firstAnswerMs\":%.1f,\"jvmStartToFirstAnswerMs\":%d}", first.statusCode(),
                answeredAtMillis, mainAtMillis - jvmStartMillis, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2),
                ms(t4 - t3), ms(t5 - t4), answeredAtMillis - jvmStartMillis));
        System.out.flush();
        System.exit(0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
