package dev.camelsegmind.examples.queuepipeline;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The {@code jms} component on one shared ActiveMQ connection (routes' consumers and producers alike, instead of a
 * connection per sent message), closed when the component stops: before an embedded broker goes away, not after.
 */
final class PipelineJmsComponent extends JmsComponent {

    private final CachingConnectionFactory connections;

    PipelineJmsComponent(String brokerUrl) {
        connections = new CachingConnectionFactory(new ActiveMQConnectionFactory(brokerUrl));
        // a cached consumer would keep its prefetched messages to itself between receives
        connections.setCacheConsumers(false);
        setConnectionFactory(connections);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        connections.resetConnection();
    }
}
