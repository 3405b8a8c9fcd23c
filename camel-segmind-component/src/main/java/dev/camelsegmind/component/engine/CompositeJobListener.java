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

    private static void warn(Throwable e) {
        LOG.warn("A job listener failed: {}", e.toString());
    }

    // each call is written out rather than passed as a lambda: these run for every job, several times

    @Override
    public void submitted(JobHandle job) {
        try {
            first.submitted(job);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.submitted(job);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    @Override
    public void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
        try {
            first.statusRead(job, from, to, elapsed);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.statusRead(job, from, to, elapsed);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    @Override
    public void retrying(String requestId, String model, CallPhase phase, int attempt, long delayMillis,
                         Throwable cause) {
        try {
            first.retrying(requestId, model, phase, attempt, delayMillis, cause);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.retrying(requestId, model, phase, attempt, delayMillis, cause);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    @Override
    public void completed(JobResult result, Duration elapsed) {
        try {
            first.completed(result, elapsed);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.completed(result, elapsed);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    @Override
    public void downloaded(JobHandle job, long bytes) {
        try {
            first.downloaded(job, bytes);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.downloaded(job, bytes);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }

    @Override
    public void failed(JobHandle job, String model, Throwable error) {
        try {
            first.failed(job, model, error);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
        try {
            second.failed(job, model, error);
        } catch (RuntimeException | LinkageError e) {
            warn(e);
        }
    }
}
