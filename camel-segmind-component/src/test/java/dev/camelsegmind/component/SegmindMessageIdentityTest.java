package dev.camelsegmind.component;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the default job key takes from a message to tell it from another with the same content, per consumer: the
 * same delivered again maps to the same identity, a new message to a new one (docs/reliability.md, "What identifies a
 * message").
 */
class SegmindMessageIdentityTest {

    private final CamelContext context = new DefaultCamelContext();

    private String identity(Map<String, Object> headers, Map<String, Object> properties) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("same words");
        headers.forEach(exchange.getMessage()::setHeader);
        properties.forEach(exchange::setProperty);
        return SegmindRequestSupport.messageIdentity(exchange);
    }

    @Test
    void jmsByItsMessageId() {
        String first = identity(Map.of("JMSMessageID", "ID:broker-1-42", "JMSRedelivered", false), Map.of());
        String redelivered = identity(Map.of("JMSMessageID", "ID:broker-1-42", "JMSRedelivered", true), Map.of());
        assertThat(redelivered).isEqualTo(first).isEqualTo("jms:ID:broker-1-42");
        assertThat(identity(Map.of("JMSMessageID", "ID:broker-1-43"), Map.of())).isNotEqualTo(first);
    }

    @Test
    void kafkaByTheRecordsPlaceInItsLog() {
        Map<String, Object> record = Map.of("kafka.TOPIC", "prompts", "kafka.PARTITION", 3, "kafka.OFFSET", 1200L);
        assertThat(identity(record, Map.of())).isEqualTo(identity(record, Map.of()))
                .isEqualTo("kafka:prompts/3/1200");
        assertThat(identity(Map.of("kafka.TOPIC", "prompts", "kafka.PARTITION", 3, "kafka.OFFSET", 1201L), Map.of()))
                .as("the next record").isNotEqualTo(identity(record, Map.of()));
        assertThat(identity(Map.of("kafka.TOPIC", "prompts", "kafka.PARTITION", 4, "kafka.OFFSET", 1200L), Map.of()))
                .as("another partition").isNotEqualTo(identity(record, Map.of()));
    }

    @Test
    void aFileByItsPathTimeAndLength() {
        Map<String, Object> file = Map.of(Exchange.FILE_PATH, "in/clip-01.txt", Exchange.FILE_LAST_MODIFIED, 1000L,
                Exchange.FILE_LENGTH, 42L);
        assertThat(identity(file, Map.of())).isEqualTo("file:in/clip-01.txt@1000#42");
        assertThat(identity(Map.of(Exchange.FILE_PATH, "in/clip-01.txt", Exchange.FILE_LAST_MODIFIED, 2000L,
                Exchange.FILE_LENGTH, 42L), Map.of())).as("the same file written again").isNotEqualTo(
                identity(file, Map.of()));
    }

    @Test
    void otherwiseTheExchangeAndThePartOfASplitOrMulticast() {
        Exchange exchange = new DefaultExchange(context);
        assertThat(SegmindRequestSupport.messageIdentity(exchange)).isEqualTo("exchange:" + exchange.getExchangeId());
        Map<String, Object> jms = Map.of("JMSMessageID", "ID:7");
        assertThat(identity(jms, Map.of(Exchange.SPLIT_INDEX, 0)))
                .isNotEqualTo(identity(jms, Map.of(Exchange.SPLIT_INDEX, 1)))
                .isEqualTo("jms:ID:7|CamelSplitIndex=0");
        assertThat(identity(jms, Map.of(Exchange.MULTICAST_INDEX, 1))).isEqualTo("jms:ID:7|CamelMulticastIndex=1");
    }
}
