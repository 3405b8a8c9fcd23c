package dev.camelsegmind.examples.scaleout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.kafka.SegmindKafkaConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The result message: where the media is (the shared directory, or in production an object store's key), what it is,
 * and what the job cost, as JSON. The media itself never travels through Kafka.
 */
final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {
    }

    static void fromMedia(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        List<Map<String, Object>> media = new ArrayList<>();
        Object body = m.getBody();
        List<?> items = body instanceof List<?> l ? l : List.of(body);
        for (Object item : items) {
            if (item instanceof SegmindMedia sm) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", sm.getFileName());
                one.put("path", sm.getDownloadedFile() != null ? sm.getDownloadedFile().toAbsolutePath().toString()
                        : null);
                one.put("contentType", sm.getContentType());
                one.put("bytes", sm.getSize());
                media.add(one);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("key", m.getHeader(SegmindKafkaConstants.KEY));
        result.put("requestId", m.getHeader(SegmindConstants.REQUEST_ID));
        result.put("model", m.getHeader(SegmindConstants.JOB_MODEL));
        result.put("media", media);
        result.put("inferenceTime", m.getHeader(SegmindConstants.INFERENCE_TIME));
        result.put("cost", m.getHeader(SegmindConstants.COST));
        result.put("takenOver", m.getHeader(SegmindKafkaConstants.TAKEN_OVER));
        m.setHeader(Exchange.FILE_NAME, media.isEmpty() ? null : media.get(0).get("file"));
        m.setBody(JSON.writeValueAsString(result));
    }
}
