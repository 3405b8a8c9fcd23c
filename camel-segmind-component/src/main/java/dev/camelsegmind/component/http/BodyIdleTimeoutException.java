package dev.camelsegmind.component.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An answer's headers came, then its body stopped: no byte for longer than the call's limit. A wait for the headers
 * past the limit is an {@link HttpTimeoutException} of its own; this is the body's.
 */
public final class BodyIdleTimeoutException extends HttpTimeoutException {

    public BodyIdleTimeoutException(Duration idle) {
        super("the answer's body stalled: no data for " + idle.toMillis() + " ms (option requestTimeout)");
    }
}
