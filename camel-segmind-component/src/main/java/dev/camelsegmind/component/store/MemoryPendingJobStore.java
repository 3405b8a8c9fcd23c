package dev.camelsegmind.component.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Pending jobs in this JVM only: atomic among its threads, lost with the process. The default. */
public final class MemoryPendingJobStore implements PendingJobStore {

    private final ConcurrentMap<String, PendingJob> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryPendingJobStore() {
        this(Clock.systemUTC());
    }

    public MemoryPendingJobStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<PendingJob> putIfAbsent(PendingJob job) {
        Instant now = clock.instant();
        PendingJob[] found = new PendingJob[1];
        entries.compute(job.jobKey(), (k, existing) -> {
            if (existing != null && !existing.isExpired(now)) {
                found[0] = existing;
                return existing;
            }
            if (existing != null) {
                Expiry.dropped(existing);
            }
            return job;
        });
        return Optional.ofNullable(found[0]);
    }

    @Override
    public void put(PendingJob job) {
        entries.put(job.jobKey(), job);
    }

    @Override
    public Optional<PendingJob> find(String jobKey) {
        PendingJob job = entries.get(jobKey);
        if (job != null && job.isExpired(clock.instant())) {
            if (entries.remove(jobKey, job)) {
                Expiry.dropped(job);
            }
            return Optional.empty();
        }
        return Optional.ofNullable(job);
    }

    @Override
    public void remove(String jobKey) {
        entries.remove(jobKey);
    }

    @Override
    public Collection<PendingJob> list() {
        Instant now = clock.instant();
        entries.values().removeIf(j -> {
            if (j.isExpired(now)) {
                Expiry.dropped(j);
                return true;
            }
            return false;
        });
        return List.copyOf(new ArrayList<>(entries.values()));
    }

    @Override
    public boolean isBlocking() {
        return false;
    }
}
