package dev.camelsegmind.simulator;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class, a thousand times faster than real time, reset before each test. Retention is
 * stretched so that a job never expires under a slow, loaded build (an hour would be 3.6 s at this factor).
 */
abstract class FastSimulatorTestSupport {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.001)
                .retention(Duration.ofDays(1_000)).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Registered after every reset: a model outside the seed catalogue, with generic image settings. */
    static final String GENERIC_MODEL = "flux";

    @BeforeEach
    void clean() {
        sim.reset();
        sim.model(GENERIC_MODEL);
    }
}
