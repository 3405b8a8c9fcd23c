package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link CallbackFault} as JSON, for {@code /_sim/callback-faults}: one action and the modifiers, as in Java.
 * <pre>{@code
 * {"lose": true, "task_id": "..."}
 * {"delay_ms": 30000, "times": 1}
 * {"duplicate": true}   {"reorder": true}   {"forge": "token"}   {"forge": "task"}   {"oversize_bytes": 2097152}
 * }</pre>
 */
final class CallbackFaultJson {

    private static final List<String> ACTIONS = List.of("delay_ms", "lose", "duplicate", "reorder", "forge",
            "oversize_bytes");
    private static final List<String> MODIFIERS = List.of("task_id", "times");
    private static final Set<String> FLAGS = Set.of("lose", "duplicate", "reorder");

    private CallbackFaultJson() {
    }

    static CallbackFault parse(byte[] body) {
        JsonNode root = Json.parse(body);
        if (root == null || !root.isObject()) {
            throw new FaultJson.Invalid(null, "the body must be a JSON object describing one callback fault, e.g. "
                    + "{\"lose\":true,\"times\":1}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ACTIONS.contains(name) && !MODIFIERS.contains(name)) {
                throw new FaultJson.Invalid(name, "unknown key; a callback fault takes one action of " + ACTIONS
                        + " and any of " + MODIFIERS);
            }
        }
        List<String> given = new ArrayList<>();
        for (String name : ACTIONS) {
            JsonNode value = root.get(name);
            if (value != null && !(FLAGS.contains(name) && value.isBoolean() && !value.booleanValue())) {
                given.add(name);
            }
        }
        if (given.size() != 1) {
            throw new FaultJson.Invalid(given.isEmpty() ? "action" : given.get(1), given.isEmpty()
                    ? "missing: give one of " + ACTIONS : "a callback fault does one thing, and " + given.get(0)
                    + " is given too");
        }
        CallbackFault fault = action(root, given.get(0));
        if (root.has("task_id")) {
            JsonNode id = root.get("task_id");
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new FaultJson.Invalid("task_id", "must be a non-blank string, got " + id);
            }
            fault.taskId(id.asText());
        }
        if (root.has("times")) {
            fault.times(count(root, "times"));
        }
        return fault;
    }

    private static CallbackFault action(JsonNode root, String action) {
        JsonNode value = root.get(action);
        try {
            switch (action) {
                case "delay_ms":
                    return CallbackFault.delay(Duration.ofMillis(count(root, action)));
                case "oversize_bytes":
                    return CallbackFault.oversize(count(root, action));
                case "forge":
                    String what = value.isTextual() ? value.asText() : "";
                    if (what.equals("token")) {
                        return CallbackFault.forgeToken();
                    }
                    if (what.equals("task")) {
                        return CallbackFault.forgeTask();
                    }
                    throw new FaultJson.Invalid("forge", "must be \"token\" or \"task\", got " + value);
                default:
                    if (!value.isBoolean()) {
                        throw new FaultJson.Invalid(action, "must be true, got " + value);
                    }
                    return action.equals("lose") ? CallbackFault.lose()
                            : action.equals("duplicate") ? CallbackFault.duplicate() : CallbackFault.reorder();
            }
        } catch (FaultJson.Invalid e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new FaultJson.Invalid(action, e.getMessage());
        }
    }

    private static int count(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new FaultJson.Invalid(field, "must be a whole number from 0 to " + Integer.MAX_VALUE + ", got "
                    + value);
        }
        return value.intValue();
    }

    static ObjectNode render(CallbackFault fault) {
        ObjectNode node = Json.object().put("id", fault.id()).put("description", fault.toString())
                .put("action", fault.kind().name().toLowerCase(Locale.ROOT)).put("tag", fault.tag());
        if (fault.kind() == CallbackFault.Kind.DELAY) {
            node.put("delay_ms", fault.delay().toMillis());
        }
        if (fault.kind() == CallbackFault.Kind.OVERSIZE) {
            node.put("oversize_bytes", fault.bytes());
        }
        if (fault.taskId() != null) {
            node.put("task_id", fault.taskId());
        }
        if (fault.times() >= 0) {
            node.put("times", fault.times());
        }
        return node.put("injected", fault.injected());
    }
}
