package dev.camelsegmind.component.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * At most {@code limit} requests on the wire at once; the rest wait their turn in order, holding no thread. The JDK
 * client opens a connection for every concurrent request and keeps it pooled, so ten thousand polls falling due
 * together would otherwise mean ten thousand sockets and their buffers.
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
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<T>> wire =
                new java.util.concurrent.atomic.AtomicReference<>();
        // cancelling the result ends the request (a download of a job given up): on the wire, or before its turn
        result.whenComplete((value, failure) -> {
            CompletableFuture<T> sent = wire.get();
            if (result.isCancelled() && sent != null) {
                sent.cancel(true);
            }
        });
        Runnable start = () -> {
            if (result.isCancelled()) {
                release();
                return;
            }
            CompletableFuture<T> sent;
            try {
                sent = call.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            wire.set(sent);
            if (result.isCancelled()) {
                sent.cancel(true);
            }
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
