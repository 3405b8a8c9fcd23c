package dev.camelsegmind.simulator.junit;

import dev.camelsegmind.simulator.SegmindSimulator;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link SegmindSimulator} for a test class and closes it afterwards:
 * <pre>{@code
 * @RegisterExtension
 * static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder().timeFactor(0.01)
 *         .onStart(s -> s.model("wan2.7-i2v").renderTime(Duration.ofSeconds(20)))
 *         .build();
 * }</pre>
 * In a static field the simulator starts once for the whole class (nested classes share it) and
 * is {@linkplain SegmindSimulator#reset() reset} after every test, so no test sees another's
 * jobs, journal, faults, credits or model changes; the {@link Builder#onStart onStart} set-up is
 * applied again after each reset. In an instance field it is started and closed around each test.
 * A test or lifecycle method may also take the running simulator as a {@link SegmindSimulator}
 * parameter.
 */
public final class SegmindSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SegmindSimulator.Builder settings;
    private final Consumer<SegmindSimulator> setUp;
    private final boolean resetBetweenTests;
    private volatile SegmindSimulator simulator;
    /** The context that started the simulator and so must close it; nested classes must not. */
    private String owner;

    private SegmindSimulatorExtension(Builder builder) {
        this.settings = builder.settings;
        this.setUp = builder.setUp;
        this.resetBetweenTests = builder.resetBetweenTests;
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
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SegmindSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
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
        if (!stopFor(context) && resetBetweenTests) {
            resetAfterTest();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    private synchronized void startFor(ExtensionContext context) {
        if (simulator == null) {
            SegmindSimulator started = settings.build().start();
            try {
                setUp.accept(started);
            } catch (RuntimeException | Error e) {
                started.close();
                throw e;
            }
            simulator = started;
            owner = context.getUniqueId();
        }
    }

    /** Whether this context owned the simulator and so closed it. */
    private synchronized boolean stopFor(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            simulator.close();
            simulator = null;
            owner = null;
            return true;
        }
        return false;
    }

    private synchronized void resetAfterTest() {
        if (simulator != null) {
            simulator.reset();
            setUp.accept(simulator);
        }
    }

    /** The simulator's settings, as on {@link SegmindSimulator.Builder}. */
    public static final class Builder {

        private final SegmindSimulator.Builder settings = SegmindSimulator.builder();
        private Consumer<SegmindSimulator> setUp = sim -> { };
        private boolean resetBetweenTests = true;

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

        /**
         * Set-up every test should find, such as model profiles or faults: run once the
         * simulator has started and again after each reset. Several calls run in order.
         */
        public Builder onStart(Consumer<SegmindSimulator> action) {
            Consumer<SegmindSimulator> before = setUp;
            Consumer<SegmindSimulator> next = java.util.Objects.requireNonNull(action, "action");
            this.setUp = sim -> {
                before.accept(sim);
                next.accept(sim);
            };
            return this;
        }

        /**
         * Whether a class-wide simulator is reset after each test; {@code true} by default. Turn it
         * off only for tests that hand state (a request id, a spent balance) from one to the next.
         */
        public Builder resetBetweenTests(boolean reset) {
            this.resetBetweenTests = reset;
            return this;
        }

        /** Any other simulator setting. */
        public Builder configure(Consumer<SegmindSimulator.Builder> customizer) {
            customizer.accept(settings);
            return this;
        }

        public SegmindSimulatorExtension build() {
            return new SegmindSimulatorExtension(this);
        }
    }
}
