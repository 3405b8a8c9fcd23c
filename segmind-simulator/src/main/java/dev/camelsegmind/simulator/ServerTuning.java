package dev.camelsegmind.simulator;

/**
 * JDK HTTP server settings that only take effect as system properties read when the server
 * classes load. Set only if the user has not: without them the server answers small requests
 * after a 40 ms Nagle stall and closes pooled connections past 200 idle ones, both of which
 * show up as noise in benchmarks and as resets under thousands of concurrent clients.
 */
final class ServerTuning {

    private ServerTuning() {
    }

    static void apply() {
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "4096");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
