package dev.camelsegmind.component.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * At most {@code limit} requests on the wire at once; the rest wait their turn in order, holding no thread. The client
 * opens a connection for every concurrent request and keeps it pooled, so ten thousand polls falling due together
 * would otherwise mean ten thousand sockets and their buffers. A call's time limits start when it leaves this
 * queue.
 */
final class RequestGate {

    private final int limit;
    private final Executor executor;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    RequestGate(int limit, Executor executor) {
        this.limit = limit;
        this.executor = executor;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            if (result.isDone()) {
                // given up while it waited for its turn: never sent
                release();
                return;
            }
            CompletableFuture<T> sent;
            try {
                sent = call.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> onWire = sent;
            // a caller that gives the call up (cancels, or fails it) aborts the exchange: its connection is closed
            result.whenComplete((value, failure) -> {
                if (failure != null && !onWire.isDone()) {
                    onWire.cancel(true);
                }
            });
            sent.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < limit;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    /** Calls on the wire now, for tests and operators. */
    synchronized int running() {
        return running;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            // handed to the executor, so a run of requests failing at once cannot recurse down one stack
            executor.execute(next);
        }
    }
}
