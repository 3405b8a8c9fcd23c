package dev.camelsegmind.examples.scaleout;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends sample requests ({@code -Dcount=20}, {@code -Dmodel=...}), each keyed by its own id: the key is the request's
 * identity, so sending a record with the same key again while its job runs adds no second job.
 */
public final class SendRequests {

    private SendRequests() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("count", 20);
        String model = System.getProperty("model");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                Cli.bootstrapServers(), "acks", "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 1; i <= count; i++) {
                String key = "sample-" + run + "-" + i;
                String json = "{" + (model != null ? "\"model\": \"" + model + "\", " : "")
                        + "\"prompt\": \"sample " + i + ": a lighthouse at dawn, seen from the sea\", \"size\": \"1K\"}";
                producer.send(new ProducerRecord<>(Cli.setting("requests-topic", "segmind.requests"), key, json));
            }
            producer.flush();
        }
        System.out.println("sent " + count + " requests, keys sample-" + run + "-1 to sample-" + run + "-" + count);
    }
}
