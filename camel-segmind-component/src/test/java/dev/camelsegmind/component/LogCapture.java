package dev.camelsegmind.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures log4j2 output in memory while a test runs: every event of the named loggers at or above the level, with
 * the formatted message and any stack trace, exactly as an appender would write it.
 */
public final class LogCapture implements AutoCloseable {

    private final Appender appender;
    private final List<String> names;
    private final List<Level> previous = new ArrayList<>();
    private final List<Boolean> created = new ArrayList<>();
    private final List<Map<String, org.apache.logging.log4j.core.Appender>> silenced = new ArrayList<>();

    private LogCapture(Level level, List<String> names) {
        this.names = names;
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new Appender("capture-" + UUID.randomUUID(),
                PatternLayout.newBuilder().withPattern("%-5level %c - %msg%n%throwable").build());
        appender.start();
        for (String name : names) {
            LoggerConfig lc = name.isEmpty() ? config.getRootLogger() : config.getLoggerConfig(name);
            boolean exact = lc.getName().equals(name);
            if (!exact) {
                // not additive: the captured events stay out of the console
                lc = new LoggerConfig(name, level, false);
                config.addLogger(name, lc);
            }
            created.add(!exact);
            previous.add(lc.getLevel());
            // while capturing, the other appenders (the console) would drown the build log at TRACE
            Map<String, org.apache.logging.log4j.core.Appender> others = new LinkedHashMap<>(lc.getAppenders());
            others.keySet().forEach(lc::removeAppender);
            silenced.add(others);
            lc.setLevel(level);
            lc.addAppender(appender, level, null);
        }
        ctx.updateLoggers();
    }

    /** Captures the named loggers ("" for the root) at {@code level} and above. */
    public static LogCapture of(Level level, String... loggers) {
        return new LogCapture(level, List.of(loggers));
    }

    public List<String> lines() {
        synchronized (appender.lines) {
            return new ArrayList<>(appender.lines);
        }
    }

    public String text() {
        return String.join("", lines());
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (created.get(i)) {
                config.removeLogger(name);
            } else {
                LoggerConfig lc = name.isEmpty() ? config.getRootLogger() : config.getLoggerConfig(name);
                lc.removeAppender(appender.getName());
                for (org.apache.logging.log4j.core.Appender other : silenced.get(i).values()) {
                    lc.addAppender(other, null, null);
                }
                lc.setLevel(previous.get(i));
            }
        }
        ctx.updateLoggers();
        appender.stop();
    }

    private static final class Appender extends AbstractAppender {
        final List<String> lines = new ArrayList<>();

        Appender(String name, PatternLayout layout) {
            super(name, null, layout, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String line = getLayout().toSerializable(event).toString();
            synchronized (lines) {
                lines.add(line);
            }
        }
    }
}
