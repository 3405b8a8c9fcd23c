package dev.camelsegmind.kafka;

import org.apache.camel.spi.Metadata;

/** The headers the segmind-kafka consumer sets on each request's exchange, and on the outcome messages it writes. */
public final class SegmindKafkaConstants {

    @Metadata(label = "consumer", description = "The request record's key: the request's identity. The job key of"
                                                + " its Segmind job, and the key of its outcome message.",
              javaType = "String")
    public static final String KEY = "CamelSegmindKafkaKey";
    @Metadata(label = "consumer", description = "The partition of the request topic the request came from.",
              javaType = "Integer")
    public static final String PARTITION = "CamelSegmindKafkaPartition";
    @Metadata(label = "consumer", description = "The request record's offset in its partition.", javaType = "Long")
    public static final String OFFSET = "CamelSegmindKafkaOffset";
    @Metadata(label = "consumer", description = "True when this node took the request's job over from another node"
                                                + " (a rebalance): the job was accepted before and is followed, never"
                                                + " submitted again.",
              javaType = "Boolean")
    public static final String TAKEN_OVER = "CamelSegmindKafkaTakenOver";
    @Metadata(label = "consumer", description = "The node (Camel context name) that claimed the request's job; on an"
                                                + " outcome message, a Kafka header of the same name.",
              javaType = "String")
    public static final String CLAIMED_BY = "CamelSegmindKafkaClaimedBy";
    @Metadata(label = "consumer", description = "On an outcome message (a Kafka header): the node that wrote it.",
              javaType = "String")
    public static final String WRITTEN_BY = "CamelSegmindKafkaWrittenBy";

    private SegmindKafkaConstants() {
    }
}
