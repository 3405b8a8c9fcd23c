package dev.camelsegmind.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Status calls over plain keep-alive sockets, one platform thread per connection, each request written from
 * prepared bytes and each answer read by its Content-Length. On two cores the load generator shares the CPU with the
 * simulator: java.net.http spends two to three times the simulator's CPU on a call, this about half of it, so the rate
 * measured with it is much closer to what the simulator itself can serve.
 */
final class SocketCaller implements StatusCaller {

    private final InetSocketAddress server;
    private final byte[][] requests;
    private final AtomicLong next = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SocketCaller(String baseUrl, String apiKey, List<HttpRequest> statusRequests) {
        URI base = URI.create(baseUrl);
        this.server = new InetSocketAddress(base.getHost(), base.getPort());
        this.requests = new byte[statusRequests.size()][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ("GET " + statusRequests.get(i).uri().getRawPath() + " HTTP/1.1\r\nHost: "
                    + base.getHost() + ":" + base.getPort() + "\r\nx-api-key: " + apiKey + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public void start(int concurrency, Sink sink) {
        running = true;
        next.set(0);
        threads.clear();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> loop(sink), "status-socket-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public long stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
        return next.get();
    }

    private void loop(Sink sink) {
        while (running) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(server, 10_000);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                while (running) {
                    byte[] request = requests[(int) (next.getAndIncrement() % requests.length)];
                    long sent = System.nanoTime();
                    out.write(request);
                    out.flush();
                    Answer a = read(in);
                    long done = System.nanoTime();
                    sink.answered(done, done - sent, StatusCaller.problem(a.status, a.body));
                    if (a.closing) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                sink.answered(System.nanoTime(), 0, e.toString());
            }
        }
    }

    private record Answer(int status, String body, boolean closing) {
    }

    /** One HTTP/1.1 answer with a Content-Length body; anything else is a protocol failure. */
    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean closing = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length: " + statusLine);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed inside a body");
        }
        return new Answer(status, new String(body, StandardCharsets.ISO_8859_1), closing);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the simulator");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }
}
