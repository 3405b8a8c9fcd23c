package dev.camelsegmind.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts replies on the wire, applying the faults that act on the connection: a drop, a delay, a
 * cut, a body stall. Late answers are scheduled, never slept on, half-sent ones are held by
 * {@link BodyStalls}, and large bodies go to their own threads, so neither a stalled answer nor a
 * gigabyte download holds one of the few request threads.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private static final long LARGE_BODY = 1 << 20;

    private final Journal journal;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor requestThreads;
    private final Executor streamThreads;
    private final BodyStalls stalls;

    ReplySender(Journal journal, Clock clock, ScheduledExecutorService scheduler, Executor requestThreads,
            Executor streamThreads, BodyStalls stalls) {
        this.journal = journal;
        this.clock = clock;
        this.scheduler = scheduler;
        this.requestThreads = requestThreads;
        this.streamThreads = streamThreads;
        this.stalls = stalls;
    }

    void send(Call call, Reply reply) {
        Fault fault = call.fault();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (reply.dropped() || kind == Fault.Kind.DROP_AFTER_ACCEPT) {
            drop(call);
            return;
        }
        // Truncation and a body stall both send half; a stall then holds the connection open.
        long limit = kind == Fault.Kind.TRUNCATE || kind == Fault.Kind.STALL_BODY ? reply.length() / 2 : Long.MAX_VALUE;
        Duration wait = kind == Fault.Kind.DELAY ? reply.delay().plus(fault.delay()) : reply.delay();
        Executor executor = reply.length() > LARGE_BODY ? streamThreads : requestThreads;
        Runnable write = () -> write(call, reply, limit);
        try {
            if (!wait.isZero()) {
                scheduler.schedule(() -> hand(executor, write, call), wait.toNanos(), TimeUnit.NANOSECONDS);
            } else if (executor == streamThreads) {
                executor.execute(write);
            } else {
                write.run();
            }
        } catch (RejectedExecutionException stopping) {
            call.exchange().close();
        }
    }

    private static void hand(Executor executor, Runnable write, Call call) {
        try {
            executor.execute(write);
        } catch (RejectedExecutionException stopping) {
            call.exchange().close();
        }
    }

    /** Closing an exchange before its headers are sent closes the socket: the client reads nothing. */
    private void drop(Call call) {
        record(call, -1);
        LOG.debug("{} {} -> connection dropped ({})", call.method(), call.path(), tag(call));
        call.exchange().close();
    }

    private void write(Call call, Reply reply, long limit) {
        HttpExchange exchange = call.exchange();
        boolean stalling = call.fault() != null && call.fault().kind() == Fault.Kind.STALL_BODY
                && reply.length() > 0 && !"HEAD".equals(call.method());
        boolean handedOver = false;
        try {
            Headers headers = exchange.getResponseHeaders();
            reply.headers().forEach(headers::set);
            long length = reply.length();
            record(call, reply.status());
            LOG.debug("{} {} -> {}{}", call.method(), call.path(), reply.status(),
                    call.fault() == null ? "" : " (" + tag(call) + ")");
            if ("HEAD".equals(call.method())) {
                headers.set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            if (stalling) {
                // From here the stall owns the exchange, and a reset finds it before the client sees a byte.
                handedOver = true;
                stalls.hold(call, reply, limit, call.fault().bodyStall());
                return;
            }
            // The JDK server reads length 0 as "chunked"; -1 is how it spells "no body".
            exchange.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
            if (length > 0) {
                OutputStream out = exchange.getResponseBody();
                reply.body().writeTo(limit < length ? new CuttingOutputStream(out, limit) : out);
            }
        } catch (CuttingOutputStream.Cut expected) {
            // Closing the exchange below with bytes still owed makes the server drop the socket.
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {}: answer not delivered: {}", call.method(), call.path(), e.toString());
        } finally {
            if (!handedOver) {
                exchange.close();
            }
        }
    }

    private void record(Call call, int status) {
        if (call.route() != null || call.match().admin() == null) {
            journal.record(call.journalEntry(status, clock.instant()));
        }
    }

    private static String tag(Call call) {
        return call.fault() == null ? "no fault" : call.fault().tag();
    }
}
