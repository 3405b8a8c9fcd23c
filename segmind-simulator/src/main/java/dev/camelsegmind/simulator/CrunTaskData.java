package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A task's {@code data} object, as {@code TaskInfo} answers it and the callback carries it. Timestamps are ISO-8601
 * UTC strings and {@code duration_s} simulated seconds (33.38 whatever the time factor), the simulator's choices where
 * the reference names the fields but not their format.
 */
final class CrunTaskData {

    /** The {@code result.code} of a task that failed: crun's "generation failed". */
    static final int GENERATION_FAILED = 501;

    private final String baseUrl;

    CrunTaskData(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String status(JobState state) {
        switch (state) {
            case QUEUED:
                return "pending";
            case PROCESSING:
                return "running";
            case COMPLETED:
                return "success";
            default:
                return state.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The object for the task in {@code state}, which is the job's own or the one a fault makes it show. */
    ObjectNode of(CrunTask task, JobState state) {
        Job job = task.job();
        ObjectNode data = Json.object().put("task_id", task.id()).put("status", status(state));
        data.set("param", task.param());
        data.put("create_at", time(task.createdAt()));
        if (state == JobState.COMPLETED) {
            ObjectNode result = data.putObject("result").put("code", 200).put("message", "success");
            ArrayNode urls = result.putArray("media_urls");
            for (int i = 0; i < job.spec().outputs(); i++) {
                urls.add(MediaNames.outputUrl(baseUrl, job, i));
            }
        } else if (state == JobState.FAILED) {
            data.putObject("result").put("code", GENERATION_FAILED).put("message", job.failure())
                    .putArray("media_urls");
        } else {
            data.putNull("result");
        }
        if (state.isFinal()) {
            data.put("duration_s", Math.round(job.spec().renderTime().toMillis() / 10.0) / 100.0)
                    .put("complete_at", time(job.finishesAt()));
        } else {
            data.putNull("duration_s").putNull("complete_at");
        }
        return data.put("credits", task.credits());
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
