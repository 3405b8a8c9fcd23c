package dev.camelsegmind.component.engine;

import java.time.Instant;

/**
 * A provider's reading of one failed call.
 *
 * @param retryAt the earliest time the provider asked to be called again, or null
 */
public record Failure(FailureKind kind, Instant retryAt) {

    public static Failure of(FailureKind kind) {
        return new Failure(kind, null);
    }
}
