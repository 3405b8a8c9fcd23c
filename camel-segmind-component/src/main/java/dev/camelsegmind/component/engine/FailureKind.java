package dev.camelsegmind.component.engine;

/**
 * What a failed call means for the job, decided by the provider that made it; the engine acts on these alone, so it
 * needs to know no provider's codes or exceptions.
 */
public enum FailureKind {
    /** The provider asked the caller to slow down; every job waits until the given time, then the call is repeated. */
    RATE_LIMITED,
    /** May pass if repeated: a read that failed, or a write the server cannot have accepted. */
    RETRYABLE,
    /** A write that the server may have accepted (and billed): never repeated unless the user allows it. */
    UNCERTAIN,
    /** Repeating cannot help: bad input, a refused key, a protocol error. */
    FINAL,
    /** The provider no longer knows the job (its retention passed). */
    EXPIRED,
    /** The job itself ended in failure at the provider. */
    JOB_FAILED
}
