package dev.camelsegmind.kafka.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one), run from the {@code kafka_2.13} jars on this
 * JVM's class path in a process of its own, on loopback, with a small heap. No Docker, nothing to install: the tests
 * and the scale-out example start it, and {@link #kill()} takes it away the hard way for outage tests.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private Process process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort, String classPath) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = classPath;
    }

    /** Formats a new log directory under {@code dir} and starts a broker on two free loopback ports. */
    public static KafkaBrokerProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, 0);
    }

    /** As {@link #start(Path)}, on a given port (0: a free one); the controller takes another free port. */
    public static KafkaBrokerProcess start(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, port > 0 ? port : freePort(), freePort(),
                brokerClassPath());
        broker.writeConfig();
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path directory() {
        return dir;
    }

    /** The broker dies at once (SIGKILL): clients see an outage, not a shutdown. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the broker again on the same ports and data, after {@link #kill()} or {@link #close()}. */
    public void restart() throws IOException, InterruptedException {
        kill();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // one broker: every internal topic with one replica, and few partitions so it starts quickly
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        // groups form at once, and a node killed in a test is noticed within seconds
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "1000");
        // a 2-core machine shared with the nodes under test
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.cleaner.backoff.ms", "1000");
        try (var out = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            p.store(out, "written by KafkaBrokerProcess");
        }
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + dir.resolve("broker.log").toString().replace('\\', '/'),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "logger.kafka.name = kafka.server.KafkaRaftServer",
                "logger.kafka.level = INFO", ""));
    }

    private void format() throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("data"))) {
            return;
        }
        Process format = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("Formatting the broker's storage failed: " + Files.readString(
                    dir.resolve("format.log")));
        }
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(javaCommand("kafka.Kafka", dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // an admin client asked before the port listens logs a warning per attempt: wait for the port first
        while (!listening()) {
            if (!process.isAlive()) {
                throw new IOException("The Kafka broker exited at start (" + process.exitValue() + "): "
                        + tail(dir.resolve("broker.out")) + tail(dir.resolve("broker.log")));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("The Kafka broker did not listen within " + START_TIMEOUT + ": "
                        + tail(dir.resolve("broker.log")));
            }
            Thread.sleep(200);
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("The Kafka broker exited at start (" + process.exitValue() + "): "
                            + tail(dir.resolve("broker.out")) + tail(dir.resolve("broker.log")));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IOException("The Kafka broker did not answer within " + START_TIMEOUT + ": "
                                + tail(dir.resolve("broker.log")));
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small and quick to start: the machine also runs the nodes under test
        command.addAll(List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toUri(),
                "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The broker needs only the Kafka jars and their dependencies; this JVM's class path has them (a test dependency
     * on {@code kafka_2.13}). {@code -Dkafka.broker.classpath} overrides it.
     */
    private static String brokerClassPath() {
        String explicit = System.getProperty("kafka.broker.classpath");
        String cp = explicit != null ? explicit : System.getProperty("java.class.path");
        if (explicit == null && !names(cp).contains("kafka_2.13")) {
            // run inside Maven (exec:java): the project's jars are in the class loader, not on java.class.path
            cp = loaderClassPath(Thread.currentThread().getContextClassLoader(), cp);
        }
        boolean hasBroker = false;
        for (String entry : cp.split(File.pathSeparator)) {
            hasBroker |= new File(entry).getName().startsWith("kafka_2.13");
        }
        if (!hasBroker) {
            throw new IllegalStateException("No kafka_2.13 jar on the class path: add org.apache.kafka:kafka_2.13"
                    + " as a test dependency, or set -Dkafka.broker.classpath");
        }
        return cp;
    }

    private static String names(String cp) {
        StringBuilder sb = new StringBuilder();
        for (String entry : cp.split(File.pathSeparator)) {
            sb.append(new File(entry).getName()).append('\n');
        }
        return sb.toString();
    }

    /** The jars of a class loader and its parents (URL class loaders only), then {@code fallback}. */
    private static String loaderClassPath(ClassLoader loader, String fallback) {
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader u) {
                for (java.net.URL url : u.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (java.net.URISyntaxException | IllegalArgumentException ignored) {
                        // not a file: nothing a child JVM could load
                    }
                }
            }
        }
        entries.add(fallback);
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
