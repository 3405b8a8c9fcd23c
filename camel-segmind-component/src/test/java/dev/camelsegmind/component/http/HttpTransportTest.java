package dev.camelsegmind.component.http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transport's limits on the wire, against a raw server that can do what no well-behaved server does: stall a
 * body, announce more than any answer may hold, or stream without end. Each test sees the call end as it should
 * and the connection closed by the client, not left to the server.
 */
class HttpTransportTest {

    private static final Duration IDLE = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private ScheduledExecutorService timer;
    private ExecutorService io;
    private HttpTransport http;

    @BeforeEach
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor();
        io = Executors.newFixedThreadPool(2);
        http = new HttpTransport(Duration.ofSeconds(5), null, null, null, "test", io, timer);
    }

    @AfterEach
    void stop() {
        http.close();
        timer.shutdownNow();
        io.shutdownNow();
    }

    private ApiKey key(String url) {
        return new ApiKey("x-api-key", "SG_secret", new KeyPolicy(url, Set.of()));
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the call did not end: " + e);
        }
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsByTheIdleLimitAndClosesTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: application/json", "Content-Length: 100");
            out.write("{\"status\":".getBytes());
        })) {
            long start = System.nanoTime();
            Throwable failure = failureOf(http.get(URI.create(server.url("/x")), key(server.url("/")),
                    IDLE));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).isInstanceOf(BodyIdleTimeoutException.class).hasMessageContaining("500 ms");
            assertThat(took).isBetween(IDLE.minusMillis(50), Duration.ofSeconds(5));
            assertThat(server.awaitClientClose(3000)).as("the client closed the connection").isTrue();
            assertThat(http.callsInFlight()).isZero();
        }
    }

    @Test
    void aBodyThatKeepsTricklingIsNotIdle() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: application/json", "Transfer-Encoding: chunked");
            ScriptedServer.chunk(out, "{\"a\":\"".getBytes());
            for (int i = 0; i < 5; i++) {
                Thread.sleep(300);
                ScriptedServer.chunk(out, "x".getBytes());
            }
            ScriptedServer.chunk(out, "\"}".getBytes());
            ScriptedServer.lastChunk(out);
        })) {
            ApiResponse answer = http.get(URI.create(server.url("/x")), key(server.url("/")), IDLE)
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.bodyText()).isEqualTo("{\"a\":\"xxxxx\"}");
        }
    }

    @Test
    void givingUpACallClosesItsConnectionAndFreesItsSlot() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            // no answer at all: the call waits for headers
        })) {
            CompletableFuture<ApiResponse> call = http.get(URI.create(server.url("/x")), key(server.url("/")),
                    Duration.ofSeconds(60));
            assertThat(server.awaitRequest(3000)).isTrue();
            assertThat(http.callsInFlight()).isEqualTo(1);
            call.cancel(true);
            assertThat(server.awaitClientClose(3000)).as("the client closed the connection").isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> http.callsInFlight() == 0);
        }
    }

    @Test
    void givingUpADownloadMidBodyDeletesItsPartialFile() throws Exception {
        Path part = Files.createTempFile(dir, "media-", ".part");
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: video/mp4", "Content-Length: 1000000");
            out.write(new byte[200_000]);
        })) {
            CompletableFuture<MediaResponse> call = http.download(URI.create(server.url("/m.mp4")),
                    Duration.ofSeconds(60), Duration.ofSeconds(60), 0, 0, PartFile.of(part));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(part)
                    && Files.size(part) > 0);
            call.cancel(true);
            assertThat(server.awaitClientClose(3000)).isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !Files.exists(part));
        }
    }

    @Test
    void anAnswerAnnouncedLargerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> ScriptedServer.headers(out, 200,
                "Content-Type: application/json", "Content-Length: " + (HttpTransport.MAX_ANSWER_BYTES + 1)))) {
            Throwable failure = failureOf(http.get(URI.create(server.url("/x")), key(server.url("/")),
                    Duration.ofSeconds(30)));
            assertThat(failure).isInstanceOf(AnswerTooLargeException.class);
            assertThat(server.awaitClientClose(3000)).isTrue();
        }
    }

    @Test
    void anErrorPageIsReadOnlyUpToItsLimit() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 502, "Content-Type: text/html", "Transfer-Encoding: chunked");
            // far more than an error page is read of, and never ended
            for (int i = 0; i < 20; i++) {
                ScriptedServer.chunk(out, new byte[16 * 1024]);
            }
        })) {
            ApiResponse answer = http.get(URI.create(server.url("/x")), key(server.url("/")), Duration.ofSeconds(30))
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.body()).hasSize((int) HttpTransport.MAX_ERROR_BYTES);
            assertThat(server.awaitClientClose(3000)).isTrue();
        }
    }

    @Test
    void mediaWithoutContentLengthIsCutOffInMemoryWhenItCrossesTheLimit() throws Exception {
        Path part = Files.createTempFile(dir, "media-", ".part");
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: image/png", "Transfer-Encoding: chunked");
            ScriptedServer.chunk(out, new byte[6_000]);
            ScriptedServer.chunk(out, new byte[6_000]);
            // and then nothing: only a client that counts while it reads ends here
        })) {
            long start = System.nanoTime();
            Throwable failure = failureOf(http.download(URI.create(server.url("/p.png")), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), 1_000_000, 10_000, PartFile.of(part)));
            assertThat(failure).isInstanceOf(MediaDownload.TooLargeException.class)
                    .hasMessageContaining("maxMediaSize");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at the crossing, not at the idle limit")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(server.awaitClientClose(3000)).isTrue();
        }
    }

    @Test
    void streamedMediaIsCutOffOnDiskWhenItCrossesTheLimit() throws Exception {
        Path part = Files.createTempFile(dir, "media-", ".part");
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: video/mp4", "Transfer-Encoding: chunked");
            for (int i = 0; i < 10; i++) {
                ScriptedServer.chunk(out, new byte[8_000]);
            }
        })) {
            Throwable failure = failureOf(http.download(URI.create(server.url("/v.mp4")), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), 0, 30_000, PartFile.of(part)));
            assertThat(failure).isInstanceOf(MediaDownload.TooLargeException.class);
            assertThat(part).doesNotExist();
            assertThat(server.awaitClientClose(3000)).isTrue();
        }
    }

    @Test
    void mediaWithoutContentLengthMovesToDiskWhenItOutgrowsTheThreshold() throws Exception {
        Path part = Files.createTempFile(dir, "media-", ".part");
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: video/mp4", "Transfer-Encoding: chunked");
            for (int i = 0; i < 5; i++) {
                ScriptedServer.chunk(out, new byte[10_000]);
            }
            ScriptedServer.lastChunk(out);
        })) {
            MediaResponse answer = http.download(URI.create(server.url("/v.mp4")),
                    Duration.ofSeconds(30), Duration.ofSeconds(30), 20_000, 0, PartFile.of(part)).get(10, TimeUnit.SECONDS);
            assertThat(answer.body().bytes()).as("not held in memory").isNull();
            assertThat(answer.body().file()).isEqualTo(part);
            assertThat(Files.size(part)).isEqualTo(50_000);
            assertThat(answer.body().received()).isEqualTo(50_000);
        }
    }

    @Test
    void smallMediaWithoutContentLengthStaysInMemory() throws Exception {
        Path part = Files.createTempFile(dir, "media-", ".part");
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: image/png", "Transfer-Encoding: chunked");
            ScriptedServer.chunk(out, new byte[3_000]);
            ScriptedServer.lastChunk(out);
        })) {
            MediaResponse answer = http.download(URI.create(server.url("/p.png")),
                    Duration.ofSeconds(30), Duration.ofSeconds(30), 20_000, 0, PartFile.of(part)).get(10, TimeUnit.SECONDS);
            assertThat(answer.body().bytes()).hasSize(3_000);
            assertThat(answer.body().file()).isNull();
            assertThat(Files.size(part)).as("nothing written to the file").isZero();
        }
    }

    @Test
    void everyCallGoesThroughTheProxyWhenOneIsSet() throws Exception {
        try (ScriptedServer proxy = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: application/json", "Content-Length: 2");
            out.write("{}".getBytes());
        })) {
            // a host no test may reach: only the proxy on loopback is connected to, and it answers for the host
            String api = "http://api.segmind.invalid:8080";
            HttpTransport viaProxy = new HttpTransport(Duration.ofSeconds(5), "127.0.0.1", proxy.port(), null, "test",
                    io, timer);
            try {
                ApiResponse answer = viaProxy.get(URI.create(api + "/v2/x"), key(api), IDLE).get(10, TimeUnit.SECONDS);
                assertThat(answer.bodyText()).isEqualTo("{}");
                assertThat(proxy.requestHead()).startsWith("GET " + api + "/v2/x HTTP/1.1\r\n")
                        .containsIgnoringCase("x-api-key: SG_secret");
            } finally {
                viaProxy.close();
            }
        }
    }

    @Test
    void aCallSpeaksHttp11AndAsksForNoUpgrade() throws Exception {
        try (ScriptedServer server = new ScriptedServer(out -> {
            ScriptedServer.headers(out, 200, "Content-Type: application/json", "Content-Length: 2");
            out.write("{}".getBytes());
        })) {
            http.get(URI.create(server.url("/x")), key(server.url("/")), IDLE).get(10, TimeUnit.SECONDS);
            assertThat(server.requestHead()).startsWith("GET /x HTTP/1.1\r\n").doesNotContainIgnoringCase("upgrade")
                    .doesNotContainIgnoringCase("cookie");
        }
    }

    @Test
    void theKeyIsNeverSentToAHostItsPolicyDoesNotAllow() {
        ApiKey apiHostOnly = new ApiKey("x-api-key", "SG_secret", new KeyPolicy("https://api.segmind.com",
                Set.of("gateway.example")));
        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.2:1/x"), apiHostOnly, IDLE).join())
                .hasCauseInstanceOf(UntrustedHostException.class).hasMessageNotContaining("SG_secret");
        assertThat(apiHostOnly.policy().allows(URI.create("https://api.segmind.com:8443/v2/x"))).isTrue();
        assertThat(apiHostOnly.policy().allows(URI.create("https://GATEWAY.example/v2/x"))).isTrue();
        assertThat(apiHostOnly.policy().allows(URI.create("ftp://api.segmind.com/x"))).isFalse();
        assertThat(apiHostOnly.policy().allows(URI.create("https://api.segmind.com.evil.example/x"))).isFalse();
    }
}
