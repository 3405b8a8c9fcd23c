package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged {@code -standalone.jar} runs with plain {@code java -jar}, as the README promises. */
class StandaloneJarIT {

    @Test
    void javaDashJarServesTheApiUntilStopped() throws Exception {
        Path jar = Path.of(System.getProperty("simulator.jar", "target/missing.jar"));
        assertThat(jar).as("built by the package phase").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0",
                "--api-key", "SG_standalone00001", "--time-factor", "0.01"))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the first line, before any log output").startsWith(
                    "Segmind simulator listening on http://127.0.0.1:");
            String base = first.substring(first.indexOf("http://")).trim();

            HttpResponse<String> submit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/v2/wan2.7-image-pro")).header("x-api-key", "SG_standalone00001")
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"from java -jar\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
            assertThat(submit.body()).contains("\"status_url\":\"" + base + "/v2/requests/");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(Files.size(jar)).as("dependencies inside").isGreaterThan(1_000_000);
    }
}
