package dev.camelsegmind.kafka.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Kafka broker process for every test class of a run that registers this extension (it starts in 10 to 20 s on a
 * busy machine), stopped when the run ends. Tests keep out of each other's way with topics of their own
 * ({@link #uniqueName}).
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBrokerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    public static KafkaBrokerProcess broker(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("broker", k -> new Running(),
                Running.class).broker;
    }

    /** A topic or group name no other test of the run uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final KafkaBrokerProcess broker;

        Running() {
            try {
                broker = KafkaBrokerProcess.start(Path.of(System.getProperty("kafka.test.dir", "target/kafka-test"),
                        "broker-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis()));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the Kafka broker for the tests", e);
            }
        }

        @Override
        public void close() throws Exception {
            broker.close();
        }
    }
}
