package dev.camelsegmind.kafka;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Takes Segmind generation requests from a Kafka topic across a cluster of nodes: each request partition is worked by
 * one node at a time, and every request gets exactly one outcome message, whichever node finishes it.
 */
@Component("segmind-kafka")
public class SegmindKafkaComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SegmindKafkaEndpoint endpoint = new SegmindKafkaEndpoint(uri, this);
        endpoint.setTopic(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
