package dev.camelsegmind.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request on its way through the simulator, carrying what the journal needs to know about
 * it. Used by one thread at a time: the handler thread, then the thread that sends the answer.
 */
final class Call {

    private static final byte[] EMPTY = new byte[0];

    private final HttpExchange exchange;
    private final RouteMatch match;
    private final Instant receivedAt;
    private byte[] body = EMPTY;
    private Map<String, Object> payload;
    private String model;
    private String requestId;
    private String apiKey;
    private Fault fault;

    Call(HttpExchange exchange, RouteMatch match, Instant receivedAt) {
        this.exchange = exchange;
        this.match = match;
        this.receivedAt = receivedAt;
        this.model = match.slug();
        this.requestId = match.requestId();
    }

    /** Reads the whole body, so the connection can be reused; {@code false} when it is over the limit. */
    boolean readBody(int max) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] read = in.readNBytes(max + 1);
            if (read.length > max) {
                in.transferTo(OutputStream.nullOutputStream());
                body = EMPTY;
                return false;
            }
            body = read;
            return true;
        }
    }

    HttpExchange exchange() {
        return exchange;
    }

    RouteMatch match() {
        return match;
    }

    Route route() {
        return match.route();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    Instant receivedAt() {
        return receivedAt;
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return exchange.getRequestHeaders().getFirst("Content-Type");
    }

    boolean hasJsonContentType() {
        String type = contentType();
        return type != null && MediaTypes.baseType(type).equals("application/json");
    }

    boolean apiKeyPresent() {
        return exchange.getRequestHeaders().containsKey("x-api-key");
    }

    /** The accepted key that made the call; {@code null} on routes that need none. */
    String apiKey() {
        return apiKey;
    }

    void apiKey(String key) {
        this.apiKey = key;
    }

    Map<String, Object> payload() {
        return payload;
    }

    void payload(Map<String, Object> parsed) {
        this.payload = parsed;
    }

    String model() {
        return model;
    }

    void model(String slug) {
        this.model = slug;
    }

    String requestId() {
        return requestId;
    }

    void requestId(String id) {
        this.requestId = id;
    }

    Fault fault() {
        return fault;
    }

    void fault(Fault applied) {
        this.fault = applied;
    }

    JournalEntry journalEntry(int status, Instant at) {
        return new JournalEntry(at, match.route(), method(), path(), exchange.getRequestURI().getRawQuery(),
                maskedHeaders(), model, requestId, status, apiKeyPresent(), contentType(), body.length, payload,
                fault == null ? null : fault.tag());
    }

    /** Request headers as sent, but with credentials cut to a recognisable tail. */
    private Map<String, String> maskedHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> {
            String value = String.join(", ", values);
            if (name.equalsIgnoreCase("x-api-key")) {
                value = ApiKeys.mask(value);
            } else if (name.equalsIgnoreCase("Authorization")) {
                int space = value.indexOf(' ');
                value = (space > 0 ? value.substring(0, space + 1) : "") + ApiKeys.mask(value.substring(space + 1));
            }
            headers.put(name.toLowerCase(Locale.ROOT), value);
        });
        return Collections.unmodifiableMap(headers);
    }
}
