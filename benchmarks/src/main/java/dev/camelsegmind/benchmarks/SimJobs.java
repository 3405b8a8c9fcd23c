package dev.camelsegmind.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's own account of each job, read from {@code /_sim/jobs} once a trial is over. */
final class SimJobs {

    /** When the simulator accepted the job and marked it COMPLETED (epoch ms, -1 if not), and its status reads. */
    record Job(String model, long submittedAtMillis, long completedAtMillis, int statusCalls) {
    }

    private SimJobs() {
    }

    static Map<String, Job> read(String baseUrl) throws Exception {
        JsonNode list = get(baseUrl + "/_sim/jobs");
        Map<String, Job> jobs = new HashMap<>();
        for (JsonNode j : list) {
            String completed = j.path("completed_at").isTextual() ? j.path("completed_at").asText() : null;
            jobs.put(j.path("request_id").asText(), new Job(j.path("model").asText(),
                    Instant.parse(j.path("submitted_at").asText()).toEpochMilli(), completed == null ? -1 : Instant.parse(completed).toEpochMilli(), j.path("status_calls").asInt()));
        }
        return jobs;
    }

    /** When the simulator received the media request of each job (epoch ms), by request id. */
    static Map<String, Long> mediaRequests(String baseUrl) throws Exception {
        Map<String, Long> at = new HashMap<>();
        for (JsonNode e : get(baseUrl + "/_sim/journal")) {
            if ("MEDIA".equals(e.path("route").asText())) {
                at.put(e.path("request_id").asText(), Instant.parse(e.path("timestamp").asText()).toEpochMilli());
            }
        }
        return at;
    }

    /**
     * When the first status read at or after each job's completion reached the simulator (epoch ms), by request id:
     * the read that noticed it. A crun TaskInfo read is a status read too: with callbacks it is the one that confirms
     * the callback.
     */
    static Map<String, Long> noticingReads(String baseUrl, Map<String, Job> jobs) throws Exception {
        Map<String, Long> at = new HashMap<>();
        for (JsonNode e : get(baseUrl + "/_sim/journal")) {
            String route = e.path("route").asText();
            if (!"STATUS".equals(route) && !"CRUN_TASK_INFO".equals(route)) {
                continue;
            }
            Job job = jobs.get(e.path("request_id").asText());
            long t = Instant.parse(e.path("timestamp").asText()).toEpochMilli();
            if (job != null && job.completedAtMillis() >= 0 && t >= job.completedAtMillis()) {
                at.merge(e.path("request_id").asText(), t, Math::min);
            }
        }
        return at;
    }

    private static JsonNode get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        return new ObjectMapper().readTree(r.body());
    }
}
