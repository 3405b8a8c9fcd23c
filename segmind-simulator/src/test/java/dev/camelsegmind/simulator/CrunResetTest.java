package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension's reset between tests covers the crun side: tasks, settings, callback faults. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrunResetTest {

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder().timeFactor(0.001)
            .onStart(sim -> sim.crun().model().renderTime(Duration.ofSeconds(3)))
            .build();

    static String leftBehind = "no-task-yet";

    @Test
    @Order(1)
    void aTestLeavesTasksSettingsAndFaultsBehind() {
        SegmindSimulator sim = segmind.simulator();
        leftBehind = new CrunClient(sim).create(CrunClient.body("{\"prompt\": \"a\"}"));
        sim.crun().errorStyle(CrunErrorStyle.HTTP_STATUS).maintenance(true).imageFields("img_urls")
                .disableFeatures("n").callbackRetries(3, Duration.ofSeconds(1)).callbackTokenParameter("t");
        sim.crun().model().cost(5);
        sim.crun().callbackFaults().add(CallbackFault.lose());
    }

    @Test
    @Order(2)
    void theNextFindsTheCrunSideAsNewWithTheSetUpAppliedAgain() {
        SegmindSimulator sim = segmind.simulator();
        Crun crun = sim.crun();

        assertThat(crun.tasks().find(leftBehind)).isEmpty();
        assertThat(sim.job(leftBehind)).isEmpty();
        assertThat(crun.errorStyle()).isEqualTo(CrunErrorStyle.BODY_CODE);
        assertThat(crun.maintenance()).isFalse();
        assertThat(crun.imageFields()).isEqualTo(Crun.DEFAULT_IMAGE_FIELDS);
        assertThat(crun.disabledFeatures()).isEmpty();
        assertThat(crun.callbackRetries()).isZero();
        assertThat(crun.callbackTokenParameter()).isEqualTo("token");
        assertThat(crun.callbackFaults().list()).isEmpty();
        assertThat(crun.model().cost()).isEqualTo(0.06);
        assertThat(crun.model().renderTime()).as("onStart ran again").isEqualTo(Duration.ofSeconds(3));
        assertThat(new CrunClient(sim).info(leftBehind).body()).contains("\"code\":404");
    }
}
