package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the application as the demo does, without SEGMIND_API_KEY: the in-process simulator, the shipped samples,
 * a temporary inbox and outbox. The run must end by itself once idle; the timeout only guards against a hang.
 */
class FolderWatchApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void samplesBecomeMediaWithSidecarsAndTheRunEndsWhenIdle() throws Exception {
        RunSummary summary = new FolderWatchApplication(settings(Path.of("samples"))).run();

        Path outbox = dir.resolve("outbox");
        assertPng(outbox.resolve("sunset.png"));
        assertPng(outbox.resolve("city.png"));
        assertMp4(outbox.resolve("lake.mp4"));
        assertSidecar(outbox.resolve("sunset.json"), "wan2.7-image-pro");
        assertSidecar(outbox.resolve("city.json"), "wan2.7-image-pro");
        assertSidecar(outbox.resolve("lake.json"), "wan2.7-i2v");
        // the prompt that asked for crun.ai ran there, and its job ended with crun's callback
        assertPng(outbox.resolve("lighthouse-crun.png"));
        Map<?, ?> lighthouse = JSON.readValue(outbox.resolve("lighthouse-crun.json").toFile(), Map.class);
        assertThat(lighthouse.get("provider")).isEqualTo("crun");
        assertThat(lighthouse.get("model")).isEqualTo("wan2.7-image-pro");
        assertThat(lighthouse.get("cost")).as("crun reports the task's credits").isInstanceOf(Number.class);
        assertThat(((Map<?, ?>) lighthouse.get("parameters")).get("thinking_mode")).isEqualTo(true);
        assertThat(summary.callbacks()).isEqualTo(1);
        assertThat(JSON.readValue(outbox.resolve("city.json").toFile(), Map.class).get("provider"))
                .isEqualTo("segmind");
        Map<?, ?> city = JSON.readValue(outbox.resolve("city.json").toFile(), Map.class);
        assertThat(((Map<?, ?>) city.get("parameters")).get("size")).isEqualTo("2K");
        assertThat(((Map<?, ?>) city.get("parameters")).containsKey("model")).isFalse();
        Map<?, ?> lake = JSON.readValue(outbox.resolve("lake.json").toFile(), Map.class);
        Map<?, ?> lakeParameters = (Map<?, ?>) lake.get("parameters");
        assertThat((String) lakeParameters.get("prompt")).startsWith("Slow cinematic push-in over the lake");
        assertThat((String) lakeParameters.get("image")).startsWith("data:image/png;base64,...").hasSizeLessThan(100);

        Path inbox = dir.resolve("inbox");
        assertThat(inbox.resolve(".done")).isDirectoryContaining(p -> p.endsWith("sunset.txt"))
                .isDirectoryContaining(p -> p.endsWith("city.json"))
                .isDirectoryContaining(p -> p.endsWith("lighthouse-crun.json"))
                .isDirectoryContaining(p -> p.endsWith("lake.png"))
                .isDirectoryContaining(p -> p.endsWith("lake.txt"));
        assertThat(inbox.resolve(".error").resolve("bad-resolution.json")).isRegularFile();
        String report = Files.readString(inbox.resolve(".error").resolve("bad-resolution.error.txt"));
        assertThat(report).contains("resolution '4K'", "720P or 1080P", "Option to change: resolution",
                "SegmindValidationException", "nothing was billed");
        assertThat(inputsLeftIn(inbox)).isEmpty();

        // lake.txt travelled with lake.png: it is no image job of its own
        assertThat(outbox.resolve("lake.png")).doesNotExist();
        assertThat(summary.rows()).extracting(RunSummary.Row::file)
                .containsExactly("bad-resolution.json", "city.json", "lake.png", "lighthouse-crun.json", "sunset.txt");
        assertThat(summary.rows()).filteredOn(r -> !r.succeeded()).extracting(RunSummary.Row::file)
                .containsExactly("bad-resolution.json");
        assertThat(summary.render()).contains("5 files, 4 done, 1 failed; crun.ai called back 1 time");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPictureWithoutPromptIsAnimatedAndARequestWithoutModelIsExplained() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("my-samples"));
        Files.copy(Path.of("samples", "lake.png"), samples.resolve("harbour.png"));
        Files.writeString(samples.resolve("no-model.json"), "{\"prompt\": \"a red kite over a beach\"}");

        RunSummary summary = new FolderWatchApplication(settings(samples)).run();

        Path outbox = dir.resolve("outbox");
        assertMp4(outbox.resolve("harbour.mp4"));
        Map<?, ?> sidecar = JSON.readValue(outbox.resolve("harbour.json").toFile(), Map.class);
        assertThat(((Map<?, ?>) sidecar.get("parameters")).get("prompt"))
                .isEqualTo(InboxRequests.DEFAULT_MOTION_PROMPT);
        String report = Files.readString(dir.resolve("inbox/.error/no-model.error.txt"));
        assertThat(report).contains("no-model.json names no model", "\"model\": \"wan2.7-image-pro\"",
                InboxFileException.class.getName(), "Nothing was sent to Segmind");
        assertThat(summary.failures()).isEqualTo(1);
    }

    private FolderWatchSettings settings(Path samples) {
        // no API key: the simulator, 100 times faster than Segmind; stop after a second without work
        return new FolderWatchSettings(dir.resolve("inbox"), dir.resolve("outbox"), samples, null, 0.01, 1);
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    private static void assertMp4(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(12);
        assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    private static void assertSidecar(Path file, String model) throws IOException {
        Map<?, ?> sidecar = JSON.readValue(file.toFile(), Map.class);
        assertThat(sidecar.get("model")).isEqualTo(model);
        assertThat((String) sidecar.get("requestId")).isNotBlank();
        assertThat((String) sidecar.get("outputUrl")).startsWith("http://127.0.0.1:");
        assertThat(sidecar.get("metrics")).isInstanceOf(Map.class);
        assertThat(sidecar.get("cost")).isInstanceOf(Number.class);
        assertThat(sidecar.get("remainingCredits")).isInstanceOf(Number.class);
    }

    private static List<Path> inputsLeftIn(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
