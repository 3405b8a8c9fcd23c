package dev.camelsegmind.component.engine;

import java.net.URI;
import java.time.Instant;

/**
 * What identifies an accepted job at its provider: the request id and the URLs to follow, exactly as the provider
 * returned them. {@code submittedAt} bounds how long the provider keeps the result.
 */
public record JobHandle(String requestId, String model, URI statusUrl, URI responseUrl, Instant submittedAt) {
}
