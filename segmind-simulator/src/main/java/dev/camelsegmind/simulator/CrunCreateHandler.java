package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/client/job/CreateTask}: checks in the order that lets each error be provoked on its own
 * (the body, the model, the callback URL, the input, disabled features), bills last so a refused request costs
 * nothing, then creates the task and, if it named a callback URL, arranges the callback.
 */
final class CrunCreateHandler {

    private final SimulatorContext ctx;

    CrunCreateHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    CrunAnswer handle(Call call, JsonNode body, CrunErrorStyle style) {
        Crun crun = ctx.crun();
        if (!call.hasJsonContentType()) {
            return invalid(style, "Content-Type must be application/json, got "
                    + (call.contentType() == null ? "none" : "'" + call.contentType() + "'"));
        }
        if (body == null || !body.isObject()) {
            return invalid(style, "the request body must be a JSON object {\"model\": ..., \"input\": {...}}");
        }
        call.payload(Collections.unmodifiableMap(Json.toMap(body)));
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            return invalid(style, "model is required (\"" + Crun.MODEL + "\")");
        }
        ModelProfile profile = crun.model();
        if (!model.asText().equals(Crun.MODEL) || profile.availability() != ModelProfile.Availability.AVAILABLE) {
            return CrunAnswer.error(CrunReplies.error(style, 404, "Model '" + model.asText() + "' not found"));
        }
        JsonNode callback = body.get("callback_url");
        String callbackUrl = null;
        if (callback != null && !callback.isNull()) {
            if (!callback.isTextual() || CallbackUrls.parse(callback.asText()).isEmpty()) {
                return invalid(style, "callback_url must be an absolute http or https URL, got " + callback);
            }
            callbackUrl = callback.asText();
        }
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            return invalid(style, "input is required and must be a JSON object of the model's parameters");
        }
        ModelSpec spec = profile.snapshot();
        Optional<String> broken = CrunInputRules.check(input, spec.parameters(), crun.imageFields());
        if (broken.isPresent()) {
            return invalid(style, broken.get());
        }
        Optional<String> disabled = CrunFeatures.disabledIn(body, crun.disabledFeatures(), crun.imageFields());
        if (disabled.isPresent()) {
            return CrunAnswer.error(CrunReplies.error(style, 505,
                    "Feature disabled: " + disabled.get() + " is currently disabled"));
        }
        int n = input.path("n").asInt(1);
        double cost = Math.round(spec.cost() * n * 1_000_000) / 1_000_000.0;
        if (!ctx.credits().tryCharge(call.apiKey(), cost)) {
            return CrunAnswer.error(CrunReplies.error(style, 402, CrunReplies.INSUFFICIENT_CREDITS));
        }
        Map<String, Object> parameters = Collections.unmodifiableMap(Json.toMap(input));
        Job job = ctx.jobs().createForeign(spec.withOutputs(n), profile.workerPool(), parameters, call.apiKey(),
                call.receivedAt());
        CrunTask task = new CrunTask(job, (ObjectNode) body.deepCopy(), callbackUrl, cost, call.receivedAt());
        crun.tasks().add(task);
        call.requestId(task.id());
        if (callbackUrl != null) {
            crun.callbacks().expect(task);
        }
        ObjectNode data = Json.object().put("task_id", task.id());
        return CrunAnswer.success(CrunReplies.success(data));
    }

    private static CrunAnswer invalid(CrunErrorStyle style, String message) {
        return CrunAnswer.error(CrunReplies.invalid(style, message));
    }
}
