package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /_sim/crun} (the {@link Crun} settings: GET shows them, POST changes the ones given) and
 * {@code /_sim/callback-faults} (POST adds one {@link CallbackFault} as JSON, GET lists, DELETE removes all or,
 * with {@code /{id}}, one), for a simulator in another process.
 */
final class CrunAdmin {

    private static final List<String> SETTINGS = List.of("error_style", "maintenance", "disabled_features",
            "image_fields", "callback_retries", "callback_backoff_ms", "callback_timeout_ms", "token_parameter");

    private final Crun crun;

    CrunAdmin(Crun crun) {
        this.crun = crun;
    }

    static boolean serves(String admin) {
        return admin.equals("crun") || admin.equals("callback-faults") || admin.equals("callback-fault");
    }

    Reply handle(Call call) {
        try {
            switch (call.match().admin()) {
                case "crun":
                    if (call.method().equals("POST")) {
                        change(call.body());
                    }
                    return Reply.json(200, settings());
                case "callback-fault":
                    return remove(call.match().adminId());
                default:
                    return faults(call);
            }
        } catch (FaultJson.Invalid e) {
            ObjectNode error = Json.object().put("error", e.getMessage());
            if (e.field() != null) {
                error.put("field", e.field());
            }
            return Reply.json(400, error);
        }
    }

    private Reply faults(Call call) {
        switch (call.method()) {
            case "POST":
                CallbackFault fault = CallbackFaultJson.parse(call.body());
                crun.callbackFaults().add(fault);
                return Reply.json(201, CallbackFaultJson.render(fault));
            case "DELETE":
                return Reply.json(200, Json.object().put("removed", crun.callbackFaults().clear()));
            default:
                ArrayNode list = Json.MAPPER.createArrayNode();
                crun.callbackFaults().list().forEach(f -> list.add(CallbackFaultJson.render(f)));
                return Reply.json(200, list);
        }
    }

    private Reply remove(String id) {
        Optional<CallbackFault> removed = Optional.empty();
        try {
            removed = crun.callbackFaults().remove(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            // no fault has it
        }
        return removed.map(f -> Reply.json(200, CallbackFaultJson.render(f)))
                .orElseGet(() -> Replies.error(404, "No callback fault with id " + id));
    }

    /** Checks every given setting before changing any, so a 400 leaves the settings as they were. */
    private void change(byte[] body) {
        JsonNode root = Json.parse(body);
        if (root == null || !root.isObject()) {
            throw new FaultJson.Invalid(null, "the body must be a JSON object of settings, e.g. "
                    + "{\"error_style\":\"HTTP_STATUS\"}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SETTINGS.contains(name)) {
                throw new FaultJson.Invalid(name, "unknown setting; the settings are " + SETTINGS);
            }
        }
        CrunErrorStyle style = root.has("error_style") ? style(root.get("error_style")) : crun.errorStyle();
        boolean maintenance = root.has("maintenance") ? flag(root, "maintenance") : crun.maintenance();
        List<String> disabled = root.has("disabled_features") ? names(root, "disabled_features", true) : null;
        List<String> images = root.has("image_fields") ? names(root, "image_fields", false) : null;
        int retries = root.has("callback_retries") ? count(root, "callback_retries") : crun.callbackRetries();
        Duration backoff = root.has("callback_backoff_ms") ? Duration.ofMillis(count(root, "callback_backoff_ms"))
                : crun.callbackBackoff();
        Duration timeout = root.has("callback_timeout_ms") ? Duration.ofMillis(count(root, "callback_timeout_ms"))
                : crun.callbackTimeout();
        String token = root.has("token_parameter") ? text(root, "token_parameter") : crun.callbackTokenParameter();
        if (retries > 20) {
            throw new FaultJson.Invalid("callback_retries", "must be within [0, 20], got " + retries);
        }
        if (timeout.isZero()) {
            throw new FaultJson.Invalid("callback_timeout_ms", "must be positive");
        }
        crun.errorStyle(style).maintenance(maintenance).callbackRetries(retries, backoff).callbackTimeout(timeout)
                .callbackTokenParameter(token);
        if (disabled != null) {
            crun.enableAllFeatures().disableFeatures(disabled.toArray(new String[0]));
        }
        if (images != null) {
            crun.imageFields(images.toArray(new String[0]));
        }
    }

    private ObjectNode settings() {
        ObjectNode node = Json.object().put("model", Crun.MODEL)
                .put("error_style", crun.errorStyle().name())
                .put("maintenance", crun.maintenance());
        crun.disabledFeatures().stream().sorted().forEach(node.putArray("disabled_features")::add);
        crun.imageFields().forEach(node.putArray("image_fields")::add);
        return node.put("callback_retries", crun.callbackRetries())
                .put("callback_backoff_ms", crun.callbackBackoff().toMillis())
                .put("callback_timeout_ms", crun.callbackTimeout().toMillis())
                .put("token_parameter", crun.callbackTokenParameter());
    }

    private static CrunErrorStyle style(JsonNode value) {
        try {
            return CrunErrorStyle.valueOf(value.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FaultJson.Invalid("error_style", "must be BODY_CODE or HTTP_STATUS, got " + value);
        }
    }

    private static boolean flag(JsonNode root, String field) {
        if (!root.get(field).isBoolean()) {
            throw new FaultJson.Invalid(field, "must be true or false, got " + root.get(field));
        }
        return root.get(field).booleanValue();
    }

    private static List<String> names(JsonNode root, String field, boolean mayBeEmpty) {
        JsonNode list = root.get(field);
        if (!list.isArray() || (!mayBeEmpty && list.isEmpty())) {
            throw new FaultJson.Invalid(field, "must be " + (mayBeEmpty ? "a" : "a non-empty") + " list of names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : list) {
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new FaultJson.Invalid(field, "a name must be a non-blank string, got " + name);
            }
            names.add(name.asText());
        }
        return names;
    }

    private static int count(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new FaultJson.Invalid(field, "must be a whole number from 0, got " + value);
        }
        return value.intValue();
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new FaultJson.Invalid(field, "must be a non-blank string, got " + value);
        }
        return value.asText();
    }
}
