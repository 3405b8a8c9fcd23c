package dev.camelsegmind.component.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where one answer's body goes as it arrives: memory, a file, or both in turn. Called on the HTTP client's I/O
 * thread, one call at a time, so it only copies bytes; what the bytes mean is worked out later, elsewhere.
 */
interface BodySink<T> {

    /**
     * Takes the next bytes of the body.
     *
     * @return false when it wants no more: the rest is cut off unread and the connection closed
     * @throws IOException to fail the call (a limit crossed, a disk full); the connection is closed
     */
    boolean write(ByteBuffer data) throws IOException;

    /** The body as read: the answer ended, or the sink wanted no more of it. */
    T finish() throws IOException;

    /** The call failed or was given up: let go of what was kept (memory, a partial file). */
    void discard();
}
