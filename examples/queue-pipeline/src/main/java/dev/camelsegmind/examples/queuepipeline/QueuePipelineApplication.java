package dev.camelsegmind.examples.queuepipeline;

import java.util.Locale;

import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Generation requests from {@code segmind.requests}, media to {@code segmind.results}, failures to
 * {@code segmind.failed}, with the accepted jobs waiting on {@code segmind.pending}. Without PIPELINE_BROKER_URL it
 * starts its own ActiveMQ broker with a persistent store. With SEGMIND_API_KEY it calls Segmind (or
 * SEGMIND_BASE_URL, for example a simulator started on its own); without it, an in-process simulator, and it stops
 * once idle. {@code -Dpipeline.demo-requests=N} sends N sample requests at start (3 with the in-process simulator).
 */
public final class QueuePipelineApplication {

    static final String BANNER = "simulator: placeholder media, no credits used";
    private static final double DEMO_TIME_FACTOR = 0.02;
    private static final int DEMO_REQUESTS = 3;

    private QueuePipelineApplication() {
    }

    public static void main(String[] args) throws Exception {
        PipelineSettings settings = PipelineSettings.fromEnvironment();
        String key = System.getenv("SEGMIND_API_KEY");
        boolean simulated = key == null || key.isBlank();
        try (SegmindSimulator simulator = simulated ? SegmindSimulator.builder().timeFactor(DEMO_TIME_FACTOR).build()
                .start() : null;
             EmbeddedBroker broker = settings.brokerUrl() == null
                     ? EmbeddedBroker.start(settings.dataDir(), settings.brokerConnector()) : null) {
            String brokerUrl = broker != null ? broker.url() : settings.brokerUrl();
            int demoRequests = Integer.getInteger("pipeline.demo-requests", simulated ? DEMO_REQUESTS : 0);
            Main main = newMain(settings, brokerUrl, demoRequests);
            if (simulated) {
                System.out.println(BANNER);
                useSimulator(main, simulator.baseUrl(), simulator.defaultApiKey(), DEMO_TIME_FACTOR);
                // the demo ends by itself once its samples are through
                main.configure().setDurationMaxIdleSeconds(3);
            }
            System.out.println("broker: " + (broker != null ? "embedded, store in " + settings.dataDir() : brokerUrl));
            main.run(args);
        }
    }

    /** The pipeline, not yet started, on the broker at {@code brokerUrl}. */
    public static Main newMain(PipelineSettings settings, String brokerUrl, int demoRequests) {
        Main main = new Main();
        main.bind("jms", new PipelineJmsComponent(brokerUrl));
        main.bind("collectedJobs", FileIdempotentRepository.fileIdempotentRepository(
                settings.dataDir().resolve("collected-jobs.dat").toFile(), 10_000));
        main.configure().addRoutesBuilder(new PipelineRoutes(demoRequests));
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
        main.addOverrideProperty("pipeline.poll-interval", millis(2000 * timeFactor));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%d", Math.max(10, Math.round(value)));
    }
}
