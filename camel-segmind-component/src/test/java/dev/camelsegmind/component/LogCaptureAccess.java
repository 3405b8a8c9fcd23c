package dev.camelsegmind.component;

import org.apache.logging.log4j.Level;

/** {@link LogCapture} for tests in other packages. */
public final class LogCaptureAccess implements AutoCloseable {

    private final LogCapture capture;

    private LogCaptureAccess(LogCapture capture) {
        this.capture = capture;
    }

    /** Every logger's output from {@code level} up, until closed. */
    public static LogCaptureAccess of(Level level) {
        return new LogCaptureAccess(LogCapture.of(level, "", "dev.camelsegmind"));
    }

    /** The named loggers' output from {@code level} up, kept from the console until closed. */
    public static LogCaptureAccess of(Level level, String... loggers) {
        return new LogCaptureAccess(LogCapture.of(level, loggers));
    }

    public java.util.List<String> lines() {
        return capture.lines();
    }

    public String text() {
        return capture.text();
    }

    @Override
    public void close() {
        capture.close();
    }
}
