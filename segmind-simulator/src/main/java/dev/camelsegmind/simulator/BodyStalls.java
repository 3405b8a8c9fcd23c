package dev.camelsegmind.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers a {@link Fault#stallBody} fault holds half-sent. None holds a thread while it waits:
 * each is a timer that either sends the rest or closes the connection, and every one still
 * waiting is closed on {@link #releaseAll()}, which a reset and a close call, so a stalled
 * exchange can neither outlive {@link Fault#LONGEST_BODY_STALL} nor keep the simulator from
 * stopping.
 */
final class BodyStalls {

    private static final Logger LOG = LoggerFactory.getLogger(BodyStalls.class);

    private final ScheduledExecutorService scheduler;
    private final Executor streamThreads;
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    BodyStalls(ScheduledExecutorService scheduler, Executor streamThreads) {
        this.scheduler = scheduler;
        this.streamThreads = streamThreads;
    }

    /**
     * Sends the status line, the headers and the first {@code half} bytes of the body, then holds
     * the rest. With {@code resumeAfter} the rest follows then; without, the connection is closed
     * at the longest stall. The exchange is this class's from the call on: it alone closes it.
     */
    void hold(Call call, Reply reply, long half, Duration resumeAfter) {
        Held stall = new Held(call, reply, half);
        // Registered before a byte goes out, so a reset that follows whatever the client saw finds it.
        held.add(stall);
        try {
            call.exchange().sendResponseHeaders(reply.status(), reply.length());
            reply.body().writeTo(new CuttingOutputStream(call.exchange().getResponseBody(), half));
        } catch (CuttingOutputStream.Cut expected) {
            // the first half is on the wire
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {}: stalled answer not started: {}", call.method(), call.path(), e.toString());
            release(stall);
            return;
        }
        Duration wait = resumeAfter == null ? Fault.LONGEST_BODY_STALL : resumeAfter;
        try {
            stall.timer = scheduler.schedule(() -> end(stall, resumeAfter != null), wait.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            release(stall);
            return;
        }
        if (!held.contains(stall)) {
            // released while the timer was being set: the timer would find nothing, but need not linger
            stall.timer.cancel(false);
        }
    }

    /** How many answers are held now. */
    int size() {
        return held.size();
    }

    /** Closes every held connection without the rest of its body. */
    void releaseAll() {
        held.forEach(this::release);
    }

    private void release(Held stall) {
        // Whoever removes the entry owns the exchange: the timer and a reset never both close it.
        if (held.remove(stall)) {
            Future<?> timer = stall.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            stall.call.exchange().close();
        }
    }

    private void end(Held stall, boolean resume) {
        if (!held.remove(stall)) {
            return;
        }
        if (!resume) {
            stall.call.exchange().close();
            return;
        }
        try {
            streamThreads.execute(stall::finish);
        } catch (RejectedExecutionException stopping) {
            stall.call.exchange().close();
        }
    }

    /** One held answer; {@code timer} is set once, right after it is registered. */
    private static final class Held {

        final Call call;
        final Reply reply;
        final long sent;
        volatile Future<?> timer;

        Held(Call call, Reply reply, long sent) {
            this.call = call;
            this.reply = reply;
            this.sent = sent;
        }

        void finish() {
            try {
                reply.body().writeTo(new SkippingOutputStream(call.exchange().getResponseBody(), sent));
            } catch (IOException | RuntimeException e) {
                LOG.debug("{} {}: rest of a stalled answer not delivered: {}", call.method(), call.path(), e.toString());
            } finally {
                call.exchange().close();
            }
        }
    }

    /** Drops the bytes already sent, so a body that writes itself from the start sends only the rest. */
    private static final class SkippingOutputStream extends OutputStream {

        private final OutputStream out;
        private long skip;

        SkippingOutputStream(OutputStream out, long skip) {
            this.out = out;
            this.skip = skip;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int dropped = (int) Math.min(len, skip);
            skip -= dropped;
            if (dropped < len) {
                out.write(b, off + dropped, len - dropped);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
