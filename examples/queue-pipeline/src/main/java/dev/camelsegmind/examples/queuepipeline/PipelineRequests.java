package dev.camelsegmind.examples.queuepipeline;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a request from {@code segmind.requests} (a JSON object: the model's parameters, optionally {@code "model"})
 * into the payload Map and model header the Segmind producer reads. A message that is no JSON object fails with the
 * component's own exception for bad input, so it takes the same way to {@code segmind.failed}.
 */
final class PipelineRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineRequests() {
    }

    static void toPayload(Exchange exchange) {
        Message in = exchange.getMessage();
        String text = in.getBody(String.class);
        exchange.setProperty(PipelineHeaders.ORIGINAL_REQUEST, text);
        Map<String, Object> payload = parse(text);
        Object model = payload.remove("model");
        Object correlationId = in.getHeader(PipelineHeaders.CORRELATION_ID);
        in.getHeaders().clear();
        if (correlationId != null) {
            in.setHeader(PipelineHeaders.CORRELATION_ID, correlationId);
        }
        if (model != null) {
            in.setHeader(SegmindConstants.MODEL, model.toString());
        }
        in.setBody(payload);
    }

    static Map<String, Object> parse(String text) {
        JsonNode tree;
        try {
            tree = text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SegmindValidationException("The request is not valid JSON: send a JSON object such as"
                    + " {\"prompt\": \"a slow pan\", \"image\": \"https://...\"}", "body", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new SegmindValidationException("The request must be a JSON object, for example"
                    + " {\"prompt\": \"a slow pan\", \"image\": \"https://...\"}", "body", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = JSON.convertValue(tree, Map.class);
        return payload;
    }
}
