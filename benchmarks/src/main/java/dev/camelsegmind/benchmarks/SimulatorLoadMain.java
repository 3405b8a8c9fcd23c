package dev.camelsegmind.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load generator of the simulator benchmark, in a JVM of its own beside the simulator's: puts N jobs in flight,
 * proves each is held, weighs the simulator's heap, then drives status calls at each concurrency level with each
 * client. Prints one {@code SIMLOAD <json>} line and exits. Arguments as {@code key=value} (see
 * {@link SimulatorBenchmark}).
 */
public final class SimulatorLoadMain {

    private SimulatorLoadMain() {
    }

    public static void main(String[] args) {
        Trial t = Trial.parse(args);
        ObjectNode out;
        try {
            out = run(t);
        } catch (Throwable e) {
            e.printStackTrace();
            out = Result.JSON.createObjectNode().put("error", e.toString());
        }
        System.out.println("SIMLOAD " + out);
        System.out.flush();
        System.exit(0);
    }

    private static ObjectNode run(Trial t) throws Exception {
        long pid = Long.parseLong(t.get("simPid"));
        String baseUrl = t.get("baseUrl");
        String model = t.get("model");
        int n = t.integer("jobs");
        int submitWindow = t.integer("submitConcurrency");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ObjectNode out = Result.JSON.createObjectNode();

        HeapProbe.Heap empty = HeapProbe.of(pid);
        InFlightJobs jobs = new InFlightJobs(http, baseUrl, t.get("apiKey"));
        InFlightJobs.Pass submitted = jobs.submit(model, n, submitWindow);
        log("submitted %d jobs in %.1f s (%.0f/s), %d failed", n, submitted.seconds(), submitted.perSecond(),
                submitted.failures());
        InFlightJobs.Pass checked = jobs.checkEach(submitWindow);
        log("read each status once: %s, %d failed", checked.statuses(), checked.failures());
        int heldBefore = inFlightAtSimulator(baseUrl, model).held;
        HeapProbe.Heap held = HeapProbe.of(pid);
        log("simulator holds %d in flight; live heap %.1f MB (%.1f MB before any job)", heldBefore, held.liveMb(),
                empty.liveMb());

        ArrayNode levels = out.putArray("statusLoad");
        StatusLoad load = new StatusLoad(pid);
        Duration warmup = Duration.ofSeconds(t.integer("warmupSeconds"));
        Duration measured = Duration.ofSeconds(t.integer("measuredSeconds"));
        List<HttpRequest> statusRequests = jobs.statusRequests();
        // java.net.http is the component's client; plain sockets cost the shared CPU far less (see SocketCaller)
        List<StatusCaller> callers = List.of(new JdkClientCaller(http, statusRequests),
                new SocketCaller(baseUrl, t.get("apiKey"), statusRequests));
        long sent = 0;
        for (StatusCaller caller : callers) {
            for (String c : t.get("levels").split(",")) {
                StatusLoad.Level level = load.run(caller, Integer.parseInt(c), warmup, measured);
                sent += level.sent();
                log("%s, %3d on the wire: %,.0f calls/s, p50 %.2f ms, p99 %.2f ms, %d failed, cores: simulator"
                        + " %.2f, load generator %.2f, other processes %.2f", caller.name(), level.concurrency(),
                        level.callsPerSecond(), level.p50Ms(), level.p99Ms(), level.failures(), level.serverCores(),
                        level.clientCores(), level.otherCores());
                levels.add(Result.JSON.valueToTree(level));
            }
        }

        InFlightJobs.Pass after = jobs.checkEach(submitWindow);
        SimView end = inFlightAtSimulator(baseUrl, model);
        HeapProbe.Heap afterLoad = HeapProbe.of(pid);
        log("after the load: %s, %d failed; simulator holds %d, counted %,d status calls; live heap %.1f MB",
                after.statuses(), after.failures(), end.held, end.statusCalls, afterLoad.liveMb());

        ObjectNode inFlight = out.putObject("inFlight");
        inFlight.put("jobs", n).put("submitConcurrency", submitWindow);
        inFlight.set("submit", pass(submitted));
        inFlight.set("statusOfEach", pass(checked));
        inFlight.put("heldBySimulator", heldBefore);
        inFlight.set("statusOfEachAfterLoad", pass(after));
        inFlight.put("heldBySimulatorAfterLoad", end.held);
        // every call sent must have reached a job: the server's count against ours. java.net.http silently resends a
        // GET whose pooled connection the server closed as idle, so the server may count a few more
        inFlight.put("statusCallsSent", sent + checked.jobs() + after.jobs()).put("statusCallsCountedBySimulator",
                end.statusCalls);
        ObjectNode heap = out.putObject("simulatorHeap");
        heap.set("beforeJobs", heap(empty));
        heap.set("withJobs", heap(held));
        heap.put("bytesPerJob", (held.liveBytes() - empty.liveBytes()) / Math.max(1, n));
        heap.set("afterLoad", heap(afterLoad));
        // the journal keeps an entry per request, the oldest dropped past its capacity: what the load's entries cost
        long entriesWithJobs = 2L * n;
        long entriesAfter = Math.min(t.integer("journalCapacity"), n + end.statusCalls);
        heap.put("journalEntriesAfterLoad", entriesAfter).put("bytesPerJournalEntry",
                (afterLoad.liveBytes() - held.liveBytes()) / Math.max(1, entriesAfter - entriesWithJobs));
        return out;
    }

    private record SimView(int held, long statusCalls) {
    }

    /** Jobs of the model the simulator itself reports as not yet finished, from /_sim/jobs. */
    private static SimView inFlightAtSimulator(String baseUrl, String model) throws Exception {
        Map<String, SimJobs.Job> all = SimJobs.read(baseUrl);
        int held = 0;
        long calls = 0;
        for (SimJobs.Job j : all.values()) {
            if (j.model().equals(model) && j.completedAtMillis() < 0) {
                held++;
            }
            calls += j.statusCalls();
        }
        return new SimView(held, calls);
    }

    private static ObjectNode pass(InFlightJobs.Pass p) {
        ObjectNode o = Result.JSON.createObjectNode();
        o.put("calls", p.jobs()).put("seconds", Math.round(p.seconds() * 100) / 100.0)
                .put("perSecond", Math.round(p.perSecond())).put("failures", p.failures())
                .put("firstFailure", p.firstFailure());
        o.set("statuses", Result.JSON.valueToTree(p.statuses()));
        return o;
    }

    private static ObjectNode heap(HeapProbe.Heap h) {
        ObjectNode o = Result.JSON.createObjectNode();
        o.put("liveMb", Math.round(h.liveMb() * 10) / 10.0);
        o.set("largest", Result.JSON.valueToTree(h.largest()));
        return o;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
