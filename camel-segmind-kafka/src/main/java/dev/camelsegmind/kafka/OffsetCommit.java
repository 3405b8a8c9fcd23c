package dev.camelsegmind.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's position on one request partition, committed inside a pending-topic transaction. */
record OffsetCommit(String groupId, String topic, int partition, long nextOffset) {

    Map<TopicPartition, OffsetAndMetadata> asMap() {
        return Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(nextOffset));
    }
}
