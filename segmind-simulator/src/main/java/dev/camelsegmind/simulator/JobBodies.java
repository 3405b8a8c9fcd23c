package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies of the v2 job routes. Metrics report simulated seconds (33.38 for
 * wan2.7-image-pro whatever the time factor), so assertions on them do not depend on speed-up.
 */
final class JobBodies {

    private final SimulatorContext ctx;
    private final OutputRenderer outputs;

    JobBodies(SimulatorContext ctx) {
        this.ctx = ctx;
        this.outputs = new OutputRenderer(ctx.baseUrl(), ctx.media());
    }

    ObjectNode submitted(Job job) {
        String base = ctx.baseUrl();
        String id = job.requestId();
        return Json.object()
                .put("request_id", id)
                .put("status", JobState.QUEUED.name())
                .put("poll_url", base + "/v1/requests/" + id)
                .put("status_url", base + "/v2/requests/" + id + "/status")
                .put("response_url", base + "/v2/requests/" + id);
    }

    ObjectNode status(Job job, JobState state) {
        ObjectNode body = Json.object().put("status", state.name()).put("request_id", job.requestId());
        metrics(body.putObject("metrics"), job, state);
        return body;
    }

    ObjectNode failed(Job job) {
        ObjectNode body = Json.object()
                .put("status", JobState.FAILED.name())
                .put("request_id", job.requestId())
                .put("error", job.failure());
        metrics(body.putObject("metrics"), job, JobState.FAILED);
        return body;
    }

    ObjectNode completed(Job job) {
        ObjectNode body = Json.object()
                .put("status", JobState.COMPLETED.name())
                .put("request_id", job.requestId())
                .putNull("error");
        metrics(body.putObject("metrics"), job, JobState.COMPLETED);
        outputs.render(body, job);
        return body;
    }

    private void metrics(ObjectNode metrics, Job job, JobState state) {
        if (state == JobState.QUEUED) {
            return;
        }
        double queue = seconds(job.spec().queueTime().toMillis());
        metrics.put("queue_time", queue);
        if (state == JobState.PROCESSING) {
            return;
        }
        double inference = seconds(job.spec().renderTime().toMillis());
        metrics.put("inference_time", inference)
                .put("total_time", round(queue + inference))
                .put("cost", job.spec().cost())
                .put("remaining_credits", ctx.credits().balance(job.apiKey()));
    }

    private static double seconds(long millis) {
        return round(millis / 1000d);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100d;
    }
}
