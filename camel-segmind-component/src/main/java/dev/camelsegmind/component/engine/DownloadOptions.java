package dev.camelsegmind.component.engine;

import java.nio.file.Path;
import java.time.Duration;

import dev.camelsegmind.component.client.SegmindHttpClient;

/**
 * How media is fetched: where large files go, up to what size media stays in memory, the largest file accepted, and
 * how long one download may take. Media URLs need no key, so the client sends none.
 */
public record DownloadOptions(SegmindHttpClient http, Path directory, long inMemoryThreshold, long maxSize, Duration timeout) {
}
