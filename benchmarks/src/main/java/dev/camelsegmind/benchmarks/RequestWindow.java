package dev.camelsegmind.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;

/**
 * At most a fixed number of requests on the wire: the caller blocks while that many are outstanding. The JDK client
 * opens a connection per concurrent request, so this also fixes the number of keep-alive connections the server sees.
 */
final class RequestWindow {

    /** What to do with an answer, told when its request went out (after waiting for a place, not before). */
    interface Then<T> {
        void accept(HttpResponse<T> response, Throwable failure, long sentNanos);
    }

    private final HttpClient http;
    private final int size;
    private final Semaphore permits;

    RequestWindow(HttpClient http, int size) {
        this.http = http;
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /**
     * Sends once a place is free. {@code then} sees the answer before the place is given back, so once {@link #drain()}
     * returns every answer has been handled.
     */
    <T> void send(HttpRequest request, HttpResponse.BodyHandler<T> body, Then<T> then) throws InterruptedException {
        permits.acquire();
        long sent = System.nanoTime();
        try {
            http.sendAsync(request, body).whenComplete((r, e) -> {
                try {
                    then.accept(r, e, sent);
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns once every request sent so far has been answered (or has failed). */
    void drain() throws InterruptedException {
        permits.acquire(size);
        permits.release(size);
    }
}
