package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A provider that can also run a model in one blocking-at-the-server call, outside the job lifecycle. */
public interface SyncCapable {

    /**
     * One call that answers with the result itself. Media in the answer is read like a download: into memory up to
     * the threshold, else to a file, never past the size limit.
     */
    CompletableFuture<SyncAnswer> sync(String model, Map<String, Object> payload, Duration timeout,
                                       DownloadOptions media);
}
