package dev.camelsegmind.examples.scaleout;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.camelsegmind.kafka.testing.KafkaBrokerProcess;

/**
 * A local Kafka broker for trying the example without installing Kafka: the same broker process the tests use
 * (KRaft mode, loopback, port {@code -Dport=9092}), with its data in {@code target/local-kafka}, until Ctrl-C.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("scaleout.home", "."));
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(home.resolve("target/local-kafka"),
                Integer.getInteger("port", 9092));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("Kafka broker at " + broker.bootstrapServers() + " (pid " + broker.pid() + ", data in "
                + broker.directory() + "); Ctrl-C stops it");
        stopped.await();
    }
}
