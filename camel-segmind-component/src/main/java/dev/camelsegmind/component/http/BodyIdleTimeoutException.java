package dev.camelsegmind.component.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An answer's headers came, then its body stopped: no byte for longer than the call's limit. The JDK's request
 * timeout covers only the wait for the headers; this covers the body.
 */
public final class BodyIdleTimeoutException extends HttpTimeoutException {

    public BodyIdleTimeoutException(Duration idle) {
        super("the answer's body stalled: no data for " + idle.toMillis() + " ms (option requestTimeout)");
    }
}
