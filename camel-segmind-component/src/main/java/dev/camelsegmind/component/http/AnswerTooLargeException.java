package dev.camelsegmind.component.http;

import java.io.IOException;

/**
 * An answer that is not media grew past {@link HttpTransport#MAX_ANSWER_BYTES}; it was cut off when the limit was
 * crossed. Deterministic: the same call would bring the same answer, so it is never worth repeating.
 */
public final class AnswerTooLargeException extends IOException {

    private final long limit;

    public AnswerTooLargeException(long limit) {
        super("the answer is larger than the limit of " + limit + " bytes for an API answer");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
