package dev.camelsegmind.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/** The answers faults give: in place of handling the request, or in place of the answer the handling produced. */
final class FaultReplies {

    /**
     * How the provider a route belongs to words an answer a fault makes up: the real answer for an injected
     * {@code status} (given the instant a 429 names), the JSON error body of an {@code acceptThenStatus}, and whether
     * every 429 names its reset (Segmind documents the header; crun documents none, so there only a storm names its
     * end).
     */
    record House(BiFunction<Integer, Instant, Reply> status, IntFunction<Reply> jsonError, boolean namesEveryReset) {
    }

    static final House SEGMIND = new House(Replies::forStatus, Replies::errorBody, true);

    private FaultReplies() {
    }

    static Reply instead(Fault fault, Call call) {
        return instead(fault, call, SEGMIND);
    }

    static Reply instead(Fault fault, Call call, House house) {
        switch (fault.kind()) {
            case DROP_BEFORE_ACCEPT:
                return Reply.drop();
            case EXPIRE:
                return call.requestId() == null ? Replies.notFound() : Replies.requestNotFound(call.requestId());
            case STATUS:
            case REDIRECT:
                return answer(fault, call.receivedAt(), house);
            default:
                throw new IllegalStateException(fault + " does not replace the answer");
        }
    }

    /**
     * The answer after the work was done: the handler's own, or what a fault that spoils successes
     * makes of it. A substitute keeps the original's timing, so a sync call's error still comes
     * when its media would have.
     */
    static Reply after(Call call, Reply handled, String ownBaseUrl) {
        return after(call, handled, ownBaseUrl, SEGMIND);
    }

    static Reply after(Call call, Reply handled, String ownBaseUrl, House house) {
        Fault fault = call.fault();
        if (fault == null || handled.dropped()) {
            return handled;
        }
        switch (fault.kind()) {
            case MALFORMED_JSON:
                return Replies.malformedJson().delayedBy(handled.delay());
            case ACCEPT_THEN_STATUS:
            case ACCEPT_THEN_HTML:
                return answer(fault, call.receivedAt(), house).delayedBy(handled.delay());
            case FOREIGN_URLS:
                return foreign(handled, ownBaseUrl, fault.foreignBaseUrl());
            default:
                return handled;
        }
    }

    /**
     * A fault's own answer. A 429 that lasts (a storm) names its end, as Segmind's limiter names
     * the end of its window; one without a lifetime names a second ahead, in a house that names every
     * reset. Retry-After, when asked
     * for, counts the same time in whole seconds.
     */
    private static Reply answer(Fault fault, Instant now, House house) {
        int code = fault.statusCode();
        boolean lasts = fault.lifetime() != null;
        Duration left = lasts ? fault.timeLeft(System.nanoTime()) : Duration.ofSeconds(1);
        Instant resetAt = lasts ? fault.endsAt() : now.plus(left);
        Reply reply = switch (fault.kind()) {
            case REDIRECT -> fault.body() == null ? Replies.redirect(code, fault.location())
                    : Reply.html(code, fault.body()).header("Location", fault.location());
            case ACCEPT_THEN_HTML -> fault.body() == null ? Replies.gatewayPage(code) : Reply.html(code, fault.body());
            case ACCEPT_THEN_STATUS -> fault.body() == null ? house.jsonError().apply(code) : Reply.rawJson(code, fault.body());
            default -> fault.body() == null ? house.status().apply(code, resetAt) : Reply.rawJson(code, fault.body());
        };
        if (code == 429 && (lasts || house.namesEveryReset())) {
            Replies.withResetAt(reply, resetAt);
        }
        if (fault.sendsRetryAfter()) {
            Replies.withRetryAfter(reply, left);
        }
        fault.headers().forEach(reply::header);
        return reply;
    }

    /** The same JSON answer with every URL of the simulator's own naming another host. */
    private static Reply foreign(Reply reply, String own, String foreign) {
        if (!(reply.body() instanceof Body.Bytes bytes) || !reply.json()) {
            return reply;
        }
        String text = new String(bytes.bytes(), StandardCharsets.UTF_8).replace(own, foreign);
        return reply.withBody(Body.bytes(text.getBytes(StandardCharsets.UTF_8)));
    }
}
