package dev.camelsegmind.component.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP/1.1 server on loopback that answers each connection with a script of bytes and then notes when the
 * client closes the connection: what a test needs to see that a call was given up on the wire, not merely forgotten.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server writes after reading the request; returning keeps the connection open until the client closes. */
    interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closedByClient = new CountDownLatch(1);
    private volatile boolean answerCompleted;
    private volatile String requestHead;

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                requestHead = readRequest(in);
                requested.countDown();
                OutputStream out = s.getOutputStream();
                try {
                    script.answer(out);
                    out.flush();
                    answerCompleted = true;
                } catch (IOException e) {
                    // the client went away while the script wrote: that is a close too
                    closedByClient.countDown();
                    return;
                }
                while (in.read() >= 0) {
                    // wait for the client's end of the connection
                }
                closedByClient.countDown();
            } catch (IOException e) {
                closedByClient.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The request line and headers as the client sent them, once {@link #awaitRequest} said they came. */
    String requestHead() {
        return requestHead;
    }

    boolean awaitRequest(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Whether the client closed the connection within the time. */
    boolean awaitClientClose(long millis) throws InterruptedException {
        return closedByClient.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean answerCompleted() {
        return answerCompleted;
    }

    static void headers(OutputStream out, int status, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void lastChunk(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                long n = Long.parseLong(line.substring(15).trim());
                in.readNBytes((int) n);
            }
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
