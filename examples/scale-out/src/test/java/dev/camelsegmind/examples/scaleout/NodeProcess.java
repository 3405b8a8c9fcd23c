package dev.camelsegmind.examples.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A scale-out node in a JVM of its own, as an operator runs it: started, stopped, frozen and killed by signal. */
final class NodeProcess implements AutoCloseable {

    final String name;
    private final Path log;
    private final Process process;

    private NodeProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static NodeProcess start(String name, Path dir, Map<String, String> settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dscaleout.node-name=" + name);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ItNode.class.getName()));
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(name, log, p);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: the JVM stops in its tracks, sockets open, nothing sent or polled, until it is killed. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** {@code kill -9}: no shutdown hook, no leaving the group, no last write. */
    void kill() throws IOException, InterruptedException {
        signal("-9");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** SIGTERM: Camel shuts down gracefully and the node leaves the group. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        // the shell's own kill: present wherever there is a shell, unlike /bin/kill
        Process kill = new ProcessBuilder("sh", "-c", "kill " + signal + " " + process.pid()).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }
}
