package dev.camelsegmind.component.observability;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.model.SafeText;

/** The last failed jobs of a component, newest first, for the developer console; bounded so it never grows. */
public final class SegmindRecentFailures implements JobListener {

    public static final int CAPACITY = 50;

    /** One failed job (or submit, when {@code requestId} is null). */
    public record Failure(Instant at, String model, String requestId, String errorType, String message) {
    }

    private final Deque<Failure> failures = new ArrayDeque<>(CAPACITY);

    @Override
    public void failed(JobHandle job, String model, Throwable error) {
        Failure f = new Failure(Instant.now(), model, job == null ? null : job.requestId(),
                error.getClass().getSimpleName(),
                error.getMessage() == null ? null : SafeText.forMessage(error.getMessage(), 300));
        synchronized (failures) {
            if (failures.size() == CAPACITY) {
                failures.removeLast();
            }
            failures.addFirst(f);
        }
    }

    public List<Failure> list() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }
}
