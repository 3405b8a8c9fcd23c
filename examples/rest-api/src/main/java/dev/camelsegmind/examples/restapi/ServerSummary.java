package dev.camelsegmind.examples.restapi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's start-up summary: its endpoints at the address the server listens on. Camel 4.18's own summary
 * writes {@code http://0.0.0.0:<port>} whatever {@code camel.server.host} says, which for this service, bound to
 * loopback on purpose, reads as if anyone could reach it; log4j2.properties turns that one off.
 */
final class ServerSummary extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSummary.class);

    @Override
    public void afterStart(BaseMainSupport main) {
        lines(main.getCamelContext()).forEach(LOG::info);
    }

    /** "Listening on http://host:port", then one line per endpoint; nothing without Camel Main's HTTP server. */
    static List<String> lines(CamelContext context) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            return List.of();
        }
        String base = "http://" + server.getHost() + ":" + server.getPort();
        List<String> lines = new ArrayList<>();
        lines.add("Listening on " + base);
        PlatformHttpComponent http = context.getComponent("platform-http", PlatformHttpComponent.class);
        List<HttpEndpointModel> endpoints = new ArrayList<>(new TreeSet<>(http.getHttpEndpoints()));
        int width = endpoints.stream().mapToInt(e -> base.length() + e.getUri().length()).max().orElse(1);
        for (HttpEndpointModel e : endpoints) {
            lines.add(String.format("    %-" + width + "s  (%s)", base + e.getUri(), e.getVerbs()));
        }
        return lines;
    }
}
