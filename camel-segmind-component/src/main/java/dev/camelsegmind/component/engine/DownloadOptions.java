package dev.camelsegmind.component.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How media is fetched: by which downloader, where large files go, up to what size media stays in memory, the
 * largest file accepted, and how long one download may take.
 */
public record DownloadOptions(MediaDownloader downloader, Path directory, long inMemoryThreshold, long maxSize,
                              Duration timeout) {
}
