package dev.camelsegmind.component.crun;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import dev.camelsegmind.component.SegmindConfiguration;
import dev.camelsegmind.component.SegmindTestSupport;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.BeforeAll;

/**
 * Routes that run Wan 2.7 Image Pro at crun.ai's task API on the simulator, with crun's own key, and the callback
 * receiver on a Vert.x platform-http server on loopback, as Camel Main would start it.
 */
public abstract class CrunTestSupport extends SegmindTestSupport {

    /** crun's key: another key of the same simulator, so each provider's key can be told apart in the journal. */
    protected static final String CRUN_KEY = "SG_fedcba9876543210";
    protected int httpPort;

    @BeforeAll
    static void startSimulatorWithCrunKey() {
        sim.close();
        sim = SegmindSimulator.builder().timeFactor(0.001).retention(Duration.ofDays(30)).apiKey(KEY, CRUN_KEY)
                .build().start();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        httpPort = freePort();
        CamelContext context = super.createCamelContext();
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(httpPort);
        context.addService(server);
        return context;
    }

    @Override
    protected void configure(SegmindConfiguration c) {
        super.configure(c);
        c.setCrunBaseUrl(sim.baseUrl());
        c.setCrunApiKey(CRUN_KEY);
    }

    /** The URL crun tasks are told to call back on: this test's HTTP server. */
    protected String callbackBase() {
        return "http://127.0.0.1:" + httpPort;
    }

    protected static List<JournalEntry> callbacks() {
        return sim.journal().entries(Route.CRUN_CALLBACK);
    }

    protected static long taskInfoReads() {
        return sim.journal().count(Route.CRUN_TASK_INFO);
    }

    /** CreateTask calls crun accepted: the ones that got a task id. */
    protected static long acceptedCreates() {
        return sim.journal().entries(Route.CRUN_CREATE).stream().filter(e -> e.requestId() != null).count();
    }

    /** Segmind submits accepted. */
    protected static long acceptedSubmits() {
        return sim.journal().entries(Route.SUBMIT).stream()
                .filter(e -> e.requestId() != null && e.httpStatus() == 200).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
