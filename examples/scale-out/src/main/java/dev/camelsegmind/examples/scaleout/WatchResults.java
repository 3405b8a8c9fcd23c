package dev.camelsegmind.examples.scaleout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the results and dead letters as they are committed, with the node that claimed each job and the node that
 * wrote its outcome, until Ctrl-C. Reads committed transactions only, as every reader of these topics should.
 */
public final class WatchResults {

    private WatchResults() {
    }

    public static void main(String[] args) {
        String results = Cli.setting("results-topic", "segmind.results");
        String failed = Cli.setting("dead-letter-topic", "segmind.failed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", Cli.bootstrapServers(),
                "group.id", "watch-results-" + ProcessHandle.current().pid(),
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(results, failed));
            System.out.println("watching " + results + " and " + failed + " (Ctrl-C to stop)");
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println((r.topic().equals(failed) ? "FAILED " : "result ") + r.key() + " [claimed by "
                            + header(r, "CamelSegmindKafkaClaimedBy") + ", written by "
                            + header(r, "CamelSegmindKafkaWrittenBy") + "] " + r.value());
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
