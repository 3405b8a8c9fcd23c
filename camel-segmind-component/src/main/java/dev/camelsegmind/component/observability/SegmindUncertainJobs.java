package dev.camelsegmind.component.observability;

import java.util.Comparator;
import java.util.List;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.store.PendingJob;
import org.slf4j.LoggerFactory;

/**
 * The pending-job entries of a component whose submit (or sync call) may have been accepted and billed without an
 * answer: an operator reconciles each with the provider's account and then removes the entry, and until then a
 * redelivered message with that job key is refused rather than paid for twice.
 */
final class SegmindUncertainJobs {

    private SegmindUncertainJobs() {
    }

    /** Oldest first; empty when the component is stopped or its store cannot be read now. */
    static List<PendingJob> of(SegmindComponent component) {
        JobEngine engine = component == null ? null : component.getEngine();
        if (engine == null) {
            return List.of();
        }
        try {
            return engine.store().list().stream().filter(j -> j.state() == PendingJob.State.UNCERTAIN)
                    .sorted(Comparator.comparing(PendingJob::since, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SegmindUncertainJobs.class).warn("Cannot list the pending-job store: {}",
                    e.toString());
            return List.of();
        }
    }
}
