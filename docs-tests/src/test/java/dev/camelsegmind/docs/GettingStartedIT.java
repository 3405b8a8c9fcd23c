package dev.camelsegmind.docs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Builds and runs the three projects of docs/getting-started.md as a reader would: the files as printed, Maven
 * offline, the simulator's jar with the page's command, the page's {@code java -jar} command with the variables the
 * page exports, the page's prompt dropped into the inbox. Runs after the other modules have packaged their jars,
 * which {@link OverlayRepository} hands to the offline builds in place of {@code mvn install}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GettingStartedIT {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(3);
    private static final Duration OUTPUT_LIMIT = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\bERROR\\b.*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version = required("project.version");
    private final HttpClient http = HttpClient.newHttpClient();
    private GettingStartedPage page;
    private Path work;
    private Path repository;
    private LoggedProcess simulator;
    private String simulatorUrl;

    @BeforeAll
    void buildRepositoryAndStartSimulator() throws Exception {
        page = GettingStartedPage.read(MarkdownPage.projectRoot().resolve("docs/getting-started.md"));
        work = Files.createTempDirectory("camel-segmind-getting-started-");
        Path artifacts = Paths.get(required("segmind.artifacts"));
        repository = OverlayRepository.create(work.resolve("repository"),
                Paths.get(required("segmind.local.repository")), artifacts,
                Paths.get(required("segmind.parent.pom")), version);

        // the page's command, on a free port instead of 8089, from wherever this build put the jar
        List<String> command = new ArrayList<>(Arrays.asList(page.simulatorCommand().split("\\s+")));
        String jarName = "camel-segmind-simulator-" + version + "-standalone.jar";
        assertThat(command.get(2)).as("the simulator's jar on the page")
                .isEqualTo("segmind-simulator/target/" + jarName);
        command.set(0, java());
        command.set(2, artifacts.resolve(jarName).toString());
        int portAt = command.indexOf("--port") + 1;
        assertThat(simulatorEnvironment().get("SEGMIND_BASE_URL")).as("the base URL the page exports")
                .isEqualTo("http://127.0.0.1:" + command.get(portAt));
        command.set(portAt, "0");
        simulator = LoggedProcess.start(command, work, Map.of(), work.resolve("simulator.log"));
        simulatorUrl = waitFor("the simulator to listen", Duration.ofSeconds(20), () -> {
            Matcher m = LISTENING.matcher(simulator.output());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
        assertThat(simulator.output()).as("the key the simulator prints is the one the page exports")
                .contains("API key: " + simulatorEnvironment().get("SEGMIND_API_KEY"));
    }

    @AfterAll
    void stopSimulatorAndCleanUp() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                // the repository's links are deleted, never followed
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void camelMainWithAJavaRoute() throws Exception {
        run(page.project("hello-segmind"), (app, port) -> { });
    }

    @Test
    void camelMainWithAYamlRoute() throws Exception {
        run(page.project("hello-segmind-yaml"), (app, port) -> { });
    }

    @Test
    void springBootWithActuatorHealth() throws Exception {
        GettingStartedPage.Project boot = page.project("hello-segmind-boot");
        assertThat(boot.command("curl ")).isEqualTo("curl -s http://localhost:8080/actuator/health");
        run(boot, (app, port) -> {
            JsonNode health = waitFor("/actuator/health to answer UP", Duration.ofSeconds(30), () -> {
                JsonNode h = get("http://localhost:" + port + "/actuator/health");
                return h != null && "UP".equals(h.path("status").asText()) ? Optional.of(h) : Optional.empty();
            });
            assertThat(health.path("components").path("camelHealth").path("status").asText())
                    .as("Camel's health in Actuator: %s", health).isEqualTo("UP");
        });
    }

    /** What else a project's test checks while the application runs, given the port it serves HTTP on. */
    @FunctionalInterface
    interface WhileRunning {
        void check(LoggedProcess app, int port) throws Exception;
    }

    private void run(GettingStartedPage.Project project, WhileRunning whileRunning) throws Exception {
        Path dir = work.resolve(project.name());
        project.writeTo(dir);
        build(project, dir);

        post(simulatorUrl + "/_sim/reset");
        int port = freePort();
        Map<String, String> env = new HashMap<>(simulatorEnvironment());
        env.put("SEGMIND_BASE_URL", simulatorUrl);
        env.put("SERVER_PORT", String.valueOf(port));
        List<String> command = new ArrayList<>(Arrays.asList(project.command("java -jar ").split("\\s+")));
        command.set(0, java());
        String[] prompt = project.prompt();
        try (LoggedProcess app = LoggedProcess.start(command, dir, env, dir.resolve("app.log"))) {
            // the reader drops the prompt once the application has made its inbox
            Path inbox = dir.resolve(prompt[1]).getParent();
            waitFor("the application to create " + inbox, OUTPUT_LIMIT, () -> {
                assertThat(app.isAlive()).as("the application is running:\n%s", app.output()).isTrue();
                return Files.isDirectory(inbox) ? Optional.of(inbox) : Optional.empty();
            });
            Path staged = Files.writeString(dir.resolve("prompt.tmp"), prompt[0] + "\n", StandardCharsets.UTF_8);
            Files.move(staged, dir.resolve(prompt[1]), StandardCopyOption.ATOMIC_MOVE);

            String stem = Paths.get(prompt[1]).getFileName().toString().replaceFirst("\\.txt$", "");
            Path picture = waitFor("a picture of " + prompt[1] + " in outbox/", OUTPUT_LIMIT,
                    () -> picture(dir.resolve("outbox"), stem, app));
            byte[] png = Files.readAllBytes(picture);
            assertThat(Arrays.copyOf(png, 4)).as("a PNG").containsExactly(0x89, 'P', 'N', 'G');

            JsonNode jobs = get(simulatorUrl + "/_sim/jobs");
            assertThat(jobs).as("jobs at the simulator").hasSize(1);
            assertThat(jobs.get(0).path("model").asText()).isEqualTo("wan2.7-image-pro");
            assertThat(jobs.get(0).path("payload").path("prompt").asText()).isEqualTo(prompt[0]);

            whileRunning.check(app, port);

            assertThat(app.stop(Duration.ofSeconds(30))).as("stops on Ctrl+C:\n%s", app.output()).isTrue();
            assertThat(app.output()).as("the route's own log line, so the logging binding works")
                    .contains(picture.getFileName() + " is ready");
            assertThat(ERROR_LINE.matcher(app.output()).results().map(r -> r.group()).toList())
                    .as("errors in the application's log").isEmpty();
        }
    }

    private void build(GettingStartedPage.Project project, Path dir) throws Exception {
        assertThat(project.command("mvn ")).as("the build command on the page").isEqualTo("mvn -q package");
        String mvn = Paths.get(required("maven.home"), "bin", "mvn").toString();
        List<String> command = List.of(mvn, "-o", "-q", "-B", "-Dmaven.repo.local=" + repository,
                // every plugin the lifecycle runs must be pinned: Maven 3.8.7's defaults fail or test nothing
                "org.apache.maven.plugins:maven-enforcer-plugin:" + required("segmind.enforcer.version") + ":enforce",
                "-Denforcer.rules=requirePluginVersions", "package");
        try (LoggedProcess maven = LoggedProcess.start(command, dir, Map.of("JAVA_HOME",
                System.getProperty("java.home")), dir.resolve("build.log"))) {
            int exit = maven.waitFor(BUILD_LIMIT);
            if (exit != 0) {
                fail("mvn -o -q package of " + project.name() + (exit < 0 ? " did not finish in " + BUILD_LIMIT
                        : " failed (exit " + exit + ")") + ":\n" + maven.output());
            }
        }
    }

    private static Optional<Path> picture(Path outbox, String stem, LoggedProcess app) throws IOException {
        assertThat(app.isAlive()).as("the application is running:\n%s", app.output()).isTrue();
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().matches(Pattern.quote(stem) + "-.+\\.png"))
                    .findFirst();
        }
    }

    private Map<String, String> simulatorEnvironment() {
        return page.simulatorEnvironment();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    private void post(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> poll() throws Exception;
    }

    private static <T> T waitFor(String what, Duration limit, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> value = probe.poll();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IOException e) {
                last = e;    // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run this test with"
                    + " mvn verify, whose failsafe configuration sets it");
        }
        return value;
    }
}
