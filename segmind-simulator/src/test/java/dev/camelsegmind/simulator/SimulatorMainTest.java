package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void optionsConfigureTheSimulator() {
        SegmindSimulator.Builder builder = SegmindSimulator.builder();

        boolean run = SimulatorMain.configure(builder, new String[] {
            "--port", "0", "--time-factor", "0.05", "--api-key", "SG_k1", "--rate-limit", "50", "--credits", "12.5",
            "--workers", "3", "--accept-any-model", "--blocked-word", "gore"});

        assertThat(run).isTrue();
        try (SegmindSimulator sim = builder.build().start()) {
            assertThat(sim.timeFactor()).isEqualTo(0.05);
            assertThat(sim.defaultApiKey()).isEqualTo("SG_k1");
            assertThat(sim.credits()).isEqualTo(12.5);
            assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
            assertThat(sim.model("wan2.7-i2v").workers()).isEqualTo(3);
            assertThat(sim.model("wan2.7-i2v").blockedWords()).containsExactly("gore");
            assertThat(new SimClient(sim).post("/v2/not-in-the-catalogue", "{}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void helpAndBadInput() {
        assertThat(SimulatorMain.configure(SegmindSimulator.builder(), new String[] {"--help"})).isFalse();
        assertThatThrownBy(() -> SimulatorMain.configure(SegmindSimulator.builder(), new String[] {"--port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorMain.configure(SegmindSimulator.builder(), new String[] {"--port", "x"}))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> SimulatorMain.configure(SegmindSimulator.builder(), new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SimulatorMain.configure(SegmindSimulator.builder(), new String[] {"--workers", "-1"}))
                .hasMessageContaining("workersPerModel");
    }

    @Test
    void lifecycleGuards() {
        SegmindSimulator sim = SegmindSimulator.builder().build();
        assertThatThrownBy(sim::baseUrl).isInstanceOf(IllegalStateException.class);
        sim.start();
        assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
        sim.close();
        sim.close();
        assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SegmindSimulator.builder().timeFactor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
