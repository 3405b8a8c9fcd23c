package dev.camelsegmind.examples.restapi;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a generation request into what the Segmind producer reads: the JSON object becomes the payload (a Map), its
 * {@code "model"} field the model header, and {@code ?async=true} an exchange property. Bad JSON fails here, before
 * any call, with the same exception type the component uses for bad input, so it maps to the same 400.
 */
final class GenerationRequests implements Processor {

    static final String ASYNC = "SegmindRestAsync";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String defaultModel;

    GenerationRequests(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        boolean async = "true".equalsIgnoreCase(in.getHeader("async", String.class));
        Map<String, Object> payload = parse(in.getBody(byte[].class));
        Object model = payload.remove("model");
        // the HTTP request's headers are not for the component, and no client may steer it with CamelSegmind* ones
        in.getHeaders().clear();
        in.setHeader(SegmindConstants.MODEL, model != null ? model.toString() : defaultModel);
        exchange.setProperty(ASYNC, async);
        in.setBody(payload);
    }

    static Map<String, Object> parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new SegmindValidationException("The request needs a JSON object body, for example"
                    + " {\"prompt\": \"a lighthouse at dawn\"}", "body", null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() != null
                    ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
            throw new SegmindValidationException("The body is not valid JSON" + where + ": send a JSON object such as"
                    + " {\"prompt\": \"a lighthouse at dawn\"}", "body", null);
        } catch (IOException e) {
            throw new SegmindValidationException("The body cannot be read", "body", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new SegmindValidationException("The body must be a JSON object, for example"
                    + " {\"prompt\": \"a lighthouse at dawn\"}", "body", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = JSON.convertValue(tree, Map.class);
        return payload;
    }
}
