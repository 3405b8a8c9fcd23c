package dev.camelsegmind.component.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one answer as the client hands it over on its I/O thread: the body goes into the {@link BodySink} chosen on
 * the status and headers, and the outcome is handed to the component's executor, so no caller's work ever runs on
 * the client's few I/O threads. Ends exactly once: with the answer, with a failure, or when the caller gives the call
 * up ({@link #abort}), which closes the connection and lets the sink delete its partial file. Throwing from the
 * client's callbacks is how a body is cut off: the client then closes the connection at once.
 */
final class ResponseReader<B, R> implements AsyncResponseConsumer<R> {

    /** Chooses where a body goes; may refuse it on its headers alone (an announced length over a limit). */
    interface Opener<B> {
        BodySink<B> open(int status, Headers headers) throws IOException;
    }

    /** The caller's view of a finished answer. */
    interface Answer<B, R> {
        R of(int status, Headers headers, B body);
    }

    private final Opener<B> opener;
    private final Answer<B, R> answer;
    private final CompletableFuture<R> result;
    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final Duration idle;
    private final boolean watchBody;
    // guarded by this: once ended, nothing more reaches the sink
    private boolean ended;
    private int status;
    private Headers headers;
    private BodySink<B> sink;
    private SilenceWatch headerWatch;
    private SilenceWatch bodyWatch;
    private Future<?> call;
    private AsyncExecRuntime connection;
    private FutureCallback<R> callback;

    /**
     * @param timeout the wait for the headers
     * @param idle    the longest silence of the body
     * @param covered the limit the client's own inactivity timeout enforces: a shorter limit is watched here
     */
    ResponseReader(Opener<B> opener, Answer<B, R> answer, CompletableFuture<R> result, Executor executor,
                   ScheduledExecutorService timer, Duration timeout, Duration idle, Duration covered) {
        this.opener = opener;
        this.answer = answer;
        this.result = result;
        this.executor = executor;
        this.timer = timer;
        this.idle = idle;
        this.watchBody = idle.compareTo(covered) < 0;
        if (timeout.compareTo(covered) < 0) {
            headerWatch = new SilenceWatch(timeout, timer,
                    () -> hand(() -> expire(new HttpTimeoutException("request timed out"))));
        }
    }

    /** The client's handle on the call, to close its connection when the call is given up. */
    void onWire(Future<?> call) {
        boolean late;
        synchronized (this) {
            this.call = call;
            late = ended;
        }
        if (late) {
            // ended before the client even returned its handle: make sure nothing stays open
            close(call, null);
        }
    }

    synchronized boolean ended() {
        return ended;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<R> callback) throws IOException {
        R done = null;
        synchronized (this) {
            if (ended) {
                throw new CutOff();
            }
            stop(headerWatch);
            this.callback = callback;
            status = response.getCode();
            headers = Headers.of(response.getHeaders());
            try {
                sink = opener.open(status, headers);
                if (entity == null) {
                    done = finish();
                } else if (watchBody) {
                    bodyWatch = new SilenceWatch(idle, timer,
                            () -> hand(() -> expire(new BodyIdleTimeoutException(idle))));
                }
            } catch (IOException | RuntimeException e) {
                end();
                fail(e);
                callback.failed(e);
                throw e;
            }
        }
        if (done != null) {
            callback.completed(done);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // a 1xx answer says nothing the final answer will not
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        // the sink takes every chunk as it comes (memory is bounded by its limits, a file by maxMediaSize)
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer data) throws IOException {
        synchronized (this) {
            if (ended) {
                throw new CutOff();
            }
            if (bodyWatch != null) {
                bodyWatch.touch();
            }
            boolean more;
            try {
                more = sink.write(data);
            } catch (IOException | RuntimeException e) {
                end();
                fail(e);
                throw e;
            }
            if (!more) {
                // all that is wanted came: the answer is complete, the rest of the body is not read
                finish();
                throw new CutOff();
            }
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        R done = null;
        synchronized (this) {
            if (!ended) {
                done = finish();
            }
        }
        if (done != null) {
            // the client's own handle on the call completes too, so a late cancel of it is a no-op
            callback.completed(done);
        }
    }

    @Override
    public void failed(Exception cause) {
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            fail(asTimeout(cause));
        }
    }

    @Override
    public void releaseResources() {
        // called after streamEnd, or just before failed: the end is dealt with there
    }

    /** The caller gave the call up: the connection is closed, the sink lets go of what it kept. */
    void abort() {
        endAndClose(null);
    }

    /** A limit watched here ran out: as {@link #abort}, and the call fails with {@code why}. */
    private void expire(IOException why) {
        endAndClose(why);
    }

    /** Ends the call unless it has ended, failing it with {@code why} when there is one, and closes its connection. */
    private void endAndClose(IOException why) {
        Future<?> c;
        AsyncExecRuntime rt;
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            if (why != null) {
                fail(why);
            } else if (sink != null) {
                sink.discard();
            }
            c = call;
            rt = connection;
        }
        close(c, rt);
    }

    /**
     * Closes the call's connection. Cancelling the client's handle ends a call still waiting for a connection; it
     * does not always reach one already on the wire: the client passes a call from step to step (lease, connect,
     * exchange), and in HttpClient 5.5 a step that completes at once can overwrite the handle of the step after it,
     * so the cancel would reach a finished step and the connection stay open until the call's time limit. The
     * connection itself, handed over in {@link #connected}, is closed directly.
     */
    private static void close(Future<?> c, AsyncExecRuntime onWire) {
        if (c != null) {
            c.cancel(true);
        }
        if (onWire != null) {
            onWire.discardEndpoint();
        }
    }

    /**
     * The call has its connection and is about to be sent on it.
     *
     * @return false when the call was given up meanwhile: it must not be sent
     */
    boolean connected(AsyncExecRuntime connection) {
        synchronized (this) {
            if (ended) {
                return false;
            }
            this.connection = connection;
            return true;
        }
    }

    /** Under the lock: the answer as read, delivered. */
    private R finish() {
        end();
        R done;
        try {
            done = answer.of(status, headers, sink.finish());
        } catch (IOException | RuntimeException e) {
            sink.discard();
            fail(e);
            return null;
        }
        hand(() -> result.complete(done));
        return done;
    }

    /** Under the lock: nothing more reaches the sink; whoever ends the call without an answer discards it. */
    private void end() {
        ended = true;
        stop(headerWatch);
        stop(bodyWatch);
    }

    private void fail(Throwable e) {
        if (sink != null) {
            sink.discard();
        }
        hand(() -> result.completeExceptionally(e));
    }

    /**
     * The client's inactivity timeout, as the layer has always reported it: before the headers, the request timed
     * out; after them, the body stalled. A connect timeout stays what it is: it proves nothing was sent.
     */
    private Throwable asTimeout(Exception cause) {
        if (cause instanceof SocketTimeoutException && !(cause instanceof ConnectTimeoutException)) {
            return headers == null ? new HttpTimeoutException("request timed out") : new BodyIdleTimeoutException(idle);
        }
        return cause;
    }

    private void hand(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException stopping) {
            work.run();
        }
    }

    private static void stop(SilenceWatch watch) {
        if (watch != null) {
            watch.stop();
        }
    }

    /** Thrown into the client to end a body early; it closes the connection, and nobody sees this exception. */
    private static final class CutOff extends IOException {
        CutOff() {
            super("body cut off", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
