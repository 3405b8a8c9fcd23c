package dev.camelsegmind.component.engine;

import java.util.Optional;

/** Where pending jobs are kept. Implementations must be safe for concurrent use. */
public interface PendingJobStore {

    Optional<PendingJob> find(String jobKey);

    void put(PendingJob job);

    void remove(String jobKey);
}
