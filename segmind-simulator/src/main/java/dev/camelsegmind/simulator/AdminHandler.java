package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * {@code GET /_sim/journal} and {@code GET /_sim/jobs}, for tests that run the simulator in
 * another process. Not journaled themselves, so reading the journal does not change it.
 */
final class AdminHandler implements RouteHandler {

    private final SimulatorContext ctx;

    AdminHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply handle(Call call) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        if ("journal".equals(call.match().admin())) {
            ctx.journal().entries().forEach(entry -> journal(list.addObject(), entry));
        } else {
            Instant now = ctx.clock().instant();
            ctx.jobs().all().forEach(job -> job(list.addObject(), job.viewAt(now)));
        }
        return Reply.json(200, list);
    }

    private static void journal(ObjectNode node, JournalEntry e) {
        node.put("timestamp", e.timestamp().toString())
                .put("route", e.route() == null ? null : e.route().name())
                .put("method", e.method())
                .put("path", e.path())
                .put("model", e.model())
                .put("request_id", e.requestId())
                .put("http_status", e.httpStatus())
                .put("api_key_present", e.apiKeyPresent())
                .put("content_type", e.contentType())
                .put("body_size", e.bodySize())
                .put("fault", e.fault());
        node.set("payload", Json.MAPPER.valueToTree(e.payload()));
    }

    private static void job(ObjectNode node, JobView v) {
        node.put("request_id", v.requestId())
                .put("model", v.model())
                .put("state", v.state().name())
                .put("submitted_at", v.submittedAt().toString())
                .put("started_at", v.startedAt() == null ? null : v.startedAt().toString())
                .put("completed_at", v.completedAt() == null ? null : v.completedAt().toString())
                .put("status_calls", v.statusCalls())
                .put("result_calls", v.resultCalls())
                .put("error", v.error())
                .put("expired", v.expired())
                .put("sync", v.sync());
        node.set("payload", Json.MAPPER.valueToTree(v.payload()));
    }
}
