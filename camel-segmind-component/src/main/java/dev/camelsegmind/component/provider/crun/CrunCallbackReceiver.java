package dev.camelsegmind.component.provider.crun;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import dev.camelsegmind.component.provider.crun.CrunCallbacks.Outcome;
import dev.camelsegmind.component.support.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers crun's callbacks. In this order, each step before the body is trusted: the size (413 above the cap), the
 * URL's reference and token (404 for a wrong token and for an unknown reference alike, so a caller learns nothing),
 * then the body's {@code task_id}, which must be the task the URL was made for. A callback never completes a job: it
 * only asks the engine to read the task now, once; the answer is 200 as soon as that is arranged, and the read runs
 * on the component's own threads.
 */
public final class CrunCallbackReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CrunCallbackReceiver.class);

    private final CrunCallbacks callbacks;
    private final long maxBodySize;
    private final Predicate<String> signal;

    /**
     * @param signal tells the engine that a task may have ended; false when no job here waits for it
     */
    public CrunCallbackReceiver(CrunCallbacks callbacks, long maxBodySize, Predicate<String> signal) {
        this.callbacks = callbacks;
        this.maxBodySize = maxBodySize;
        this.signal = signal;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Outcome outcome;
        try {
            outcome = decide(message);
        } catch (RuntimeException e) {
            LOG.debug("A crun callback could not be read: {}", e.toString());
            outcome = callbacks.count(Outcome.BAD_BODY);
        }
        if (outcome != Outcome.SIGNALLED) {
            LOG.debug("crun callback: {}", outcome);
        }
        // nothing of the request (its token among the query headers) goes back in the answer
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, outcome.status());
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        message.setBody(outcome.status() == 200 ? "OK" : outcome.name());
    }

    private Outcome decide(Message message) {
        Long declared = message.getHeader("Content-Length", Long.class);
        if (declared != null && declared > maxBodySize) {
            return callbacks.count(Outcome.TOO_LARGE);
        }
        byte[] body = read(message);
        if (body == null) {
            return callbacks.count(Outcome.TOO_LARGE);
        }
        Map<String, String> query = query(message.getHeader(Exchange.HTTP_QUERY, String.class));
        String ref = query.getOrDefault("ref", message.getHeader("ref", String.class));
        String token = query.getOrDefault("token", message.getHeader("token", String.class));
        Outcome refused = callbacks.verify(ref, token);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> data;
        try {
            data = Json.parseObject(body);
        } catch (IOException e) {
            return callbacks.count(Outcome.BAD_BODY);
        }
        Object taskId = data.get("task_id");
        if (!(taskId instanceof String id) || id.isBlank()) {
            return callbacks.count(Outcome.BAD_BODY);
        }
        Outcome outcome = callbacks.accept(ref, id);
        if (outcome == Outcome.SIGNALLED && !signal.test(id)) {
            LOG.debug("crun called back for task {}, which no job here is waiting for (yet)", id);
        }
        return outcome;
    }

    /** The body, or null when it is larger than the cap; read no further than one byte past it. */
    private byte[] read(Message message) {
        Object body = message.getBody();
        byte[] bytes;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof InputStream in) {
            try (InputStream stream = in) {
                bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            } catch (IOException e) {
                return new byte[0];
            }
        } else {
            bytes = message.getBody(byte[].class);
            if (bytes == null) {
                bytes = new byte[0];
            }
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }
}
