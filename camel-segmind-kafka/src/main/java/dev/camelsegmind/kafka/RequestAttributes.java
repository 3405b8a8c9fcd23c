package dev.camelsegmind.kafka;

import java.util.Map;

import dev.camelsegmind.component.store.PendingJob;

/**
 * What a pending job records about the request record it was taken from (in {@link PendingJob#attributes()}), so the
 * node that owns the request's partition after a rebalance can find the request again and address its outcome. A job
 * with these attributes is <em>request-bound</em>: its claim becomes durable together with the request's offset, and
 * its entry is removed only together with the outcome message.
 */
public final class RequestAttributes {

    /** The request record's key: the request's identity, and the key of its outcome message. */
    public static final String KEY = "kafka.request.key";
    public static final String TOPIC = "kafka.request.topic";
    public static final String PARTITION = "kafka.request.partition";
    public static final String OFFSET = "kafka.request.offset";

    private RequestAttributes() {
    }

    public static Map<String, String> of(String key, String topic, int partition, long offset) {
        return Map.of(KEY, key, TOPIC, topic, PARTITION, String.valueOf(partition), OFFSET, String.valueOf(offset));
    }

    public static boolean isRequestBound(PendingJob job) {
        return job != null && job.attributes().get(KEY) != null && job.attributes().get(PARTITION) != null;
    }

    public static String key(PendingJob job) {
        return job.attributes().get(KEY);
    }

    public static int partition(PendingJob job) {
        return Integer.parseInt(job.attributes().get(PARTITION));
    }

    /** The request's offset, or -1 when the entry does not say. */
    public static long offset(PendingJob job) {
        String o = job.attributes().get(OFFSET);
        return o == null ? -1 : Long.parseLong(o);
    }
}
