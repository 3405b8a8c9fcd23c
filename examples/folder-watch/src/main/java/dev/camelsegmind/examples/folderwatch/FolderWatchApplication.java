package dev.camelsegmind.examples.folderwatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.camelsegmind.component.SegmindComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.OnCamelContextStopping;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Watches inbox/ and turns what is dropped there into images and videos in outbox/. With SEGMIND_API_KEY set it
 * calls Segmind and keeps watching until Ctrl-C; without it, it runs the samples against the in-process simulator
 * and stops by itself once idle.
 */
public final class FolderWatchApplication {

    private final FolderWatchSettings settings;

    public FolderWatchApplication(FolderWatchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        new FolderWatchApplication(FolderWatchSettings.fromEnvironment()).run();
    }

    /** Runs until idle (simulator) or until the JVM is asked to stop (Segmind); returns what was processed. */
    public RunSummary run() throws Exception {
        Files.createDirectories(settings.inbox());
        Files.createDirectories(settings.outbox());
        Path home = settings.inbox().getParent();
        JobProgress progress = new JobProgress(home);

        // the listener must be on the component before it starts: bind our own instance under the name "segmind"
        SegmindComponent segmind = new SegmindComponent();
        segmind.addJobListener(progress);

        Main main = new Main();
        main.bind("segmind", segmind);
        main.configure().addRoutesBuilder(new FolderWatchRoutes(settings, progress));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext context = configured.getCamelContext();
                context.addLifecycleStrategy(LifecycleStrategySupport.adapt(
                        (OnCamelContextStopping) stopping -> progress.stopping(stopping.getInflightRepository().size())));
                // a service of the context is stopped once the routes are done, also on Ctrl-C, where the JVM does
                // not wait for code that runs after Camel has stopped
                try {
                    context.addService(new SummaryPrinter(progress.summary()));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot register the summary printer", e);
                }
            }
        });

        if (!settings.simulated()) {
            // the key reaches the component through application.properties: {{env:SEGMIND_API_KEY}}
            System.out.println("Segmind API: watching " + settings.inbox() + " (results in " + settings.outbox()
                    + "); press Ctrl-C to stop");
            main.run();
            return progress.summary();
        }
        try (SimulatorMode simulator = SimulatorMode.start(settings.timeFactor())) {
            System.out.println(SimulatorMode.BANNER);
            List<Path> samples = SimulatorMode.copySamples(settings.samples(), settings.inbox());
            System.out.println("copied " + samples.size() + " samples into " + settings.inbox()
                    + "; results go to " + settings.outbox());
            simulatorProperties(main, simulator);
            // no exit call: the run ends when Camel has been idle for a while, so Maven's exec:java returns normally
            main.configure().setDurationMaxIdleSeconds(settings.idleSeconds());
            progress.summary().callbacksFrom(simulator::callbacksAnswered);
            main.run();
            long answered = simulator.callbacksAnswered();
            progress.summary().callbacksFrom(() -> answered);
        }
        return progress.summary();
    }

    /** Points the component at the simulator and shrinks the waits by the simulator's time factor. */
    private void simulatorProperties(Main main, SimulatorMode simulator) {
        double f = settings.timeFactor();
        main.addOverrideProperty("camel.component.segmind.base-url", simulator.baseUrl());
        main.addOverrideProperty("camel.component.segmind.upload-url", simulator.baseUrl() + "/upload-asset");
        main.addOverrideProperty("camel.component.segmind.api-key", simulator.apiKey());
        main.addOverrideProperty("camel.component.segmind.poll-interval", millis(1000 * f));
        main.addOverrideProperty("camel.component.segmind.max-poll-interval", millis(10_000 * f));
        main.addOverrideProperty("camel.component.segmind.retry-delay", millis(1000 * f));
        main.addOverrideProperty("camel.component.segmind.max-retry-delay", millis(30_000 * f));
        // a job that never ends must still end the demo: fail it after the usual 15 minutes, scaled
        main.addOverrideProperty("camel.component.segmind.timeout", millis(Math.max(30_000, 900_000 * f)));
        // the simulator is crun.ai too, on the same port and key; it calls back on Camel Main's HTTP server
        int port = freePort();
        main.addOverrideProperty("camel.component.segmind.crun-base-url", simulator.baseUrl());
        main.addOverrideProperty("camel.component.segmind.crun-api-key", simulator.apiKey());
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.component.segmind.callback-base-url", "http://127.0.0.1:" + port);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the callback receiver", e);
        }
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%d", Math.max(10, Math.round(value)));
    }
}
