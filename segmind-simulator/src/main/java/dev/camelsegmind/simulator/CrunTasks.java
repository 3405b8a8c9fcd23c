package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The crun tasks by id, kept as long as their jobs are. */
final class CrunTasks {

    private final ConcurrentMap<String, CrunTask> tasks = new ConcurrentHashMap<>();

    void add(CrunTask task) {
        tasks.put(task.id(), task);
    }

    Optional<CrunTask> find(String taskId) {
        return taskId == null ? Optional.empty() : Optional.ofNullable(tasks.get(taskId));
    }

    /** The task a key may read: its own, within retention. Another account's task does not exist for it. */
    Optional<CrunTask> readable(String taskId, String apiKey, Instant now) {
        return find(taskId).filter(t -> Objects.equals(t.apiKey(), apiKey) && t.job().retainedAt(now));
    }

    /** The newest task of an account other than {@code apiKey}'s, for a forged callback. */
    Optional<CrunTask> newestNotOwnedBy(String apiKey) {
        return tasks.values().stream().filter(t -> !Objects.equals(t.apiKey(), apiKey))
                .max(Comparator.comparing(CrunTask::createdAt));
    }

    /** Forgets the tasks whose jobs the job store has forgotten. */
    void sweep(JobStore jobs) {
        tasks.keySet().removeIf(id -> jobs.find(id).isEmpty());
    }

    void clear() {
        tasks.clear();
    }
}
