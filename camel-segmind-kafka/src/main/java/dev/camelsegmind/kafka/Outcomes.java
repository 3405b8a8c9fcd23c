package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.support.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The one message each request ends with: the route's result on the results topic, or a report on the dead letters. */
final class Outcomes {

    private final String resultsTopic;
    private final String deadLetterTopic;
    private final String node;

    Outcomes(String resultsTopic, String deadLetterTopic, String node) {
        this.resultsTopic = resultsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.node = node;
    }

    /** The route's last message: its body, and its simple CamelSegmind* headers as Kafka headers. */
    ProducerRecord<String, byte[]> result(String key, Exchange exchange, String claimedBy) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        byte[] value = body == null ? new byte[0]
                : exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        if (value == null) {
            // a body Camel cannot turn into bytes: its text, rather than an empty record that reads as a tombstone
            value = String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        }
        RecordHeaders headers = new RecordHeaders();
        m.getHeaders().forEach((name, v) -> {
            if (name.startsWith("CamelSegmind") && !name.startsWith("CamelSegmindKafka") && isSimple(v)) {
                headers.add(name, String.valueOf(v).getBytes(StandardCharsets.UTF_8));
            }
        });
        tag(headers, claimedBy);
        return new ProducerRecord<>(resultsTopic, null, key, value, headers);
    }

    /** A report of the exception the route ended with. */
    ProducerRecord<String, byte[]> failure(String key, Exchange exchange, Throwable error, String claimedBy) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("key", key);
        report.put("error", error.getClass().getSimpleName());
        report.put("message", SafeText.forMessage(error.getMessage(), 2000));
        if (error instanceof SegmindException se) {
            report.put("requestId", se.getRequestId());
            report.put("model", se.getModel());
            report.put("retryable", se.isRetryable());
        }
        String requestId = exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        if (report.get("requestId") == null && requestId != null) {
            report.put("requestId", requestId);
        }
        report.put("uncertain", error instanceof SegmindSubmitUncertainException);
        return deadLetter(key, report, claimedBy);
    }

    /** A job found mid-submit after its node was lost: it may have been accepted and billed, and is never sent again. */
    ProducerRecord<String, byte[]> uncertain(String key, PendingJob job) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("key", key);
        report.put("error", "SubmitUncertain");
        report.put("message", "Node " + job.owner() + " was sending this request's submit to " + job.provider()
                + " (" + job.model() + ") since " + job.since() + " when it was lost; Segmind may have accepted and"
                + " billed it, and has no idempotency key to ask with, so it is not sent again. Check the account's"
                + " usage; to generate it anyway, send the request again with a new key");
        report.put("model", job.model());
        report.put("uncertain", true);
        return deadLetter(key, report, job.owner());
    }

    /** A job that cannot be followed any more, or whose request cannot be read again. */
    ProducerRecord<String, byte[]> lost(String key, PendingJob job, String why) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("key", key);
        report.put("error", "JobNotResumed");
        report.put("message", why);
        report.put("requestId", job.requestId());
        report.put("model", job.model());
        report.put("uncertain", false);
        return deadLetter(key, report, job.owner());
    }

    private ProducerRecord<String, byte[]> deadLetter(String key, Map<String, Object> report, String claimedBy) {
        report.put("node", node);
        RecordHeaders headers = new RecordHeaders();
        tag(headers, claimedBy);
        return new ProducerRecord<>(deadLetterTopic, null, key, Json.write(report), headers);
    }

    private void tag(RecordHeaders headers, String claimedBy) {
        headers.add(SegmindKafkaConstants.WRITTEN_BY, node.getBytes(StandardCharsets.UTF_8));
        if (claimedBy != null) {
            headers.add(SegmindKafkaConstants.CLAIMED_BY, claimedBy.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isSimple(Object v) {
        return v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Enum<?>;
    }
}
