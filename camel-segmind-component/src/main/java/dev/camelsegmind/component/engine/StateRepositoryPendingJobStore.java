package dev.camelsegmind.component.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.camelsegmind.component.client.Json;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending jobs in any Camel {@link StateRepository}: {@code MemoryStateRepository} in one JVM,
 * {@code FileStateRepository} to survive a restart, or a shared repository (JDBC, Infinispan, Kafka...) for a
 * cluster. Each job is one entry: key = the message's job key, value = a small JSON document.
 */
public final class StateRepositoryPendingJobStore implements PendingJobStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateRepositoryPendingJobStore.class);

    private final StateRepository<String, String> repository;

    public StateRepositoryPendingJobStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    public StateRepository<String, String> repository() {
        return repository;
    }

    @Override
    public Optional<PendingJob> find(String jobKey) {
        String value = repository.getState(storageKey(jobKey));
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = Json.parseObject(value);
            return Optional.of(new PendingJob(jobKey, (String) m.get("requestId"), (String) m.get("model"),
                    Instant.parse((String) m.get("submittedAt")), (String) m.get("statusUrl"),
                    (String) m.get("responseUrl")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable pending-job entry for key {}: {}", jobKey, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(PendingJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", job.requestId());
        m.put("model", job.model());
        m.put("submittedAt", job.submittedAt().toString());
        m.put("statusUrl", job.statusUrl());
        m.put("responseUrl", job.responseUrl());
        m.put("jobKey", job.jobKey());
        repository.setState(storageKey(job.jobKey()), Json.writeString(m));
    }

    @Override
    public void remove(String jobKey) {
        // StateRepository has no delete: an empty value reads as absent
        repository.setState(storageKey(jobKey), "");
    }

    /**
     * Job keys are user expressions (file names, ids) and may hold characters a repository cannot store as a key
     * ('=' and newlines in {@code FileStateRepository}); a digest is always safe and of bounded length.
     */
    static String storageKey(String jobKey) {
        return "segmind-" + JobKeys.sha256(jobKey);
    }
}
