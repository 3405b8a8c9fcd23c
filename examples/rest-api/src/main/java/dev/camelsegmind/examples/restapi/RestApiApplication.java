package dev.camelsegmind.examples.restapi;

import java.util.Locale;

import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.main.Main;

/**
 * An HTTP service in front of Segmind: {@code POST /images}, {@code POST /videos} and {@code GET /jobs/{id}}. With
 * SEGMIND_API_KEY set it calls Segmind; without it, an in-process simulator that answers with placeholder media.
 * The port is {@code camel.server.port} (8080), settable as {@code -Dcamel.server.port=9090} or CAMEL_SERVER_PORT.
 */
public final class RestApiApplication {

    static final String BANNER = "simulator: placeholder media, no credits used";
    /** A 138 s video renders in under 3 s: long enough to see the 202 flow, short enough to wait for. */
    static final double DEMO_TIME_FACTOR = 0.02;

    private RestApiApplication() {
    }

    public static void main(String[] args) throws Exception {
        String key = System.getenv("SEGMIND_API_KEY");
        if (key != null && !key.isBlank()) {
            // the key reaches the component through application.properties: {{env:SEGMIND_API_KEY}}
            newMain().run(args);
            return;
        }
        try (SegmindSimulator simulator = SegmindSimulator.builder().timeFactor(DEMO_TIME_FACTOR).build().start()) {
            Main main = newMain();
            useSimulator(main, simulator.baseUrl(), simulator.defaultApiKey(), DEMO_TIME_FACTOR);
            System.out.println(BANNER);
            main.run(args);
        }
    }

    /** The service, not yet started: routes, and an HTTP engine that waits for jobs without holding a thread. */
    public static Main newMain() {
        Main main = new Main();
        main.bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, new AsyncPlatformHttpEngine());
        main.configure().addRoutesBuilder(new GenerationRoutes());
        main.addMainListener(new ServerSummary());
        return main;
    }

    /** Points the component at a simulator and shrinks the waits by the simulator's time factor. */
    public static void useSimulator(Main main, String baseUrl, String apiKey, double timeFactor) {
        main.addOverrideProperty("camel.component.segmind.base-url", baseUrl);
        main.addOverrideProperty("camel.component.segmind.upload-url", baseUrl + "/upload-asset");
        main.addOverrideProperty("camel.component.segmind.api-key", apiKey);
        main.addOverrideProperty("camel.component.segmind.poll-interval", millis(1000 * timeFactor));
        main.addOverrideProperty("camel.component.segmind.max-poll-interval", millis(10_000 * timeFactor));
        main.addOverrideProperty("camel.component.segmind.retry-delay", millis(1000 * timeFactor));
        main.addOverrideProperty("camel.component.segmind.max-retry-delay", millis(30_000 * timeFactor));
        main.addOverrideProperty("segmind.videos.poll-interval", millis(2000 * timeFactor));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%d", Math.max(10, Math.round(value)));
    }
}
