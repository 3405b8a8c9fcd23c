package dev.camelsegmind.examples.restapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The answers the service gives. Each replaces the message's headers with the response's own, so nothing from the
 * request or the component leaks back to the client.
 */
final class HttpReplies {

    static final String REQUEST_ID_HEADER = "X-Segmind-Request-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpReplies() {
    }

    /** 200 with the media itself; a JSON list of URLs for an image set, the output for a model that makes no media. */
    static void media(Exchange exchange) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        Object body = m.getBody();
        if (body instanceof SegmindMedia media) {
            byte[] bytes = media.toBytes();
            start(m, 200, requestId);
            m.setHeader(Exchange.CONTENT_TYPE, media.getContentType());
            m.setBody(bytes);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", requestId);
        if (body instanceof List<?>) {
            json.put("outputs", m.getHeader(SegmindConstants.OUTPUT_URLS, List.class));
        } else {
            json.put("output", body);
        }
        json(m, 200, requestId, json);
    }

    /** 202 for ?async=true: where to follow the job. */
    static void accepted(Exchange exchange) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        String statusUrl = "/jobs/" + requestId;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", requestId);
        json.put("statusUrl", statusUrl);
        json(m, 202, requestId, json);
        m.setHeader("Location", statusUrl);
    }

    /** 202 while the job is queued or rendering. */
    static void pending(Exchange exchange) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", requestId);
        json.put("status", m.getHeader(SegmindConstants.STATUS, String.class));
        json(m, 202, requestId, json);
    }

    /** 422 for a job that ended FAILED, read with operation=status (await raises SegmindJobFailedException). */
    static void failed(Exchange exchange) {
        Message m = exchange.getMessage();
        String requestId = m.getHeader(SegmindConstants.REQUEST_ID, String.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", "The job failed");
        json.put("detail", m.getHeader(SegmindConstants.ERROR, String.class));
        json.put("requestId", requestId);
        json(m, 422, requestId, json);
    }

    static void json(Message m, int status, String requestId, Map<String, Object> body) {
        start(m, status, requestId);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            m.setBody(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    private static void start(Message m, int status, String requestId) {
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (requestId != null) {
            m.setHeader(REQUEST_ID_HEADER, requestId);
        }
    }
}
