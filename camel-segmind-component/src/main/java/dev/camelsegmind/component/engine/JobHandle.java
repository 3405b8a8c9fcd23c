package dev.camelsegmind.component.engine;

import java.time.Instant;

/**
 * What identifies an accepted job: the provider that runs it, its request id there, and an opaque locator that only
 * that provider reads (the URLs to follow, say). {@code submittedAt} bounds how long the provider keeps the result.
 *
 * @param locator the provider's own note on how to reach the job, or null when only the id is known
 */
public record JobHandle(String provider, String requestId, String model, String locator, Instant submittedAt) {

    /** The same job, known to have been submitted at {@code at}. */
    public JobHandle submittedAt(Instant at) {
        return new JobHandle(provider, requestId, model, locator, at);
    }
}
