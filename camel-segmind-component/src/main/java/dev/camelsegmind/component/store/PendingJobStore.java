package dev.camelsegmind.component.store;

import java.util.Collection;
import java.util.Optional;

/**
 * Where jobs are kept between submit and delivery. One store may be shared by many component instances (JVMs): then
 * {@link #putIfAbsent} must be atomic across all of them, since it decides which one submits a message's job.
 * Entries past their {@link PendingJob#expiresAt()} are never returned and may be dropped at any time.
 * Implementations must be safe for concurrent use, and may block: the engine calls them off its scheduler and I/O
 * threads.
 */
public interface PendingJobStore {

    /**
     * Writes {@code job} unless an unexpired entry with its key exists, atomically.
     *
     * @return the entry that was there (nothing was written), or empty when {@code job} was written
     */
    Optional<PendingJob> putIfAbsent(PendingJob job);

    /** Writes {@code job} over whatever its key held; only the caller that claimed the key does this. */
    void put(PendingJob job);

    Optional<PendingJob> find(String jobKey);

    /** Deletes the entry for good (not a tombstone that stays). */
    void remove(String jobKey);

    /** Every unexpired entry, for resuming jobs at start-up and for operators. */
    Collection<PendingJob> list();

    /**
     * Called right before each attempt to send the submit of a job this caller claimed with {@link #putIfAbsent}, after
     * any wait for the request budget; the submit waits for it. A store that keeps a claim in memory until a submit is
     * certain to follow makes it durable here, so a crash while the job still waited for its turn leaves nothing that
     * looks like a submit in flight. Throwing stops the attempt: nothing is sent, and the job fails. Default: nothing.
     */
    default void submitting(PendingJob claim) {
    }

    /**
     * Whether a call may wait on I/O (a disk, a database, a broker). The engine runs blocking stores on a thread of
     * their own, never on its scheduler or the HTTP threads; a store in memory is called in place.
     */
    default boolean isBlocking() {
        return true;
    }
}
