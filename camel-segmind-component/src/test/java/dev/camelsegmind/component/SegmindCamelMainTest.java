package dev.camelsegmind.component;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Camel Main settings of docs/operating.md, over Camel's management HTTP server, against the simulator. */
class SegmindCamelMainTest {

    private static final String KEY = "SG_0123456789abcdef";

    private final SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.001).apiKey(KEY).build().start();
    private final HttpClient http = HttpClient.newHttpClient();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sim.close();
    }

    @Test
    void healthAndConsoleAreServedByCamelMain() throws Exception {
        int port = freePort();
        main = new Main();
        main.setPropertyPlaceholderLocations("classpath:operating/application.properties");
        main.addInitialProperty("test.managementPort", String.valueOf(port));
        main.addInitialProperty("test.apiKey", KEY);
        main.addInitialProperty("test.baseUrl", sim.baseUrl());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("segmind:wan2.7-image-pro");
            }
        });
        main.start();

        String base = "http://127.0.0.1:" + port;
        String up = "\\{\"name\":\"producer:segmind-[^\"]+\",\"status\":\"UP\"";
        await().atMost(Duration.ofSeconds(10)).until(() -> java.util.regex.Pattern.compile(up)
                .matcher(get(base + "/observe/health/ready?exposureLevel=full", "application/json")).find());
        assertThat(get(base + "/observe/health/ready", "application/json")).doesNotContain(KEY);
        // however often it is probed within healthCheckInterval: one credits call
        assertThat(sim.journal().count(Route.CREDITS)).isEqualTo(1);

        String console = get(base + "/q/dev/segmind", "application/json");
        assertThat(console).contains("\"segmind\"", "\"jobs\"", "\"failures\"");
        assertThat(get(base + "/q/dev/segmind", "text/plain")).contains("Component: segmind", "Jobs in flight: 0");
    }

    private String get(String url, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
