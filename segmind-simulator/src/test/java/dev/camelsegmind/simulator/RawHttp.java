package dev.camelsegmind.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for the faults a full client hides: an answer whose headers arrive
 * and whose body then stops. Every read waits at most the socket timeout, so a test sees "nothing
 * more came" as {@link #readsNothingMore} instead of hanging.
 */
final class RawHttp implements AutoCloseable {

    final int status;
    final Map<String, String> headers;
    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Sends one request with the simulator's key and reads the status line and headers. */
    static RawHttp send(SegmindSimulator sim, String method, String path, String json, int readTimeoutMs) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", sim.port()), 5_000);
            socket.setSoTimeout(readTimeoutMs);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port()
                    + "\r\nx-api-key: " + sim.defaultApiKey()
                    + (json == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + body.length)
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new RawHttp(socket, in, Integer.parseInt(statusLine.split(" ")[1]), headers);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    long contentLength() {
        return Long.parseLong(headers.get("content-length"));
    }

    /** Reads exactly {@code n} body bytes, failing if they do not come within the timeout. */
    byte[] read(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (out.size() < n) {
                int got = in.read(buffer, 0, (int) Math.min(buffer.length, n - out.size()));
                if (got < 0) {
                    throw new AssertionError("connection closed after " + out.size() + " of " + n + " bytes");
                }
                out.write(buffer, 0, got);
            }
        } catch (IOException e) {
            throw new AssertionError("only " + out.size() + " of " + n + " bytes came", e);
        }
        return out.toByteArray();
    }

    /** True when no byte comes within the timeout and the connection stays open. */
    boolean readsNothingMore() {
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException silent) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** True when the server closes the connection (end of stream or a reset) within the timeout. */
    boolean closedByServer() {
        try {
            byte[] buffer = new byte[8192];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c < 0 && sb.length() == 0) {
            throw new IOException("connection closed before an answer");
        }
        return sb.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is done with it either way
        }
    }
}
