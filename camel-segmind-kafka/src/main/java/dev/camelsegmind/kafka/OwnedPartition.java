package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobJson;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * One partition of the pending-job topic while this node owns it: the entries as last written (this node is the
 * partition's only writer, so its view is the truth), and the transactional producer whose id belongs to the
 * partition, not to the node. Whoever takes the partition over initialises a producer with the same id, which fences
 * this one: a node that lost the partition without noticing cannot write to it any more.
 */
final class OwnedPartition {

    /** A job key's state here. {@code job} is null once the engine removed a request-bound entry whose outcome is not
     * written yet; the key then still answers "this request is taken". */
    static final class Entry {
        PendingJob job;
        /** Kafka holds a value (not a tombstone) for the key: removing the entry needs a tombstone. */
        boolean onKafka;
        /** Kafka's value is {@link #job}. */
        boolean current;

        Entry(PendingJob job, boolean onKafka, boolean current) {
            this.job = job;
            this.onKafka = onKafka;
            this.current = current;
        }
    }

    final int partition;
    private final String topic;
    private final Producer<String, byte[]> producer;
    /** Guarded by this. */
    final Map<String, Entry> entries = new HashMap<>();
    /** Request key to job key, for request-bound entries. Guarded by this. */
    final Map<String, String> byRequest = new HashMap<>();
    private boolean closed;

    OwnedPartition(int partition, String topic, Producer<String, byte[]> producer) {
        this.partition = partition;
        this.topic = topic;
        this.producer = producer;
    }

    /** Adds an entry read from the topic. */
    synchronized void loaded(PendingJob job) {
        entries.put(job.jobKey(), new Entry(job, true, true));
        if (RequestAttributes.isRequestBound(job)) {
            byRequest.put(RequestAttributes.key(job), job.jobKey());
        }
    }

    /**
     * Runs {@code writes} in one transaction: all of them become visible to read-committed readers, or none. The
     * caller holds this partition's lock, so transactions of one partition never overlap. A failure that leaves the
     * producer unusable (fenced: another node owns the partition now) closes the partition.
     */
    synchronized void transact(Consumer<Writes> writes) {
        requireOpen();
        try {
            producer.beginTransaction();
            writes.accept(new Writes());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException e) {
            close();
            throw new PartitionLostException(topic, partition, "another node took the partition over ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException | IllegalStateException abortFailed) {
                close();
                throw new PartitionLostException(topic, partition, "a transaction failed and could not be aborted ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
            throw new PendingStoreException("Writing to partition " + partition + " of " + topic + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    synchronized void requireOpen() {
        if (closed) {
            throw new PartitionLostException(topic, partition, "this node no longer owns it", null);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Stops writing for good; an open transaction is aborted by the broker, or by the next owner's producer. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException ignored) {
                // a producer that cannot close cleanly is fenced by the next owner anyway
            }
        }
    }

    /** The sends of one transaction. */
    final class Writes {

        void put(PendingJob job) {
            producer.send(new ProducerRecord<>(topic, partition, job.jobKey(),
                    PendingJobJson.write(job).getBytes(StandardCharsets.UTF_8)));
        }

        /** A tombstone: compaction then drops the key for good. */
        void delete(String jobKey) {
            producer.send(new ProducerRecord<>(topic, partition, jobKey, null));
        }

        void send(ProducerRecord<String, byte[]> message) {
            producer.send(message);
        }

        void commit(OffsetCommit offsets) {
            // no generation check: fencing is the transactional id's job, and a rebalance that leaves this node the
            // partition must not fail the commit
            producer.sendOffsetsToTransaction(offsets.asMap(), new ConsumerGroupMetadata(offsets.groupId()));
        }
    }
}
