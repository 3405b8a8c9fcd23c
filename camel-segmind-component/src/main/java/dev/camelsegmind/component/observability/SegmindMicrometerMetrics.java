package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.support.Numbers;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Micrometer meters for a component's jobs, every one tagged with {@code model} (and {@code camelContext}). The only
 * class that names Micrometer types; see docs/operating.md for the list.
 */
public final class SegmindMicrometerMetrics implements JobListener, AutoCloseable {

    /** The name camel-micrometer binds its registry under. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final Tags common;
    private final Supplier<Collection<JobEngine.ActiveJob>> activeJobs;
    private final Map<String, Gauge> inflight = new ConcurrentHashMap<>();
    /** Per job, what the status reads showed; removed when the job ends. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private static final class Seen {
        volatile java.time.Instant processingAt;
        volatile long processingNanos;
        volatile long completedNanos;
    }

    private SegmindMicrometerMetrics(MeterRegistry registry, String contextName,
                                     Supplier<Collection<JobEngine.ActiveJob>> activeJobs) {
        this.registry = registry;
        this.common = Tags.of("camelContext", contextName == null ? "camel" : contextName);
        this.activeJobs = activeJobs;
    }

    /**
     * Binds to the registry named metricsRegistry, else the only MeterRegistry bean, else the composite one among
     * several (Spring Boot's primary registry); NONE without any.
     */
    static JobListener bind(CamelContext context, Supplier<Collection<JobEngine.ActiveJob>> activeJobs) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            registry = all.size() == 1 ? all.iterator().next()
                    : all.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
        }
        return registry == null ? JobListener.NONE
                : new SegmindMicrometerMetrics(registry, context.getName(), activeJobs);
    }

    @Override
    public void submitted(JobHandle job) {
        counter("segmind.jobs.submitted", "Jobs Segmind accepted", job.model()).increment();
        gauge(job.model());
    }

    @Override
    public void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
        counter("segmind.status.calls", "Status reads", job.model(), "status", to.name()).increment();
        gauge(job.model());
        Seen s = seen.computeIfAbsent(job.requestId(), id -> new Seen());
        if (to == JobState.PROCESSING && s.processingNanos == 0) {
            s.processingNanos = System.nanoTime();
            s.processingAt = java.time.Instant.now();
        } else if (to == JobState.COMPLETED && s.completedNanos == 0) {
            s.completedNanos = System.nanoTime();
        }
    }

    @Override
    public void retrying(String requestId, String model, CallPhase phase, int attempt, long delayMillis,
                         Throwable cause) {
        counter("segmind.retries", "Calls repeated after a retryable failure", model, "phase",
                phase.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    @Override
    public void completed(JobResult result, Duration elapsed) {
        String model = result.handle().model();
        long now = System.nanoTime();
        counter("segmind.jobs.completed", "Jobs delivered", model).increment();
        Seen s = seen.remove(result.handle().requestId());
        Map<String, Object> metrics = result.metrics() == null ? Map.of() : result.metrics();
        // Segmind's own figures when it reports them; else what our status reads saw, which is late by a poll
        Double queue = seconds(metrics.get("queue_time"));
        if (queue != null) {
            timer("segmind.job.queue.time", "Time a job waited in Segmind's queue", model)
                    .record(Math.round(queue * 1000), TimeUnit.MILLISECONDS);
        } else if (s != null && s.processingAt != null && result.handle().submittedAt() != null) {
            Duration waited = Duration.between(result.handle().submittedAt(), s.processingAt);
            timer("segmind.job.queue.time", "Time a job waited in Segmind's queue", model)
                    .record(waited.isNegative() ? Duration.ZERO : waited);
        }
        Double render = seconds(metrics.get("inference_time"));
        if (render != null) {
            timer("segmind.job.render.time", "Time Segmind spent rendering a job", model)
                    .record(Math.round(render * 1000), TimeUnit.MILLISECONDS);
        } else if (s != null && s.processingNanos > 0 && s.completedNanos > 0) {
            timer("segmind.job.render.time", "Time Segmind spent rendering a job", model)
                    .record(s.completedNanos - s.processingNanos, TimeUnit.NANOSECONDS);
        }
        if (s != null && s.completedNanos > 0) {
            timer("segmind.job.added.latency", "From the status read that saw COMPLETED to the result ready for"
                    + " the route (result call and downloads)", model)
                    .record(now - s.completedNanos, TimeUnit.NANOSECONDS);
        }
        Double cost = seconds(metrics.get("cost"));
        if (cost != null && cost > 0) {
            counter("segmind.credits.spent", "Credits Segmind reported as the cost of jobs", model).increment(cost);
        }
    }

    @Override
    public void downloaded(JobHandle job, long bytes) {
        DistributionSummary.builder("segmind.download.bytes").description("Media bytes downloaded per job")
                .baseUnit("bytes").tags(tags(job.model())).register(registry).record(bytes);
    }

    @Override
    public void failed(JobHandle job, String model, Throwable error) {
        counter("segmind.jobs.failed", "Jobs (or submits) that failed for good", model, "error",
                error.getClass().getSimpleName()).increment();
        if (job != null) {
            seen.remove(job.requestId());
        }
    }

    /** Removes the gauges, which read this component's live jobs; counters and timers keep their totals. */
    @Override
    public void close() {
        for (Meter g : inflight.values()) {
            registry.remove(g);
        }
        inflight.clear();
        seen.clear();
    }

    private void gauge(String model) {
        String m = model == null ? "unknown" : model;
        inflight.computeIfAbsent(m, k -> Gauge.builder("segmind.jobs.inflight", activeJobs,
                jobs -> jobs.get().stream().filter(j -> k.equals(j.handle().model())).count())
                .description("Jobs being waited for").tags(tags(k)).register(registry));
    }

    private Counter counter(String name, String description, String model, String... extra) {
        return Counter.builder(name).description(description).tags(tags(model).and(extra)).register(registry);
    }

    private Timer timer(String name, String description, String model) {
        return Timer.builder(name).description(description).tags(tags(model)).register(registry);
    }

    private Tags tags(String model) {
        return common.and("model", model == null ? "unknown" : model);
    }

    private static Double seconds(Object v) {
        return Numbers.toDouble(v);
    }
}
