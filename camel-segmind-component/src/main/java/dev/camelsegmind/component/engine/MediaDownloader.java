package dev.camelsegmind.component.engine;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches one output of a finished job. Output URLs need no key, so a downloader never sends one. Failures complete
 * the future with an exception that the job's provider can classify ({@link JobProvider#classify}). Cancelling the
 * future ends the download and deletes what it wrote: the engine does so for a job given up while it downloads.
 */
public interface MediaDownloader {

    /**
     * @param index which output of the job (0-based), to name the file
     * @param count how many outputs the job has
     */
    CompletableFuture<FetchedMedia> fetch(JobHandle job, MediaRef ref, int index, int count, DownloadOptions options);
}
