package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobStore;
import org.apache.camel.Service;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending jobs on a compacted Kafka topic, keyed by job key, one record per change and a tombstone when a job is done,
 * so compaction really drops it. Kafka has no compare-and-set; ownership does that work instead: each partition of the
 * topic has exactly one writer, the node that owns it, and that node keeps the partition's entries in memory, read to
 * the end when it took the partition over. {@link #putIfAbsent} is then a check and a write under the partition's
 * lock, atomic because no one else writes there; a node that lost a partition without noticing is fenced by its
 * transactional id, which belongs to the partition, not to the node.
 *
 * <p>Partitions are owned through {@link #assign}/{@link #release}: the scale-out consumer ({@code segmind-kafka:})
 * ties them to its request partitions, and a single node or a test calls {@link #assignAll()}. A call about a job key
 * whose partition this node does not own fails with {@link PartitionLostException}; {@link #find} and {@link #list}
 * see only owned partitions.
 *
 * <p>Request-bound entries (with {@link RequestAttributes}) are written on the consumer's terms: the claim stays in
 * memory until the submit is certain to follow ({@link #submitting}), then becomes durable in one transaction with the
 * request's offset; the engine's removal waits for the transaction that writes the outcome message, which also writes
 * the tombstone.
 */
public class KafkaPendingJobStore implements PendingJobStore, Service {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPendingJobStore.class);

    private String bootstrapServers;
    private String topic = "segmind.pending";
    private String transactionalIdPrefix;
    private Map<String, Object> clientProperties = new HashMap<>();
    private Duration operationTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private volatile int partitionCount = -1;
    private final ConcurrentMap<Integer, OwnedPartition> owned = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Long> lastWrites = new ConcurrentHashMap<>();
    private volatile RequestIntake intake = RequestIntake.NONE;
    private PartitionReader reader;

    public KafkaPendingJobStore() {
    }

    public KafkaPendingJobStore(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    // ---- lifecycle

    @Override
    public synchronized void start() {
        if (partitionCount > 0) {
            return;
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("KafkaPendingJobStore needs bootstrapServers");
        }
        reader = new PartitionReader(this::clientConfig, operationTimeout);
        try (Admin admin = Admin.create(clientConfig(Map.of()))) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            partitionCount = d.partitions().size();
        } catch (Exception e) {
            throw new PendingStoreException("The pending-job topic " + topic + " cannot be described (create it, compacted,"
                    + " with as many partitions as the request topic; see ScaleOutTopics): " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        for (Integer p : List.copyOf(owned.keySet())) {
            release(p);
        }
    }

    // ---- owning partitions

    /**
     * Takes partition {@code p} over: a producer with the partition's transactional id (which fences the previous
     * owner's and settles its open transaction), then the partition read to its end. Expired entries that need no
     * report (of no request, or reported uncertain already) are tombstoned; every other entry is returned, for the
     * caller to resume or report.
     */
    public List<PendingJob> assign(int p) {
        requireStarted();
        release(p);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(p), new StringSerializer(),
                new ByteArraySerializer());
        OwnedPartition partition = new OwnedPartition(p, topic, producer);
        try {
            producer.initTransactions();
            PartitionReader.Loaded loaded = reader.pending(topic, p);
            Instant now = clock.instant();
            List<PendingJob> kept = new ArrayList<>();
            List<PendingJob> expired = new ArrayList<>();
            for (PendingJob job : loaded.entries()) {
                // an uncertain request-bound entry was reported when it was marked; others are their owner's to report
                if (job.isExpired(now) && (!RequestAttributes.isRequestBound(job)
                        || job.state() == PendingJob.State.UNCERTAIN)) {
                    expired.add(job);
                } else {
                    partition.loaded(job);
                    kept.add(job);
                }
            }
            if (!expired.isEmpty()) {
                partition.transact(w -> expired.forEach(j -> w.delete(j.jobKey())));
                expired.forEach(KafkaPendingJobStore::logExpired);
            }
            lastWrites.put(p, loaded.lastWriteMillis());
            owned.put(p, partition);
            return kept;
        } catch (RuntimeException e) {
            partition.close();
            throw e;
        }
    }

    /** When the partition's last record was written, as read at {@link #assign}; -1 when it was empty. */
    long lastWriteMillis(int p) {
        return lastWrites.getOrDefault(p, -1L);
    }

    /** Owns every partition of the topic: for a single node, a tool or a test. */
    public void assignAll() {
        requireStarted();
        for (int p = 0; p < partitionCount; p++) {
            assign(p);
        }
    }

    /** Stops writing partition {@code p} and forgets its entries; its jobs are the next owner's now. */
    public void release(int p) {
        OwnedPartition gone = owned.remove(p);
        if (gone != null) {
            gone.close();
        }
    }

    public boolean owns(int p) {
        OwnedPartition o = owned.get(p);
        return o != null && !o.isClosed();
    }

    // ---- PendingJobStore

    @Override
    public Optional<PendingJob> putIfAbsent(PendingJob job) {
        OwnedPartition p = ownerOf(job);
        synchronized (p) {
            p.requireOpen();
            OwnedPartition.Entry existing = p.entries.get(job.jobKey());
            Instant now = clock.instant();
            if (existing != null && existing.job != null) {
                if (!existing.job.isExpired(now)) {
                    return Optional.of(existing.job);
                }
                logExpired(existing.job);
            }
            boolean onKafka = existing != null && existing.onKafka;
            if (RequestAttributes.isRequestBound(job)) {
                String other = p.byRequest.get(RequestAttributes.key(job));
                if (other != null && !other.equals(job.jobKey()) && p.entries.containsKey(other)) {
                    throw new IllegalStateException("Request " + RequestAttributes.key(job) + " already has the"
                            + " pending job " + other + "; it is not submitted again under another job key");
                }
                // nothing written yet: until the submit is certain to follow, the request record itself is the record
                p.entries.put(job.jobKey(), new OwnedPartition.Entry(job, onKafka, false));
                p.byRequest.put(RequestAttributes.key(job), job.jobKey());
                return Optional.empty();
            }
            p.transact(w -> w.put(job));
            p.entries.put(job.jobKey(), new OwnedPartition.Entry(job, true, true));
            return Optional.empty();
        }
    }

    @Override
    public void submitting(PendingJob claim) {
        if (!RequestAttributes.isRequestBound(claim)) {
            return;
        }
        OwnedPartition p = ownerOf(claim);
        long offset = RequestAttributes.offset(claim);
        synchronized (p) {
            p.requireOpen();
            OwnedPartition.Entry e = p.entries.get(claim.jobKey());
            if (e == null || e.job == null) {
                throw new IllegalStateException("The claim of job " + claim.jobKey() + " is gone; not submitting");
            }
            if (e.current) {
                // a repeated attempt (the first was certainly refused): the claim is on the topic already
                return;
            }
            OffsetCommit commit = intake.commitWithClaim(p.partition, offset);
            PendingJob job = e.job;
            p.transact(w -> {
                w.put(job);
                w.commit(commit);
            });
            e.onKafka = true;
            e.current = true;
        }
        intake.claimed(p.partition, offset);
    }

    @Override
    public void put(PendingJob job) {
        OwnedPartition p = ownerOf(job);
        synchronized (p) {
            p.requireOpen();
            OwnedPartition.Entry e = p.entries.get(job.jobKey());
            boolean requestBound = RequestAttributes.isRequestBound(job);
            if (requestBound && job.state() == PendingJob.State.UNCERTAIN) {
                // written with the outcome message that reports it, so the two are never seen apart
                if (e == null) {
                    e = new OwnedPartition.Entry(job, false, false);
                    p.entries.put(job.jobKey(), e);
                }
                e.job = job;
                e.current = false;
                p.byRequest.put(RequestAttributes.key(job), job.jobKey());
                return;
            }
            p.transact(w -> w.put(job));
            if (e == null) {
                p.entries.put(job.jobKey(), new OwnedPartition.Entry(job, true, true));
            } else {
                e.job = job;
                e.onKafka = true;
                e.current = true;
            }
            if (requestBound) {
                p.byRequest.put(RequestAttributes.key(job), job.jobKey());
            }
        }
    }

    @Override
    public Optional<PendingJob> find(String jobKey) {
        OwnedPartition p = owned.get(partitionOfKey(jobKey));
        if (p == null) {
            return findRequestBound(jobKey);
        }
        synchronized (p) {
            OwnedPartition.Entry e = p.entries.get(jobKey);
            if (e != null && e.job != null) {
                return e.job.isExpired(clock.instant()) ? Optional.empty() : Optional.of(e.job);
            }
        }
        return findRequestBound(jobKey);
    }

    /** A request-bound entry lives in its request's partition, which need not be its key's. */
    private Optional<PendingJob> findRequestBound(String jobKey) {
        Instant now = clock.instant();
        for (OwnedPartition p : owned.values()) {
            synchronized (p) {
                OwnedPartition.Entry e = p.entries.get(jobKey);
                if (e != null && e.job != null) {
                    return e.job.isExpired(now) ? Optional.empty() : Optional.of(e.job);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(String jobKey) {
        OwnedPartition p = partitionHolding(jobKey);
        if (p == null) {
            // not ours (any more): the partition's owner keeps or removes the entry
            LOG.debug("Not removing pending job {}: its partition is not owned here", jobKey);
            return;
        }
        synchronized (p) {
            OwnedPartition.Entry e = p.entries.get(jobKey);
            if (e == null || p.isClosed()) {
                return;
            }
            if (e.job != null && RequestAttributes.isRequestBound(e.job)) {
                // the tombstone goes out with the outcome message; until then the request still counts as taken
                e.job = null;
                return;
            }
            if (e.job == null) {
                return;
            }
            if (e.onKafka) {
                p.transact(w -> w.delete(jobKey));
            }
            p.entries.remove(jobKey);
        }
    }

    @Override
    public Collection<PendingJob> list() {
        Instant now = clock.instant();
        List<PendingJob> all = new ArrayList<>();
        for (OwnedPartition p : owned.values()) {
            synchronized (p) {
                for (OwnedPartition.Entry e : p.entries.values()) {
                    if (e.job != null && !e.job.isExpired(now)) {
                        all.add(e.job);
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    @Override
    public boolean isBlocking() {
        return true;
    }

    // ---- what the scale-out consumer does with request-bound entries

    void setIntake(RequestIntake intake) {
        this.intake = intake == null ? RequestIntake.NONE : intake;
    }

    /** Whether the request with this key has an entry (pending, uncertain, or awaiting its outcome message). */
    boolean isTaken(int partition, String requestKey) {
        OwnedPartition p = owned(partition);
        synchronized (p) {
            p.requireOpen();
            String jobKey = p.byRequest.get(requestKey);
            return jobKey != null && p.entries.containsKey(jobKey);
        }
    }

    /**
     * Writes a request's outcome message and settles its entry in one transaction: a tombstone, or for a job whose
     * submit may have been billed, the UNCERTAIN entry that keeps it from being sent again. With {@code commit}, the
     * request's offset moves on in the same transaction.
     */
    void finish(int partition, String requestKey, ProducerRecord<String, byte[]> message, OffsetCommit commit) {
        OwnedPartition p = owned(partition);
        synchronized (p) {
            p.requireOpen();
            String jobKey = p.byRequest.get(requestKey);
            OwnedPartition.Entry e = jobKey == null ? null : p.entries.get(jobKey);
            boolean keepUncertain = e != null && e.job != null && e.job.state() == PendingJob.State.UNCERTAIN;
            p.transact(w -> {
                w.send(message);
                if (keepUncertain) {
                    w.put(e.job);
                } else if (e != null && e.onKafka) {
                    w.delete(jobKey);
                }
                if (commit != null) {
                    w.commit(commit);
                }
            });
            if (keepUncertain) {
                e.onKafka = true;
                e.current = true;
            } else if (e != null) {
                p.entries.remove(jobKey);
                p.byRequest.remove(requestKey);
            }
        }
    }

    /** Marks a found job UNCERTAIN and writes the message reporting it, in one transaction. */
    void reportUncertain(PendingJob uncertain, ProducerRecord<String, byte[]> message) {
        OwnedPartition p = ownerOf(uncertain);
        synchronized (p) {
            p.requireOpen();
            p.transact(w -> {
                w.send(message);
                w.put(uncertain);
            });
            OwnedPartition.Entry e = p.entries.get(uncertain.jobKey());
            if (e != null) {
                e.job = uncertain;
                e.onKafka = true;
                e.current = true;
            } else {
                p.loaded(uncertain);
            }
        }
    }

    /** Moves the request partition's committed offset on, alone (a request answered by an earlier one's outcome). */
    void commit(int partition, OffsetCommit commit) {
        OwnedPartition p = owned(partition);
        p.transact(w -> w.commit(commit));
    }

    /** The partition of the pending topic that holds {@code job}: its request's, or its key's. */
    int partitionOf(PendingJob job) {
        return RequestAttributes.isRequestBound(job) ? RequestAttributes.partition(job) : partitionOfKey(job.jobKey());
    }

    /** Kafka's default partition for a keyed record, so a job key lands where a keyed producer would put it. */
    int partitionOfKey(String jobKey) {
        requireStarted();
        return Utils.toPositive(Utils.murmur2(jobKey.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    public int partitionCount() {
        requireStarted();
        return partitionCount;
    }

    PartitionReader reader() {
        requireStarted();
        return reader;
    }

    private OwnedPartition ownerOf(PendingJob job) {
        return owned(partitionOf(job));
    }

    private OwnedPartition owned(int partition) {
        OwnedPartition p = owned.get(partition);
        if (p == null) {
            throw new PartitionLostException(topic, partition, "this node does not own it", null);
        }
        return p;
    }

    private OwnedPartition partitionHolding(String jobKey) {
        OwnedPartition byKey = partitionCount > 0 ? owned.get(partitionOfKey(jobKey)) : null;
        if (byKey != null) {
            synchronized (byKey) {
                if (byKey.entries.containsKey(jobKey)) {
                    return byKey;
                }
            }
        }
        for (OwnedPartition p : owned.values()) {
            synchronized (p) {
                if (p.entries.containsKey(jobKey)) {
                    return p;
                }
            }
        }
        return null;
    }

    private void requireStarted() {
        if (partitionCount < 0) {
            throw new IllegalStateException("KafkaPendingJobStore is not started");
        }
    }

    private static void logExpired(PendingJob job) {
        if (job.state() == PendingJob.State.ACCEPTED) {
            LOG.warn("The pending {} job {} of {} expired at {} before its media was delivered; its entry is removed",
                    job.provider(), job.requestId(), job.model(), job.expiresAt());
        } else {
            LOG.info("Removing the expired {} pending-job entry of {} ({})", job.state(), job.model(), job.since());
        }
    }

    // ---- client settings

    Map<String, Object> clientConfig(Map<String, Object> specific) {
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.putAll(specific);
        return c;
    }

    private Map<String, Object> producerConfig(int partition) {
        Map<String, Object> c = clientConfig(Map.of());
        c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalIdPrefix() + "-" + partition);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) operationTimeout.toMillis());
        c.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) operationTimeout.toMillis());
        c.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(operationTimeout.toMillis(), 15_000));
        return c;
    }

    private String transactionalIdPrefix() {
        return transactionalIdPrefix != null ? transactionalIdPrefix : "segmind-pending-" + topic;
    }

    // ---- options

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** The Kafka brokers, host:port[,host:port...]. */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getTopic() {
        return topic;
    }

    /**
     * The pending-job topic: compacted, with as many partitions as the request topic (the owner of request partition P
     * owns pending partition P). Default segmind.pending.
     */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    /**
     * Transactional ids are this prefix and the partition number, the same on every node: that is what fences a node
     * that lost a partition. Default segmind-pending-TOPIC; give each cluster sharing a broker its own topic.
     */
    public void setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public Map<String, Object> getClientProperties() {
        return clientProperties;
    }

    /** Further Kafka client settings for every client of this store and the consumer (security, timeouts). */
    public void setClientProperties(Map<String, Object> clientProperties) {
        this.clientProperties = clientProperties == null ? new HashMap<>() : new HashMap<>(clientProperties);
    }

    public Duration getOperationTimeout() {
        return operationTimeout;
    }

    /** How long one write or read of the store may wait for the brokers. Default 30 s. */
    public void setOperationTimeout(Duration operationTimeout) {
        this.operationTimeout = operationTimeout;
    }

    /** The clock expiry is judged by; for tests. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
