package dev.camelsegmind.example.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML route under Camel Main, end to end: files dropped into the inbox come out of the outbox as real media, and
 * a refused job leaves its input and the reason in the errors folder.
 */
class FolderWatchMainTest {

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    // application.properties polls like the real API wants (2 s); the simulator runs a thousand times faster
    private static final Map<String, String> FAST_POLLING = Map.of(
            "camel.component.segmind.poll-interval", "20ms",
            "camel.component.segmind.max-poll-interval", "100ms");

    @TempDir
    Path folders;
    private SegmindSimulator sim;

    @BeforeEach
    void simulator() {
        sim = ExampleSimulator.get();
    }

    @Test
    void promptBecomesAPictureAndAPictureBecomesAVideo() throws Exception {
        try (RunningExample example = RunningExample.start(folders, FAST_POLLING)) {
            Path inbox = Files.createDirectories(folders.resolve("inbox"));
            byte[] harbour = ExampleSimulator.png(64, 48);
            drop(inbox.resolve("lighthouse.txt"), "A lighthouse at dawn, long exposure".getBytes(StandardCharsets.UTF_8));
            drop(inbox.resolve("harbour.png"), harbour);

            Path outbox = folders.resolve("outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> files(outbox).size() == 2);

            Path picture = only(outbox, "lighthouse-", ".png");
            Path video = only(outbox, "harbour-", ".mp4");
            assertThat(Arrays.copyOf(Files.readAllBytes(picture), 8)).isEqualTo(PNG_MAGIC);
            byte[] mp4 = Files.readAllBytes(video);
            assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");

            // the picture's job: the file's text as prompt, the endpoint's size
            JobView image = jobNamedBy(picture, "lighthouse-", ".png");
            assertThat(image.model()).isEqualTo("wan2.7-image-pro");
            assertThat(image.payload()).containsEntry("prompt", "A lighthouse at dawn, long exposure")
                    .containsEntry("size", "2K");
            // the video's job: the dropped picture uploaded first, the prompt from application.properties
            JobView clip = jobNamedBy(video, "harbour-", ".mp4");
            assertThat(clip.model()).isEqualTo("wan2.7-i2v");
            assertThat(clip.payload()).containsEntry("prompt", "Slow cinematic camera push-in, gentle natural motion")
                    .containsEntry("resolution", "720P").containsEntry("duration", 5);
            assertThat(sim.journal().count(Route.UPLOAD)).isEqualTo(1);
            assertThat((String) clip.payload().get("image")).startsWith(sim.baseUrl() + "/assets/");
            assertThat(files(folders.resolve("errors"))).isEmpty();
        }
    }

    @Test
    void aRefusedJobLeavesTheInputAndTheReasonInTheErrorsFolder() throws Exception {
        sim.model("wan2.7-image-pro").failWith("Content blocked by the safety filter");
        try (RunningExample example = RunningExample.start(folders, FAST_POLLING)) {
            Path inbox = Files.createDirectories(folders.resolve("inbox"));
            drop(inbox.resolve("forbidden.txt"), "something the filter blocks".getBytes(StandardCharsets.UTF_8));

            Path errors = folders.resolve("errors");
            await().atMost(Duration.ofSeconds(30)).until(() -> files(errors).size() == 2);

            assertThat(Files.readString(errors.resolve("forbidden.txt"))).isEqualTo("something the filter blocks");
            assertThat(Files.readString(errors.resolve("forbidden.txt.error.txt")))
                    .contains("FAILED").contains("Content blocked by the safety filter");
            assertThat(files(folders.resolve("outbox"))).isEmpty();
            assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        }
    }

    private JobView jobNamedBy(Path output, String prefix, String suffix) {
        String name = output.getFileName().toString();
        String requestId = name.substring(prefix.length(), name.length() - suffix.length());
        return sim.job(requestId).orElseThrow(() -> new AssertionError("no job " + requestId));
    }

    /** Written under another name and renamed, as a careful user (or scp) would; the route must not care. */
    static void drop(Path target, byte[] content) throws IOException {
        Path part = Files.write(target.resolveSibling(target.getFileName() + ".part"), content);
        Files.move(part, target);
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static Path only(Path dir, String prefix, String suffix) throws IOException {
        List<Path> matches = files(dir).stream().filter(p -> p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().endsWith(suffix)).toList();
        assertThat(matches).as("files %s*%s in %s", prefix, suffix, files(dir)).hasSize(1);
        return matches.get(0);
    }
}
