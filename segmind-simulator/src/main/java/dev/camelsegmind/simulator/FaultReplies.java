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

    private static Reply status(Fault fault, Instant now) {
        int code = fault.statusCode();
        Reply reply;
        if (fault.body() == null) {
            reply = Replies.forStatus(code, now);
        } else {
            reply = Reply.rawJson(code, fault.body());
            if (code == 429) {
                Replies.withRetryHeaders(reply, now, Duration.ofSeconds(1));
            }
        }
        fault.headers().forEach(reply::header);
        return reply;
    }
}
