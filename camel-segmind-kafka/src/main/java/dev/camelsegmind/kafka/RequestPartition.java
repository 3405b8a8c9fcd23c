package dev.camelsegmind.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One request partition while this node owns it. Requests are taken in one at a time, in offset order: the next is
 * handed to the route only when the one before is <em>in</em>, that is when its claim became durable (with its offset
 * committed in the same transaction) or its outcome was written (idem). So the committed offset always sits right
 * after the last request taken in, and every request below it has a pending entry or an outcome message. Jobs run
 * concurrently once in; only the taking-in is sequential.
 */
final class RequestPartition {

    final int partition;
    private final Deque<ConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
    /** The request being taken in: handed to the route, its claim not yet durable. */
    private ConsumerRecord<String, byte[]> head;
    private boolean revoked;
    private boolean paused;
    /** Each exchange of this partition in flight, with the signal that gives its job up. */
    private final Set<CompletableFuture<Void>> inflight = ConcurrentHashMap.newKeySet();

    RequestPartition(int partition) {
        this.partition = partition;
    }

    synchronized void add(List<ConsumerRecord<String, byte[]>> records) {
        if (!revoked) {
            queue.addAll(records);
        }
    }

    synchronized int queued() {
        return queue.size();
    }

    /** The next request to take in, now the head; null while one is being taken in, or none is waiting. */
    synchronized ConsumerRecord<String, byte[]> nextHead() {
        if (revoked || head != null || queue.isEmpty()) {
            return null;
        }
        head = queue.pollFirst();
        return head;
    }

    synchronized boolean isHead(long offset) {
        return !revoked && head != null && head.offset() == offset;
    }

    /** The request at {@code offset} is in: the next may be taken. */
    synchronized boolean in(long offset) {
        if (head != null && head.offset() == offset) {
            head = null;
            return true;
        }
        return false;
    }

    synchronized boolean isRevoked() {
        return revoked;
    }

    synchronized boolean setPaused(boolean paused) {
        boolean changed = this.paused != paused;
        this.paused = paused;
        return changed;
    }

    /** Registers an exchange's give-up signal; false when the partition is already gone. */
    boolean track(CompletableFuture<Void> abandon) {
        inflight.add(abandon);
        if (isRevoked()) {
            inflight.remove(abandon);
            return false;
        }
        return true;
    }

    void untrack(CompletableFuture<Void> abandon) {
        inflight.remove(abandon);
    }

    /**
     * The partition went to another node: nothing more is taken in, and every job in flight stops waiting here
     * without failing (it stays pending, for the new owner). Returns how many were given up.
     */
    int revoke() {
        synchronized (this) {
            revoked = true;
            queue.clear();
            head = null;
        }
        List<CompletableFuture<Void>> signals = new ArrayList<>(inflight);
        inflight.clear();
        signals.forEach(s -> s.complete(null));
        return signals.size();
    }
}
