package dev.camelsegmind.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler wants sent. Handlers return replies instead of writing them so faults can
 * still hold back, mangle, cut or swallow the answer after the work is done.
 */
final class Reply {

    private static final Reply DROP = new Reply(-1, null);

    private final int status;
    private final Body body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;

    private Reply(int status, Body body) {
        this.status = status;
        this.body = body;
    }

    static Reply json(int status, Object value) {
        return of(status, "application/json", Body.bytes(Json.bytes(value)));
    }

    /** Raw text labelled as JSON, for fault bodies the test wrote itself. */
    static Reply rawJson(int status, String text) {
        return of(status, "application/json", Body.bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Reply html(int status, String html) {
        return of(status, "text/html; charset=utf-8", Body.bytes(html.getBytes(StandardCharsets.UTF_8)));
    }

    static Reply media(MediaFile file) {
        return of(200, file.contentType(), file.body());
    }

    static Reply of(int status, String contentType, Body body) {
        return new Reply(status, body).header("Content-Type", contentType);
    }

    /** Close the connection without answering. */
    static Reply drop() {
        return DROP;
    }

    /** The same answer (status, headers, timing) with another body. */
    Reply withBody(Body other) {
        Reply copy = new Reply(status, other);
        copy.headers.putAll(headers);
        copy.delay = delay;
        return copy;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Answer only after this much real time, without holding a thread meanwhile. */
    Reply delayedBy(Duration wait) {
        this.delay = wait.isNegative() ? Duration.ZERO : wait;
        return this;
    }

    int status() {
        return status;
    }

    Body body() {
        return body;
    }

    long length() {
        return body == null ? 0 : body.length();
    }

    Map<String, String> headers() {
        return headers;
    }

    Duration delay() {
        return delay;
    }

    boolean json() {
        String type = headers.get("Content-Type");
        return type != null && MediaTypes.baseType(type).equals("application/json");
    }

    boolean dropped() {
        return this == DROP;
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}
