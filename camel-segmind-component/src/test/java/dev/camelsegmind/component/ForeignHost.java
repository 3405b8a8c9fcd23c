package dev.camelsegmind.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Another host, on 127.0.0.2: a small HTTP server of the test's own that records every request it gets (headers
 * included, so a test can see whether the key arrived) and then either passes it on to the simulator, as a gateway
 * would, or redirects it there, as a CDN would.
 */
final class ForeignHost implements AutoCloseable {

    /** One request as it arrived. */
    record Seen(String method, String path, Map<String, List<String>> headers) {
        boolean carries(String secret) {
            return headers.values().stream().flatMap(List::stream).anyMatch(v -> v.contains(secret));
        }
    }

    private enum Mode { FORWARD, REDIRECT }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String target;
    private final Mode mode;

    private ForeignHost(String target, Mode mode) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers every request by passing it on to {@code target} (same path, method, key header and body). */
    static ForeignHost forwardingTo(String target) throws IOException {
        return new ForeignHost(target, Mode.FORWARD);
    }

    /** Answers every request with a 302 to the same path on {@code target}. */
    static ForeignHost redirectingTo(String target) throws IOException {
        return new ForeignHost(target, Mode.REDIRECT);
    }

    String baseUrl() {
        return "http://127.0.0.2:" + server.getAddress().getPort();
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders())));
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            if (mode == Mode.REDIRECT) {
                exchange.getResponseHeaders().set("Location", target + pathAndQuery);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : List.of("x-api-key", "content-type", "accept")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("content-length") && !lower.equals("transfer-encoding") && !lower.startsWith(":")
                        && !lower.equals("connection") && !lower.equals("date")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
