package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All jobs by request id; forgotten only once neither their status nor their media is reachable. */
final class JobStore {

    private final ConcurrentMap<String, Job> jobs = new ConcurrentHashMap<>();
    /** Jobs another API created (crun tasks): media, inspection, expiry and reset as for any job, Segmind's polls blind to them. */
    private final Set<String> foreign = ConcurrentHashMap.newKeySet();
    private final TimeScale scale;
    private final JobRetention retention;

    JobStore(TimeScale scale, JobRetention retention) {
        this.scale = scale;
        this.retention = retention;
    }

    Job create(ModelSpec spec, WorkerPool workers, Map<String, Object> payload, String apiKey, boolean sync,
            Instant now) {
        Job job = new Job(UUID.randomUUID().toString(), spec, payload, apiKey, sync, now, workers, scale, retention);
        jobs.put(job.requestId(), job);
        return job;
    }

    /** A job created through another provider's API, which Segmind's poll routes must not answer for. */
    Job createForeign(ModelSpec spec, WorkerPool workers, Map<String, Object> payload, String apiKey, Instant now) {
        Job job = new Job(UUID.randomUUID().toString(), spec, payload, apiKey, false, now, workers, scale, retention);
        // stored before it is marked, so a sweep between the two cannot unmark it; nobody knows the id yet
        jobs.put(job.requestId(), job);
        foreign.add(job.requestId());
        return job;
    }

    Optional<Job> find(String requestId) {
        return requestId == null ? Optional.empty() : Optional.ofNullable(jobs.get(requestId));
    }

    /** A job the v2 and v1 poll routes may talk about: async and within retention. */
    Optional<Job> pollable(String requestId, Instant now) {
        return find(requestId).filter(job -> !job.sync() && !foreign.contains(requestId) && job.retainedAt(now));
    }

    Collection<Job> all() {
        return jobs.values();
    }

    boolean expire(String requestId) {
        Job job = jobs.get(requestId);
        if (job == null) {
            return false;
        }
        job.expire();
        return true;
    }

    void sweep(Instant now) {
        jobs.values().removeIf(job -> job.forgettableAt(now));
        foreign.removeIf(id -> !jobs.containsKey(id));
    }

    void clear() {
        jobs.clear();
        foreign.clear();
    }
}
