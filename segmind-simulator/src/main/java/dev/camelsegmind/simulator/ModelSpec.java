package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.List;

/** A frozen {@link ModelProfile}, taken when a job is accepted. */
record ModelSpec(
        String slug,
        Duration queueTime,
        Duration renderTime,
        OutputShape outputShape,
        int outputs,
        String mediaType,
        long mediaSizeBytes,
        double cost,
        ModelProfile.Availability availability,
        String failure,
        List<String> blockedWords,
        SyncResponse syncResponse,
        List<ModelParameter> parameters,
        MediaGeometry.Rule geometry) {
}
