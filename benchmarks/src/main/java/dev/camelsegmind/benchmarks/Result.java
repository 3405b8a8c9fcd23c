package dev.camelsegmind.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One row of results.json: a scenario, a contender and a job count. Figures that do not apply stay null. */
final class Result {

    static final ObjectMapper JSON = new ObjectMapper();

    String scenario;
    String contender;
    int n;
    Integer peakThreads;
    Double peakHeapMb;
    Double cpuMsPerJob;
    Integer failed;
    Double wallSeconds;
    Double statusCallsPerJob;
    Double addedLatencyP50Ms;
    Double addedLatencyP99Ms;
    Double throughputMBps;
    /** Heap after a full GC while all jobs wait, minus the idle context's, per job (in-flight scenario). */
    Double heapPerWaitingJobKb;
    String note = "";

    Result(String scenario, String contender, int n) {
        this.scenario = scenario;
        this.contender = contender;
        this.n = n;
    }

    void note(String more) {
        note = note.isEmpty() ? more : note + "; " + more;
    }

    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", scenario).put("contender", contender).put("n", n);
        o.put("peakThreads", peakThreads).put("peakHeapMb", round(peakHeapMb)).put("cpuMsPerJob", round(cpuMsPerJob))
                .put("failed", failed).put("wallSeconds", round(wallSeconds))
                .put("statusCallsPerJob", round(statusCallsPerJob))
                .put("addedLatencyP50Ms", round(addedLatencyP50Ms)).put("addedLatencyP99Ms", round(addedLatencyP99Ms))
                .put("throughputMBps", round(throughputMBps));
        if (heapPerWaitingJobKb != null) {
            o.put("heapPerWaitingJobKb", round(heapPerWaitingJobKb));
        }
        o.put("note", note);
        return o;
    }

    static Result fromJson(com.fasterxml.jackson.databind.JsonNode j) {
        Result r = new Result(j.path("scenario").asText(), j.path("contender").asText(), j.path("n").asInt());
        r.peakThreads = j.path("peakThreads").isNumber() ? j.path("peakThreads").asInt() : null;
        r.peakHeapMb = num(j, "peakHeapMb");
        r.cpuMsPerJob = num(j, "cpuMsPerJob");
        r.failed = j.path("failed").isNumber() ? j.path("failed").asInt() : null;
        r.wallSeconds = num(j, "wallSeconds");
        r.statusCallsPerJob = num(j, "statusCallsPerJob");
        r.addedLatencyP50Ms = num(j, "addedLatencyP50Ms");
        r.addedLatencyP99Ms = num(j, "addedLatencyP99Ms");
        r.throughputMBps = num(j, "throughputMBps");
        r.heapPerWaitingJobKb = num(j, "heapPerWaitingJobKb");
        r.note = j.path("note").asText("");
        return r;
    }

    private static Double num(com.fasterxml.jackson.databind.JsonNode j, String field) {
        return j.path(field).isNumber() ? j.path(field).asDouble() : null;
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 100) / 100.0;
    }
}
