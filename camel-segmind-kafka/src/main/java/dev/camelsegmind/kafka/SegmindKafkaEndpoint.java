package dev.camelsegmind.kafka;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Segmind generation requests from a Kafka topic, worked by a cluster of nodes that share a consumer group. The route
 * sends each request to a {@code segmind:} endpoint; its last message is written to the results topic, its failure to
 * the dead-letter topic, in one Kafka transaction with the removal of the request's pending job.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "segmind-kafka", title = "Segmind Kafka",
             syntax = "segmind-kafka:topic", consumerOnly = true, category = { Category.AI, Category.MESSAGING },
             headersClass = SegmindKafkaConstants.class)
public class SegmindKafkaEndpoint extends DefaultEndpoint {

    @UriPath(description = "The request topic. Records are keyed by the request's identity (the job key); the value is"
                           + " the request, for the route to turn into a Segmind call.")
    @Metadata(required = true)
    private String topic;
    @UriParam(description = "The topic each finished request's outcome goes to, keyed by the request's key: the"
                            + " route's last message body, and its CamelSegmind headers as Kafka headers.")
    @Metadata(required = true)
    private String resultsTopic;
    @UriParam(description = "The topic a failed request's report goes to (JSON: key, error, message, requestId, model,"
                            + " node, uncertain), keyed by the request's key.")
    @Metadata(required = true)
    private String deadLetterTopic;
    @UriParam(defaultValue = "segmind-workers", description = "The consumer group the nodes of one cluster share.")
    private String groupId = "segmind-workers";
    @UriParam(defaultValue = "segmind", description = "The name of the segmind component whose engine runs the jobs"
                                                      + " and whose pendingJobStore must be the KafkaPendingJobStore"
                                                      + " of this cluster.")
    private String segmindComponent = "segmind";
    @UriParam(defaultValue = "0", description = "The plan's limit of Segmind API calls per minute for the whole cluster"
                                                + " (status reads count). Each node gets the share of the request"
                                                + " partitions it owns; a partition taken over counts one minute later,"
                                                + " when the calls its previous owner made for it have left Segmind's"
                                                + " window. 0: no division (the segmind component's own"
                                                + " maxRequestsPerMinute applies per node).")
    private int requestsPerMinute;
    @UriParam(defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long the group waits for a silent node before giving its partitions to the others:"
                            + " the longest a killed node's jobs wait for their new owner.")
    private long sessionTimeout = 10_000;
    @UriParam(defaultValue = "100", description = "Requests read ahead per partition; beyond it the partition is paused"
                                                  + " until the queue drains.")
    private int maxQueuedRequests = 100;

    public SegmindKafkaEndpoint(String uri, SegmindKafkaComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("segmind-kafka is consumer only: write requests with camel-kafka or any"
                + " Kafka producer");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SegmindKafkaConsumer consumer = new SegmindKafkaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getTopic() {
        return topic;
    }

    /**
     * The request topic. Records are keyed by the request's identity (the job key); the value is the request, for the
     * route to turn into a Segmind call.
     */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getResultsTopic() {
        return resultsTopic;
    }

    /**
     * The topic each finished request's outcome goes to, keyed by the request's key: the route's last message body,
     * and its CamelSegmind headers as Kafka headers.
     */
    public void setResultsTopic(String resultsTopic) {
        this.resultsTopic = resultsTopic;
    }

    public String getDeadLetterTopic() {
        return deadLetterTopic;
    }

    /**
     * The topic a failed request's report goes to (JSON: key, error, message, requestId, model, node, uncertain), keyed
     * by the request's key.
     */
    public void setDeadLetterTopic(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    public String getGroupId() {
        return groupId;
    }

    /** The consumer group the nodes of one cluster share. */
    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getSegmindComponent() {
        return segmindComponent;
    }

    /**
     * The name of the segmind component whose engine runs the jobs and whose pendingJobStore must be the
     * KafkaPendingJobStore of this cluster.
     */
    public void setSegmindComponent(String segmindComponent) {
        this.segmindComponent = segmindComponent;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /**
     * The plan's limit of Segmind API calls per minute for the whole cluster (status reads count). Each node gets the
     * share of the request partitions it owns; a partition taken over counts one minute later, when the calls its
     * previous owner made for it have left Segmind's window. 0: no division (the segmind component's own
     * maxRequestsPerMinute applies per node).
     */
    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public long getSessionTimeout() {
        return sessionTimeout;
    }

    /**
     * How long the group waits for a silent node before giving its partitions to the others: the longest a killed
     * node's jobs wait for their new owner.
     */
    public void setSessionTimeout(long sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public int getMaxQueuedRequests() {
        return maxQueuedRequests;
    }

    /** Requests read ahead per partition; beyond it the partition is paused until the queue drains. */
    public void setMaxQueuedRequests(int maxQueuedRequests) {
        this.maxQueuedRequests = maxQueuedRequests;
    }
}
