package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A callback receiver on 127.0.0.1, as the component's will be: it records every POST and answers 200, or the
 * statuses it was told to answer first, or nothing for a while.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String path, String query, Map<String, String> headers, byte[] body) {

        JsonNode json() {
            try {
                return SimClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("callback body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> plannedStatuses = new ConcurrentLinkedQueue<>();
    private volatile long stallMillis;

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            if (stallMillis > 0) {
                SimClient.pause(stallMillis);
            }
            Integer status = plannedStatuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} plus the path (and query) given. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next requests are answered with these statuses, in order; 200 after them. */
    void answer(int... statuses) {
        for (int status : statuses) {
            plannedStatuses.add(status);
        }
    }

    /** Holds every answer back this long, so the sender's timeout strikes first. */
    void stall(Duration length) {
        this.stallMillis = length.toMillis();
    }

    /** The next request, waiting up to 10 s for it. */
    Received next() {
        try {
            Received r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no callback arrived");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Received> next(int count) {
        List<Received> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    /** Asserts that nothing arrives for a while (the simulator sends within milliseconds when it sends at all). */
    void expectNothingFor(Duration quiet) {
        try {
            Received r = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (r != null) {
                throw new AssertionError("unexpected callback to " + r.pathAndQuery() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
