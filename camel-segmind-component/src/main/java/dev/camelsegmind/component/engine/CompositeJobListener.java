package dev.camelsegmind.component.engine;

import java.time.Duration;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two listeners as one; a listener that throws is logged and never breaks a job. */
final class CompositeJobListener implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeJobListener.class);

    private final JobListener first;
    private final JobListener second;

    CompositeJobListener(JobListener first, JobListener second) {
        this.first = first;
        this.second = second;
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("A job listener failed: {}", e.toString());
        }
    }

    @Override
    public void submitted(JobHandle job) {
        safely(() -> first.submitted(job));
        safely(() -> second.submitted(job));
    }

    @Override
    public void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
        safely(() -> first.statusRead(job, from, to, elapsed));
        safely(() -> second.statusRead(job, from, to, elapsed));
    }

    @Override
    public void retrying(String requestId, String model, CallPhase phase, int attempt, long delayMillis,
                         Throwable cause) {
        safely(() -> first.retrying(requestId, model, phase, attempt, delayMillis, cause));
        safely(() -> second.retrying(requestId, model, phase, attempt, delayMillis, cause));
    }

    @Override
    public void completed(JobResult result, Duration elapsed) {
        safely(() -> first.completed(result, elapsed));
        safely(() -> second.completed(result, elapsed));
    }

    @Override
    public void downloaded(JobHandle job, long bytes) {
        safely(() -> first.downloaded(job, bytes));
        safely(() -> second.downloaded(job, bytes));
    }

    @Override
    public void failed(JobHandle job, String model, Throwable error) {
        safely(() -> first.failed(job, model, error));
        safely(() -> second.failed(job, model, error));
    }
}
