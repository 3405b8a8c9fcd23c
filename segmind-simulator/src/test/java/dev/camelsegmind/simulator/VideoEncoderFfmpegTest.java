package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference check: ffprobe and ffmpeg, the decoder behind most players, read and fully decode
 * the videos. Runs only where both are installed.
 */
class VideoEncoderFfmpegTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(onPath("ffprobe") && onPath("ffmpeg"), "ffprobe and ffmpeg are not installed");
    }

    @ParameterizedTest(name = "{0}x{1} at {2} fps for {3} s")
    @CsvSource({
        "1280, 720, 24, 5",
        "1920, 1080, 24, 15",
        "720, 406, 16, 3",
        "2, 2, 24, 1",
        "18, 1000, 30, 2",
        "1000, 18, 30, 2",
        "722, 1282, 16, 3.3",
        "4096, 16, 25, 1",
        "640, 480, 60, 0.5",
    })
    void ffmpegDecodesEveryFrameWithoutComplaint(int width, int height, int fps, double seconds) throws Exception {
        int[] rgb = VideoFixtures.picture(width, height);
        Path file = dir.resolve(width + "x" + height + "-" + fps + "-" + seconds + ".mp4");
        Files.write(file, VideoEncoder.mp4(width, height, fps, seconds, rgb, VideoFixtures.BAR_RGB));
        int frames = (int) Math.round(seconds * fps);

        Map<String, String> probe = probe(file);
        assertThat(probe).containsEntry("codec_name", "h264")
                .containsEntry("profile", "Constrained Baseline")
                .containsEntry("pix_fmt", "yuv420p")
                .containsEntry("width", String.valueOf(width))
                .containsEntry("height", String.valueOf(height))
                .containsEntry("nb_frames", String.valueOf(frames))
                .containsEntry("nb_read_frames", String.valueOf(frames))
                .containsEntry("r_frame_rate", fps + "/1");
        assertThat(Double.parseDouble(probe.get("duration"))).isEqualTo(seconds);
        assertThat(Double.parseDouble(probe.get("format.duration"))).isEqualTo(seconds);

        Result decode = run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-");
        assertThat(decode.exitCode()).isZero();
        assertThat(decode.stderr()).as("ffmpeg's complaints").isEmpty();

        // First and last frames, raw: I_PCM and skipped blocks decode to exact samples.
        Result raw = run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(),
                "-vf", "select='eq(n\\,0)+eq(n\\," + (frames - 1) + ")'", "-fps_mode", "passthrough",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-");
        assertThat(raw.stderr()).isEmpty();
        int frameBytes = width * height * 3 / 2;
        assertThat(raw.stdout()).hasSize(frames == 1 ? frameBytes : 2 * frameBytes);
        VideoFixtures.Frame first = VideoFixtures.Frame.fromYuv420p(raw.stdout(), 0, width, height);
        VideoFixtures.Frame last = VideoFixtures.Frame.fromYuv420p(raw.stdout(), raw.stdout().length - frameBytes,
                width, height);
        VideoFixtures.assertShowsPicture(first, rgb);
        VideoFixtures.assertShowsPicture(last, rgb);
        VideoFixtures.assertBar(last, rgb, width);
        if (frames > 1) {
            VideoFixtures.assertBar(first, rgb, 2 * (int) Math.round(width / 2.0 / frames));
        }
    }

    private static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        Result result = run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,profile,pix_fmt,width,height,nb_frames,nb_read_frames,"
                        + "r_frame_rate,duration:format=duration",
                "-of", "flat", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEmpty();
        Map<String, String> values = new HashMap<>();
        for (String line : new String(result.stdout(), StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                // flat output: streams.stream.0.width=1280, format.duration="5.000000"
                String key = line.substring(0, equals).replace("streams.stream.0.", "");
                values.put(key, line.substring(equals + 1).replace("\"", ""));
            }
        }
        return values;
    }

    record Result(int exitCode, byte[] stdout, String stderr) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(List.of(command)).redirectError(errors.toFile()).start();
        byte[] stdout;
        try (var in = process.getInputStream()) {
            stdout = in.readAllBytes();
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), stdout, Files.readString(errors).strip());
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
