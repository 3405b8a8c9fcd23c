package dev.camelsegmind.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A little server on 127.0.0.2, standing for a host that is not Segmind's: it answers 200 to
 * anything and remembers each request's path and headers, so a test sees whether a key arrived.
 */
final class OtherHost implements AutoCloseable {

    /** One request as it arrived; header names lower case. */
    record Seen(String method, String path, Map<String, List<String>> headers) {
        boolean has(String header) {
            return headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(header));
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    OtherHost() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"elsewhere\":true}".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.2:PORT}. */
    String baseUrl() {
        return "http://127.0.0.2:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
