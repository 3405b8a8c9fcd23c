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

    /** The same spec making {@code count} files, for APIs where the request sets how many (crun's {@code n}). */
    ModelSpec withOutputs(int count) {
        return new ModelSpec(slug, queueTime, renderTime, outputShape, count, mediaType, mediaSizeBytes, cost,
                availability, failure, blockedWords, syncResponse, parameters, geometry);
    }
}
