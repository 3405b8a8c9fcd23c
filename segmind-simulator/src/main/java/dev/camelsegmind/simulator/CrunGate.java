package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The crun routes' gatekeeper, in the order the Segmind routes have theirs (key, rate limit, injected faults, the
 * route's own handler) but with crun's answers: its body codes, in the {@link CrunErrorStyle} chosen.
 */
final class CrunGate {

    /**
     * crun's wording of the answers faults make up: its body for a code it documents, the gateway's page for a
     * status it does not, and (an acceptThenStatus) a JSON error in crun's envelope; only a storm names its reset.
     */
    static final FaultReplies.House HOUSE = new FaultReplies.House(
            (code, resetAt) -> CrunReplies.CODES.contains(code) ? CrunReplies.forStatus(code) : Replies.forStatus(code, resetAt),
            CrunReplies::errorBody, false);

    private final SimulatorContext ctx;
    private final CrunCreateHandler create;
    private final CrunTaskInfoHandler info;

    CrunGate(SimulatorContext ctx) {
        this.ctx = ctx;
        this.create = new CrunCreateHandler(ctx);
        this.info = new CrunTaskInfoHandler(ctx);
    }

    static boolean serves(Route route) {
        return route == Route.CRUN_CREATE || route == Route.CRUN_TASK_INFO;
    }

    Reply process(Call call) {
        Crun crun = ctx.crun();
        CrunErrorStyle style = crun.errorStyle();
        JsonNode body = identify(call);
        ApiKeys.Check check = ctx.keys().check(call.exchange().getRequestHeaders());
        if (check.verdict() != ApiKeys.Verdict.ACCEPTED) {
            return CrunReplies.unauthorized(style, check.verdict());
        }
        call.apiKey(check.key());
        RateLimiter.Decision decision = ctx.limits().tryAcquire(call.apiKey(), call.receivedAt());
        if (!decision.allowed()) {
            return CrunReplies.error(style, 429, "Rate limited: request limit exceeded");
        }
        Optional<Fault> before = ctx.faults().apply(call, Fault.BEFORE);
        if (before.isPresent()) {
            call.fault(before.get());
            return instead(before.get(), call, style);
        }
        if (crun.maintenance()) {
            return CrunReplies.error(style, 455, CrunReplies.MAINTENANCE);
        }
        CrunAnswer answer = call.route() == Route.CRUN_CREATE ? create.handle(call, body, style) : info.handle(call, style);
        if (call.fault() == null) {
            ctx.faults().apply(call, answer.ok() ? Fault.AFTER : Fault.AFTER_ERROR).ifPresent(call::fault);
        }
        // The faults that reshape an answer (malformed JSON, accept-then-error, foreign URLs) act here, as on the
        // Segmind routes; the ones that act on the connection (drop, delay, truncate, body stall) act in ReplySender.
        return FaultReplies.after(call, answer.reply(), ctx.baseUrl(), HOUSE);
    }

    /**
     * What faults may be aimed by: the task (and its model) TaskInfo asks about, the model a create names. The
     * parsed create body is handed on so it is read once.
     */
    private JsonNode identify(Call call) {
        if (call.route() == Route.CRUN_TASK_INFO) {
            String taskId = taskId(call.exchange().getRequestURI().getRawQuery());
            call.requestId(taskId);
            ctx.crun().tasks().find(taskId).ifPresent(task -> call.model(task.job().model()));
            return null;
        }
        JsonNode body = Json.parse(call.body());
        if (body != null && body.path("model").isTextual()) {
            call.model(body.get("model").asText());
        }
        return body;
    }

    static String taskId(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals("task_id")) {
                String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    /**
     * A status fault answers that HTTP status with crun's body for it (whatever the style: a fault says what goes on
     * the wire); a status crun does not document (502, 503, 504) gets the gateway's page, as on the Segmind routes.
     * Other faults that replace an answer act as they do everywhere.
     */
    private static Reply instead(Fault fault, Call call, CrunErrorStyle style) {
        return fault.kind() == Fault.Kind.EXPIRE ? CrunReplies.taskNotFound(style) : FaultReplies.instead(fault, call, HOUSE);
    }
}
