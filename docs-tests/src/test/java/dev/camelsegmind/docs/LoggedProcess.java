package dev.camelsegmind.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the test started, its output in a file; closing it stops it as Ctrl+C would, then for good. */
final class LoggedProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private LoggedProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LoggedProcess start(List<String> command, Path dir, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of the test's own environment that names Segmind may leak into what the page sets
        pb.environment().keySet().removeIf(k -> k.startsWith("SEGMIND_"));
        pb.environment().putAll(environment);
        return new LoggedProcess(pb.start(), log);
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or -1 when it did not end in time. */
    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    /** Stops it with SIGTERM, as Ctrl+C does; whether it ended within the limit. */
    boolean stop(Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
