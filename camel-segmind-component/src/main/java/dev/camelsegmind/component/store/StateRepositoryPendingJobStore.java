package dev.camelsegmind.component.store;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending jobs in any Camel {@link StateRepository} ({@code FileStateRepository}, a JDBC or Kafka one...). A state
 * repository can neither delete nor list nor write-if-absent, so this adapter is weaker than a real store: a claim is
 * atomic only within this JVM, a removed entry stays as an empty value, and nothing is resumed at start-up. Prefer
 * {@link FilePendingJobStore} or a store made for sharing.
 */
public final class StateRepositoryPendingJobStore implements PendingJobStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateRepositoryPendingJobStore.class);

    private final StateRepository<String, String> repository;
    private final Clock clock;

    public StateRepositoryPendingJobStore(StateRepository<String, String> repository) {
        this(repository, Clock.systemUTC());
    }

    /** @param clock what expiry is measured against; tests move it by hand */
    public StateRepositoryPendingJobStore(StateRepository<String, String> repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public StateRepository<String, String> repository() {
        return repository;
    }

    @Override
    public synchronized Optional<PendingJob> putIfAbsent(PendingJob job) {
        Optional<PendingJob> existing = find(job.jobKey());
        if (existing.isEmpty()) {
            put(job);
        }
        return existing;
    }

    @Override
    public void put(PendingJob job) {
        repository.setState(storageKey(job.jobKey()), PendingJobJson.write(job));
    }

    @Override
    public Optional<PendingJob> find(String jobKey) {
        String value = repository.getState(storageKey(jobKey));
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            PendingJob job = PendingJobJson.read(value);
            if (job.isExpired(clock.instant())) {
                Expiry.dropped(job);
                remove(jobKey);
                return Optional.empty();
            }
            return Optional.of(job.jobKey() == null
                    ? new PendingJob(jobKey, job.state(), job.provider(), job.model(), job.requestId(), job.locator(),
                            job.since(), job.expiresAt(), job.owner(), job.detail(), job.attributes())
                    : job);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable pending-job entry: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void remove(String jobKey) {
        // StateRepository has no delete: an empty value reads as absent
        repository.setState(storageKey(jobKey), "");
    }

    @Override
    public Collection<PendingJob> list() {
        return List.of();
    }

    /**
     * Job keys are user expressions (file names, ids) and may hold characters a repository cannot store as a key
     * ('=' and newlines in {@code FileStateRepository}); a digest is always safe and of bounded length.
     */
    static String storageKey(String jobKey) {
        return "segmind-" + JobKeys.sha256(jobKey);
    }
}
