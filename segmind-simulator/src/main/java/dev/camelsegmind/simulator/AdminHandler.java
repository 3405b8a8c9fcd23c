package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The simulator's own endpoints under {@code /_sim/}, for tests and users that run it in another
 * process: {@code GET journal}, {@code GET jobs}, {@code /faults} (see {@link FaultAdmin}),
 * {@code POST reset} and {@code /clock} (see {@link ClockAdmin}). They need no key and are never journaled, rate limited or faulted, so
 * looking at the simulator does not change what it does.
 */
final class AdminHandler implements RouteHandler {

    private final SimulatorContext ctx;
    private final Runnable reset;
    private final FaultAdmin faults;

    /** {@code reset} is {@link SegmindSimulator#reset()}, which knows every piece of state to clear. */
    AdminHandler(SimulatorContext ctx, Runnable reset) {
        this.ctx = ctx;
        this.reset = reset;
        this.faults = new FaultAdmin(ctx.faults());
    }

    @Override
    public Reply handle(Call call) {
        switch (call.match().admin()) {
            case "journal":
                ArrayNode entries = Json.MAPPER.createArrayNode();
                ctx.journal().entries().forEach(entry -> journal(entries.addObject(), entry));
                return Reply.json(200, entries);
            case "jobs":
                ArrayNode jobs = Json.MAPPER.createArrayNode();
                Instant now = ctx.clock().instant();
                ctx.jobs().all().forEach(job -> job(jobs.addObject(), job.viewAt(now)));
                return Reply.json(200, jobs);
            case "reset":
                reset.run();
                return Reply.json(200, Json.object().put("reset", true));
            case "clock":
                return ClockAdmin.handle(call, ctx.clock());
            default:
                return faults.handle(call);
        }
    }

    private static void journal(ObjectNode node, JournalEntry e) {
        node.put("timestamp", e.timestamp().toString())
                .put("route", e.route() == null ? null : e.route().name())
                .put("direction", e.outgoing() ? "outgoing" : "incoming")
                .put("method", e.method())
                .put("path", e.path())
                .put("query", e.query())
                .put("model", e.model())
                .put("request_id", e.requestId())
                .put("http_status", e.httpStatus())
                .put("api_key_present", e.apiKeyPresent())
                .put("content_type", e.contentType())
                .put("body_size", e.bodySize())
                .put("fault", e.fault());
        node.set("headers", Json.MAPPER.valueToTree(e.headers()));
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
        node.set("parameters", Json.MAPPER.valueToTree(v.parameters()));
    }
}
