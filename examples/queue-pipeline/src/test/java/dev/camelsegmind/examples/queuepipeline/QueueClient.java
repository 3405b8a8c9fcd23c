package dev.camelsegmind.examples.queuepipeline;

import java.util.HashMap;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;

/** Another application on the broker: plain JMS, its own connection, nothing shared with the pipeline. */
final class QueueClient implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final Map<String, MessageConsumer> consumers = new HashMap<>();

    QueueClient(String brokerUrl) throws JMSException {
        connection = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    void send(String queue, String text, String correlationId) throws JMSException {
        TextMessage message = session.createTextMessage(text);
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
    }

    /** The next message of the queue, or null after the timeout. One consumer per queue, kept open. */
    Message receive(String queue, long timeoutMillis) throws JMSException {
        MessageConsumer consumer = consumers.get(queue);
        if (consumer == null) {
            consumer = session.createConsumer(session.createQueue(queue));
            consumers.put(queue, consumer);
        }
        return consumer.receive(timeoutMillis);
    }

    static byte[] bytes(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
