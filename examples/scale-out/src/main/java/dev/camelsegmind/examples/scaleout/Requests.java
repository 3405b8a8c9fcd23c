package dev.camelsegmind.examples.scaleout;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * A request is a JSON object of the model's parameters ({@code prompt}, {@code size}, ...), optionally with
 * {@code "model"}. The same request always gives the same payload and model, so a node that takes it over finds the
 * job it belongs to.
 */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    @SuppressWarnings("unchecked")
    static void toPayload(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        Map<String, Object> request;
        try {
            request = new LinkedHashMap<>(JSON.readValue(body == null ? "" : body, Map.class));
        } catch (IOException e) {
            throw new InvalidPayloadException(exchange, Map.class);
        }
        Object model = request.remove("model");
        if (model != null) {
            exchange.getMessage().setHeader(SegmindConstants.MODEL, model.toString());
        }
        exchange.getMessage().setBody(request);
    }
}
