package dev.camelsegmind.component.observability;

import java.util.Collection;
import java.util.function.Supplier;

import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobListener;
import org.apache.camel.CamelContext;

/**
 * Decides whether a component gets Micrometer metrics. Micrometer is an optional dependency: this class names none of
 * its types, so {@link SegmindMicrometerMetrics} is loaded only when Micrometer is on the classpath.
 */
public final class SegmindMetricsSupport {

    public static final String MICROMETER_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private SegmindMetricsSupport() {
    }

    /** A listener that records the component's jobs in the context's MeterRegistry, or NONE without one. */
    public static JobListener listenerFor(CamelContext context, Supplier<Collection<JobEngine.ActiveJob>> activeJobs) {
        if (!micrometerPresent()) {
            return JobListener.NONE;
        }
        return SegmindMicrometerMetrics.bind(context, activeJobs);
    }

    public static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER_CLASS, false, SegmindMetricsSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
