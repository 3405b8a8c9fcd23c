package dev.camelsegmind.component.observability;

import java.time.Duration;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DEBUG lines for every status change, with request id and model, so a job can be followed in the log. */
public final class SegmindLoggingJobListener implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.camelsegmind.component.jobs");

    @Override
    public void submitted(JobHandle job) {
        LOG.debug("request {} of {}: submitted", job.requestId(), job.model());
    }

    @Override
    public void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
        if (from != to) {
            LOG.debug("request {} of {}: {} -> {} after {} ms", job.requestId(), job.model(), from, to,
                    elapsed.toMillis());
        }
    }

    @Override
    public void completed(JobResult result, Duration elapsed) {
        LOG.debug("request {} of {}: delivered {} output(s) after {} ms", result.handle().requestId(),
                result.handle().model(), result.outputs().size(), elapsed.toMillis());
    }

    @Override
    public void failed(JobHandle job, String model, Throwable error) {
        LOG.debug("request {} of {}: failed: {}", job == null ? "(not accepted)" : job.requestId(), model,
                error.getMessage());
    }
}
