package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link Fault} as JSON, both ways, for {@code /_sim/faults}. One object is one fault, with
 * exactly one action and the same modifiers as the Java builder:
 * <pre>{@code
 * {"route": "SUBMIT", "status": 429, "times": 3}
 * {"routes": ["STATUS", "RESULT"], "delay_ms": 2000, "probability": 0.1, "seed": 7}
 * {"route": "STATUS", "request_id": "...", "stall": true}
 * {"storm_ms": 30000}
 * {"route": "SUBMIT", "accept_then_status": 504, "times": 1}
 * {"route": "SYNC", "accept_then_html": 502}
 * {"route": "MEDIA", "stall_body": true}
 * {"route": "RESULT", "stall_body_ms": 5000}
 * {"route": "ANY", "redirect": "http://127.0.0.2:8123/x", "redirect_status": 307}
 * {"routes": ["SUBMIT", "RESULT"], "foreign_urls": "http://127.0.0.2:8123"}
 * {"route": "SUBMIT", "status": 429, "retry_after": true}
 * }</pre>
 * Parsing goes through the builder, so a fault added over HTTP is checked and behaves exactly
 * like one built in Java.
 */
final class FaultJson {

    /** Input that does not describe a fault; {@code field} names the key at fault. */
    static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String field;

        Invalid(String field, String message) {
            super(field == null ? message : field + ": " + message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** Keys that choose what the fault does; exactly one must be given. */
    private static final List<String> ACTIONS = List.of("status", "drop", "delay_ms", "malformed_json", "truncate",
            "flap", "stall", "expire", "storm_ms", "accept_then_status", "accept_then_html", "stall_body",
            "stall_body_ms", "redirect", "foreign_urls");
    private static final List<String> MODIFIERS = List.of("route", "routes", "model", "request_id", "body",
            "headers", "retry_after", "redirect_status", "probability", "seed", "times", "lasting_ms");
    /** Actions written as {@code true}; {@code false} means the key is not an action at all. */
    private static final Set<String> FLAGS = Set.of("malformed_json", "truncate", "flap", "stall", "expire",
            "stall_body");
    /** Actions that answer with a status of their own, which a body, headers and Retry-After may shape. */
    private static final Set<String> ANSWERING = Set.of("status", "storm_ms", "accept_then_status",
            "accept_then_html", "redirect");
    private static final String ANY = "ANY";

    private FaultJson() {
    }

    static Fault parse(byte[] body) {
        JsonNode root = Json.parse(body);
        if (root == null || !root.isObject()) {
            throw new Invalid(null, "the body must be a JSON object describing one fault, e.g. "
                    + "{\"route\":\"SUBMIT\",\"status\":429,\"times\":3}");
        }
        rejectUnknownKeys(root);
        String action = action(root);
        Fault fault = start(root, action);
        act(fault, root, action);
        modify(fault, root, action);
        try {
            fault.check();
        } catch (IllegalStateException e) {
            throw new Invalid(root.has("routes") ? "routes" : "route", e.getMessage());
        }
        return fault;
    }

    private static void rejectUnknownKeys(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ACTIONS.contains(name) && !MODIFIERS.contains(name)) {
                throw new Invalid(name, "unknown key; a fault takes one action of " + ACTIONS
                        + " and any of " + MODIFIERS);
            }
        }
    }

    private static String action(JsonNode root) {
        List<String> given = new ArrayList<>();
        for (String name : ACTIONS) {
            JsonNode value = root.get(name);
            if (value != null && !(FLAGS.contains(name) && value.isBoolean() && !value.booleanValue())) {
                given.add(name);
            }
        }
        if (given.isEmpty()) {
            throw new Invalid("action", "missing: give one of " + ACTIONS);
        }
        if (given.size() > 1) {
            throw new Invalid(given.get(1), "a fault does one thing, and " + given.get(0) + " is given too");
        }
        return given.get(0);
    }

    private static Fault start(JsonNode root, String action) {
        if (action.equals("storm_ms")) {
            for (String clash : List.of("route", "routes", "lasting_ms")) {
                if (root.has(clash)) {
                    throw new Invalid(clash, "a storm covers every rate-limited route for storm_ms; leave " + clash + " out");
                }
            }
            int ms = count(root, "storm_ms");
            return build("storm_ms", () -> Fault.rateLimitStorm(Duration.ofMillis(ms)));
        }
        if (root.has("route") && root.has("routes")) {
            throw new Invalid("routes", "give route or routes, not both");
        }
        if (root.has("route")) {
            return Fault.on(routes("route", List.of(root.get("route"))));
        }
        JsonNode list = root.get("routes");
        if (list == null) {
            throw new Invalid("route", "missing: name the route (or routes) the fault acts on, one of "
                    + Arrays.toString(Route.values()) + " or " + ANY);
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new Invalid("routes", "must be a non-empty array of route names");
        }
        List<JsonNode> names = new ArrayList<>();
        list.forEach(names::add);
        return Fault.on(routes("routes", names));
    }

    private static Set<Route> routes(String field, List<JsonNode> names) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw new Invalid(field, "a route is a name such as \"SUBMIT\", got " + name);
            }
            String upper = name.asText().toUpperCase(Locale.ROOT);
            if (upper.equals(ANY)) {
                routes.addAll(EnumSet.allOf(Route.class));
                continue;
            }
            try {
                routes.add(Route.valueOf(upper));
            } catch (IllegalArgumentException e) {
                throw new Invalid(field, "unknown route \"" + name.asText() + "\"; expected one of "
                        + Arrays.toString(Route.values()) + " or " + ANY);
            }
        }
        return routes;
    }

    private static void act(Fault fault, JsonNode root, String action) {
        switch (action) {
            case "status":
                int code = count(root, "status");
                build("status", () -> fault.status(code));
                break;
            case "drop":
                dropping(fault, root.get("drop"));
                break;
            case "delay_ms":
                int ms = count(root, "delay_ms");
                build("delay_ms", () -> fault.delay(Duration.ofMillis(ms)));
                break;
            case "storm_ms":
                break;
            case "accept_then_status":
                int accepted = count(root, "accept_then_status");
                build("accept_then_status", () -> fault.acceptThenStatus(accepted));
                break;
            case "accept_then_html":
                int page = count(root, "accept_then_html");
                build("accept_then_html", () -> fault.acceptThenHtml(page));
                break;
            case "stall_body_ms":
                int stall = count(root, "stall_body_ms");
                build("stall_body_ms", () -> fault.stallBody(Duration.ofMillis(stall)));
                break;
            case "redirect":
                redirecting(fault, root);
                break;
            case "foreign_urls":
                String base = text(root, "foreign_urls");
                build("foreign_urls", () -> fault.foreignUrls(base));
                break;
            default:
                flag(fault, root, action);
        }
    }

    private static void redirecting(Fault fault, JsonNode root) {
        String location = text(root, "redirect");
        int code = root.has("redirect_status") ? count(root, "redirect_status") : 302;
        build(root.has("redirect_status") ? "redirect_status" : "redirect", () -> fault.redirect(code, location));
    }

    private static void dropping(Fault fault, JsonNode value) {
        String when = value.isTextual() ? value.asText() : "";
        if (when.equals("before_accept")) {
            fault.dropBeforeAccept();
        } else if (when.equals("after_accept")) {
            fault.dropAfterAccept();
        } else {
            throw new Invalid("drop", "must be \"before_accept\" or \"after_accept\", got " + value);
        }
    }

    private static void flag(Fault fault, JsonNode root, String action) {
        if (!root.get(action).isBoolean()) {
            throw new Invalid(action, "must be true, got " + root.get(action));
        }
        switch (action) {
            case "malformed_json":
                fault.malformedJson();
                break;
            case "truncate":
                fault.truncate();
                break;
            case "flap":
                fault.flap();
                break;
            case "stall":
                fault.stall();
                break;
            case "stall_body":
                fault.stallBody();
                break;
            default:
                fault.expire();
        }
    }

    private static void modify(Fault fault, JsonNode root, String action) {
        boolean answers = ANSWERING.contains(action);
        if (root.has("model")) {
            fault.model(text(root, "model"));
        }
        if (root.has("request_id")) {
            fault.requestId(text(root, "request_id"));
        }
        if (root.has("body")) {
            onlyWithStatus("body", answers);
            JsonNode body = root.get("body");
            fault.body(body.isTextual() ? body.asText() : Json.string(body));
        }
        if (root.has("headers")) {
            onlyWithStatus("headers", answers);
            headers(fault, root.get("headers"));
        }
        if (root.has("retry_after")) {
            JsonNode flag = root.get("retry_after");
            if (!flag.isBoolean()) {
                throw new Invalid("retry_after", "must be true or false, got " + flag);
            }
            if (flag.booleanValue()) {
                onlyWithStatus("retry_after", answers);
                fault.withRetryAfter();
            }
        }
        if (root.has("redirect_status") && !action.equals("redirect")) {
            throw new Invalid("redirect_status", "goes only with redirect");
        }
        if (root.has("probability")) {
            JsonNode p = root.get("probability");
            if (!p.isNumber()) {
                throw new Invalid("probability", "must be a number within [0, 1], got " + p);
            }
            build("probability", () -> fault.probability(p.asDouble()));
        }
        if (root.has("seed")) {
            JsonNode seed = root.get("seed");
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                throw new Invalid("seed", "must be a whole number, got " + seed);
            }
            fault.seed(seed.asLong());
        }
        if (root.has("times")) {
            int times = count(root, "times");
            fault.times(times);
        }
        if (root.has("lasting_ms")) {
            int ms = count(root, "lasting_ms");
            build("lasting_ms", () -> fault.lastingFor(Duration.ofMillis(ms)));
        }
    }

    private static void onlyWithStatus(String field, boolean answers) {
        if (!answers) {
            throw new Invalid(field, "only a fault that gives an answer of its own (status, storm_ms, "
                    + "accept_then_status, accept_then_html, redirect) takes " + field);
        }
    }

    private static void headers(Fault fault, JsonNode headers) {
        if (!headers.isObject()) {
            throw new Invalid("headers", "must be an object of header names to string values");
        }
        headers.fields().forEachRemaining(header -> {
            if (!header.getValue().isTextual() || header.getKey().isBlank()) {
                throw new Invalid("headers", "header " + header.getKey() + " needs a string value, got "
                        + header.getValue());
            }
            fault.header(header.getKey(), header.getValue().asText());
        });
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Invalid(field, "must be a non-blank string, got " + value);
        }
        return value.asText();
    }

    /** A whole number from 0 to {@code Integer.MAX_VALUE}: a status, a count or milliseconds (24 days at most). */
    private static int count(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (!value.isIntegralNumber()) {
            throw new Invalid(field, "must be a whole number, got " + value);
        }
        if (!value.canConvertToInt() || value.intValue() < 0) {
            throw new Invalid(field, "must be between 0 and " + Integer.MAX_VALUE + ", got " + value);
        }
        return value.intValue();
    }

    /** Runs one builder step, naming the field when the builder rejects its value. */
    private static <T> T build(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    /** The fault as {@code /_sim/faults} shows it: what it does, what it is aimed at, and how often it struck. */
    static ObjectNode render(Fault fault) {
        ObjectNode node = Json.object()
                .put("id", fault.id())
                .put("description", fault.toString())
                .put("action", fault.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode routes = node.putArray("routes");
        fault.routes().forEach(route -> routes.add(route.name()));
        switch (fault.kind()) {
            case STATUS:
            case ACCEPT_THEN_STATUS:
            case ACCEPT_THEN_HTML:
                node.put("status", fault.statusCode());
                break;
            case REDIRECT:
                node.put("status", fault.statusCode()).put("location", fault.location());
                break;
            case DELAY:
                node.put("delay_ms", fault.delay().toMillis());
                break;
            case STALL_BODY:
                if (fault.bodyStall() != null) {
                    node.put("stall_body_ms", fault.bodyStall().toMillis());
                }
                break;
            case FOREIGN_URLS:
                node.put("foreign_urls", fault.foreignBaseUrl());
                break;
            default:
                break;
        }
        if (fault.body() != null) {
            node.put("body", fault.body());
        }
        if (!fault.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            fault.headers().forEach(headers::put);
        }
        if (fault.sendsRetryAfter()) {
            node.put("retry_after", true);
        }
        if (fault.model() != null) {
            node.put("model", fault.model());
        }
        if (fault.requestId() != null) {
            node.put("request_id", fault.requestId());
        }
        if (fault.times() >= 0) {
            node.put("times", fault.times());
        }
        if (fault.probability() < 1) {
            node.put("probability", fault.probability()).put("seed", fault.seed());
        }
        if (fault.endsAt() != null) {
            node.put("lasting_ms", fault.lifetime().toMillis()).put("ends_at", fault.endsAt().toString());
        }
        return node.put("injected", fault.injected());
    }
}
