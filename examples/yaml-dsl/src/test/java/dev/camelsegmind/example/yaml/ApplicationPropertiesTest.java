package dev.camelsegmind.example.yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConfiguration;
import dev.camelsegmind.component.SegmindPollStrategy;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code camel.component.segmind.*} lines of application.properties, as shipped, configure the component: the key
 * and URLs through {@code {{env:...}}}, polling, the plan's rate limit and the pending-job file. Nothing is overridden
 * here but the folders.
 */
class ApplicationPropertiesTest {

    @TempDir
    Path folders;
    private SegmindSimulator sim;

    @BeforeEach
    void simulator() {
        sim = ExampleSimulator.get();
    }

    @Test
    void componentIsConfiguredFromApplicationProperties() throws Exception {
        try (RunningExample example = RunningExample.start(folders, Map.of())) {
            // tag::component-config[]
            SegmindComponent component = example.context().getComponent("segmind", SegmindComponent.class);
            SegmindConfiguration config = component.getConfiguration();

            assertThat(config.getApiKey()).isEqualTo(System.getenv("SEGMIND_API_KEY"));
            assertThat(config.getBaseUrl()).isEqualTo(System.getenv("SEGMIND_BASE_URL")).isEqualTo(sim.baseUrl());
            assertThat(config.getUploadUrl()).isEqualTo(sim.baseUrl() + "/upload-asset");
            assertThat(config.getPollStrategy()).isEqualTo(SegmindPollStrategy.backoff);
            assertThat(config.getPollInterval()).isEqualTo(2_000);
            assertThat(config.getMaxPollInterval()).isEqualTo(10_000);
            assertThat(config.getTimeout()).isEqualTo(Duration.ofMinutes(15).toMillis());
            assertThat(component.getMaxRequestsPerMinute()).isEqualTo(50);
            assertThat(component.getMaxConcurrentJobs()).isEqualTo(4);
            assertThat(component.getPendingJobFile())
                    .isEqualTo(folders.resolve("work").resolve("pending-jobs.dat").toString());
            // end::component-config[]
        }
    }

    @Test
    void aJobRunsWithThoseSettings() throws Exception {
        try (RunningExample example = RunningExample.start(folders, Map.of())) {
            Path inbox = Files.createDirectories(folders.resolve("inbox"));
            FolderWatchMainTest.drop(inbox.resolve("fox.txt"), "a red fox in snow".getBytes(StandardCharsets.UTF_8));

            Path outbox = folders.resolve("outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> !FolderWatchMainTest.files(outbox).isEmpty());
            assertThat(FolderWatchMainTest.only(outbox, "fox-", ".png")).isNotEmptyFile();

            // the key from the environment was accepted, and status reads waited the configured 2 s
            List<JournalEntry> submits = sim.journal().entries(Route.SUBMIT);
            List<JournalEntry> reads = sim.journal().entries(Route.STATUS);
            assertThat(submits).hasSize(1).allMatch(e -> e.apiKeyPresent() && e.httpStatus() == 200);
            assertThat(reads).isNotEmpty();
            assertThat(Duration.between(submits.get(0).timestamp(), reads.get(0).timestamp()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
            // the pending-job store lives in the configured file
            assertThat(folders.resolve("work").resolve("pending-jobs.dat")).exists();
        }
    }
}
