package dev.camelsegmind.simulator;

import java.time.Duration;
import java.time.Instant;

/** The answer a fault gives in place of handling the request. */
final class FaultReplies {

    private FaultReplies() {
    }

    static Reply instead(Fault fault, Call call) {
        switch (fault.kind()) {
            case DROP_BEFORE_ACCEPT:
                return Reply.drop();
            case EXPIRE:
                return call.requestId() == null ? Replies.notFound() : Replies.requestNotFound(call.requestId());
            case STATUS:
                return status(fault, call.receivedAt());
            default:
                throw new IllegalStateException(fault + " does not replace the answer");
        }
    }

    /**
     * A 429 that lasts (a storm) names its end, as Segmind's limiter names the end of its window,
     * and the whole seconds left in real time; one without a lifetime says to come back in a second.
     */
    private static Reply status(Fault fault, Instant now) {
        int code = fault.statusCode();
        Reply reply = fault.body() == null ? Replies.forStatus(code, now) : Reply.rawJson(code, fault.body());
        if (code == 429 && fault.lifetime() != null) {
            Replies.withResetHeaders(reply, fault.endsAt(), fault.timeLeft(System.nanoTime()));
        } else if (code == 429 && fault.body() != null) {
            Replies.withRetryHeaders(reply, now, Duration.ofSeconds(1));
        }
        fault.headers().forEach(reply::header);
        return reply;
    }
}
