package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A model with a bounded pool renders that many jobs at once; the rest wait QUEUED, first come first served. */
class WorkerPoolTest {

    /** A fresh clock and simulator for each test (an instance field: the extension starts and closes it per test). */
    final SimulatedClock clock = new SimulatedClock();
    @RegisterExtension
    final SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().configure(b -> b.clock(clock))
            .onStart(s -> s.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(100)).workers(2))
            .build();

    SegmindSimulator sim;
    SimClient client;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        client = new SimClient(sim);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "QUEUEDAccepted, waiting for a worker")
    @Test
    void jobsBeyondThePoolWaitQueuedForAFreeWorker() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.submit("wan2.7-i2v", "{\"prompt\":\"clip " + i + "\"}"));
        }

        assertThat(states(ids)).containsExactly("PROCESSING", "PROCESSING", "QUEUED", "QUEUED", "QUEUED");
        clock.advance(Duration.ofSeconds(100));
        assertThat(states(ids)).containsExactly("COMPLETED", "COMPLETED", "PROCESSING", "PROCESSING", "QUEUED");
        clock.advance(Duration.ofSeconds(100));
        assertThat(states(ids)).containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "PROCESSING");
        clock.advance(Duration.ofSeconds(100));
        assertThat(states(ids)).containsOnly("COMPLETED");
        assertThat(sim.job(ids.get(4)).orElseThrow().startedAt())
                .isEqualTo(sim.job(ids.get(0)).orElseThrow().submittedAt().plusSeconds(200));
    }

    @Test
    void aFreeWorkerIsTakenAtOnceAndAnUnboundedPoolNeverQueues() {
        String first = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        clock.advance(Duration.ofSeconds(150));
        String later = client.submit("wan2.7-i2v", "{\"prompt\":\"b\"}");
        assertThat(states(List.of(first, later))).containsExactly("COMPLETED", "PROCESSING");

        sim.model("wan2.7-i2v").workers(0);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(client.submit("wan2.7-i2v", "{\"prompt\":\"c\"}"));
        }
        assertThat(states(many)).containsOnly("PROCESSING");
    }

    private List<String> states(List<String> ids) {
        List<String> states = new ArrayList<>();
        ids.forEach(id -> states.add(SimClient.json(client.get("/v2/requests/" + id + "/status")).get("status").asText()));
        return states;
    }
}
