package dev.camelsegmind.component;

/** What the producer does with a message. */
public enum SegmindOperation {
    /** Submit, wait without blocking, fetch the result and download the media. */
    generate,
    /** Submit and return at once with the request id. */
    submit,
    /** One status read for the request id in header CamelSegmindRequestId. */
    status,
    /** Wait for and download a job submitted earlier (another route, another JVM, or before a restart). */
    await,
    /** One v1 call that answers when the media is ready; only for models that finish in seconds. */
    sync
}
