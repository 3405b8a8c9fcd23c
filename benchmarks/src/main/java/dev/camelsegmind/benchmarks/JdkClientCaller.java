package dev.camelsegmind.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Status calls through java.net.http's {@code sendAsync}, as the component makes them: one sender thread, a fixed
 * number on the wire, one pooled HTTP/1.1 connection per request on the wire.
 */
final class JdkClientCaller implements StatusCaller {

    private final HttpClient http;
    private final List<HttpRequest> statusRequests;
    private volatile boolean running;
    private Thread sender;
    private RequestWindow window;
    private long sent;

    JdkClientCaller(HttpClient http, List<HttpRequest> statusRequests) {
        this.http = http;
        this.statusRequests = statusRequests;
    }

    @Override
    public String name() {
        return "java.net.http";
    }

    @Override
    public void start(int concurrency, Sink sink) {
        window = new RequestWindow(http, concurrency);
        sent = 0;
        running = true;
        sender = new Thread(() -> {
            try {
                while (running) {
                    HttpRequest next = statusRequests.get((int) (sent++ % statusRequests.size()));
                    window.send(next, HttpResponse.BodyHandlers.ofString(), (r, e, sentAt) -> {
                        long done = System.nanoTime();
                        sink.answered(done, done - sentAt,
                                e != null ? e.toString() : StatusCaller.problem(r.statusCode(), r.body()));
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "status-sender");
        sender.start();
    }

    @Override
    public long stop() throws InterruptedException {
        running = false;
        sender.join();
        window.drain();
        return sent;
    }
}
