package dev.camelsegmind.simulator.junit;

import dev.camelsegmind.simulator.SegmindSimulator;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link SegmindSimulator} for a test class and closes it afterwards:
 * <pre>{@code
 * @RegisterExtension
 * static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder().timeFactor(0.01).build();
 * }</pre>
 * In a static field the simulator lives for the whole class (nested classes share it); in an
 * instance field it is started and closed around each test.
 */
public final class SegmindSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SegmindSimulator.Builder settings;
    private volatile SegmindSimulator simulator;
    /** The context that started the simulator and so must close it; nested classes must not. */
    private String owner;

    private SegmindSimulatorExtension(SegmindSimulator.Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running simulator. */
    public SegmindSimulator simulator() {
        SegmindSimulator running = simulator;
        if (running == null) {
            throw new IllegalStateException("the simulator runs only while a test is running");
        }
        return running;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public String apiKey() {
        return simulator().defaultApiKey();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    private synchronized void startFor(ExtensionContext context) {
        if (simulator == null) {
            simulator = settings.build().start();
            owner = context.getUniqueId();
        }
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            simulator.close();
            simulator = null;
            owner = null;
        }
    }

    /** The simulator's settings, as on {@link SegmindSimulator.Builder}. */
    public static final class Builder {

        private final SegmindSimulator.Builder settings = SegmindSimulator.builder();

        private Builder() {
        }

        public Builder port(int port) {
            settings.port(port);
            return this;
        }

        public Builder timeFactor(double factor) {
            settings.timeFactor(factor);
            return this;
        }

        public Builder apiKey(String... keys) {
            settings.apiKey(keys);
            return this;
        }

        public Builder credits(double credits) {
            settings.credits(credits);
            return this;
        }

        public Builder rateLimitPerMinute(int limit) {
            settings.rateLimitPerMinute(limit);
            return this;
        }

        public Builder retention(Duration retention) {
            settings.retention(retention);
            return this;
        }

        /** Any other simulator setting. */
        public Builder configure(Consumer<SegmindSimulator.Builder> customizer) {
            customizer.accept(settings);
            return this;
        }

        public SegmindSimulatorExtension build() {
            return new SegmindSimulatorExtension(settings);
        }
    }
}
