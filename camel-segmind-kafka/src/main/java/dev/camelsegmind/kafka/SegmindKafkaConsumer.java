package dev.camelsegmind.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.store.PendingJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of the cluster. It owns the request partitions the consumer group gives it, and pending partition P with
 * request partition P. On assignment it reads the pending partition to its end, reports jobs its previous owner left
 * mid-submit, and sends the accepted ones through the route again, where the engine finds them pending and follows
 * them by request id, before it takes new requests in. Each request's offset is committed once its job is recorded as
 * pending, never held while the job renders; the outcome is written by whichever node finishes the job, in one
 * transaction with the tombstone of its pending entry. On revocation its jobs stop being waited for here, without
 * failing and without any message.
 */
final class SegmindKafkaConsumer extends DefaultConsumer implements RequestIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SegmindKafkaConsumer.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final SegmindKafkaEndpoint endpoint;
    private final ConcurrentMap<Integer, RequestPartition> partitions = new ConcurrentHashMap<>();
    private KafkaPendingJobStore store;
    private Outcomes outcomes;
    private ClusterBudget budget;
    private String node;
    private ExecutorService poller;
    private ExecutorService dispatcher;
    private ExecutorService writer;
    private ScheduledExecutorService timer;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean restart;

    SegmindKafkaConsumer(SegmindKafkaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requireOption(endpoint.getResultsTopic(), "resultsTopic");
        requireOption(endpoint.getDeadLetterTopic(), "deadLetterTopic");
        SegmindComponent segmind = endpoint.getCamelContext().getComponent(endpoint.getSegmindComponent(),
                SegmindComponent.class);
        if (!(segmind.getPendingJobStore() instanceof KafkaPendingJobStore kafkaStore)) {
            throw new IllegalArgumentException("segmind-kafka needs the " + endpoint.getSegmindComponent()
                    + " component's pendingJobStore to be a KafkaPendingJobStore (for example"
                    + " camel.component.segmind.pending-job-store = #pendingJobs)");
        }
        store = kafkaStore;
        store.start();
        JobEngine engine = segmind.getEngine();
        if (engine == null) {
            throw new IllegalStateException("The " + endpoint.getSegmindComponent() + " component is not started");
        }
        int requestPartitions = requestPartitions();
        if (requestPartitions != store.partitionCount()) {
            throw new IllegalArgumentException("The request topic " + endpoint.getTopic() + " has " + requestPartitions
                    + " partitions and the pending-job topic " + store.getTopic() + " " + store.partitionCount()
                    + ": they must have the same number, so that one node owns request partition P and pending"
                    + " partition P");
        }
        node = endpoint.getCamelContext().getName();
        outcomes = new Outcomes(endpoint.getResultsTopic(), endpoint.getDeadLetterTopic(), node);
        ExecutorServiceManager threads = endpoint.getCamelContext().getExecutorServiceManager();
        poller = threads.newSingleThreadExecutor(this, "SegmindKafkaPoller");
        dispatcher = threads.newFixedThreadPool(this, "SegmindKafkaDispatch", 2);
        writer = threads.newFixedThreadPool(this, "SegmindKafkaWriter", 2);
        timer = threads.newSingleThreadScheduledExecutor(this, "SegmindKafkaBudget");
        budget = endpoint.getRequestsPerMinute() > 0
                ? new ClusterBudget(engine.limiter(), endpoint.getRequestsPerMinute(), requestPartitions, timer) : null;
        store.setIntake(this);
        running = true;
        poller.execute(this::pollLoop);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        ExecutorServiceManager threads = endpoint.getCamelContext().getExecutorServiceManager();
        if (poller != null) {
            // leaving the group hands the partitions over at once, instead of after the session timeout
            threads.shutdownGraceful(poller, 30_000);
            poller = null;
        }
        if (store != null) {
            store.setIntake(null);
        }
        for (ExecutorService e : new ExecutorService[] { dispatcher, writer, timer }) {
            if (e != null) {
                threads.shutdownNow(e);
            }
        }
        super.doStop();
    }

    // ---- the group

    private void pollLoop() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                restart = false;
                c.subscribe(List.of(endpoint.getTopic()), new Rebalance());
                while (running && !restart) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    for (TopicPartition tp : records.partitions()) {
                        RequestPartition rp = partitions.get(tp.partition());
                        if (rp != null) {
                            rp.add(records.records(tp));
                            dispatch(() -> advance(rp));
                        }
                    }
                    flowControl(c);
                }
                if (restart) {
                    LOG.warn("Node {} rejoins the group to read its partitions again", node);
                }
            } catch (WakeupException stopping) {
                // doStop
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Node {} lost its consumer ({}); joining the group again in a second", node, e.toString());
                    pause(1000);
                }
            } finally {
                consumer = null;
                // close() has revoked them already when the group was reachable; if not, they are lost all the same
                List.copyOf(partitions.keySet()).forEach(this::release);
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(tp -> release(tp.partition()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            lost.forEach(tp -> release(tp.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            assigned.forEach(tp -> takeOver(tp.partition()));
        }
    }

    /** Stops working a partition: its jobs stay pending, for whoever owns it next. No message is written. */
    private void release(int p) {
        RequestPartition rp = partitions.remove(p);
        int given = rp != null ? rp.revoke() : 0;
        store.release(p);
        if (budget != null) {
            budget.lost(p);
        }
        if (rp != null) {
            LOG.info("Node {} released request partition {}: {} jobs in flight left to its next owner", node, p,
                    given);
        }
    }

    /**
     * Owns a partition from now: fences its previous owner, reads its pending jobs to the end, reports the ones left
     * mid-submit and resumes the accepted ones, all before a new request of the partition is taken in.
     */
    private void takeOver(int p) {
        List<PendingJob> found = store.assign(p);
        RequestPartition rp = new RequestPartition(p);
        partitions.put(p, rp);
        if (budget != null) {
            budget.gained(p, budget.recentlyWorked(!found.isEmpty(), store.lastWriteMillis(p)));
        }
        Instant now = Instant.now();
        List<PendingJob> accepted = new ArrayList<>();
        int uncertain = 0;
        for (PendingJob job : found) {
            if (!RequestAttributes.isRequestBound(job)) {
                continue;
            }
            String key = RequestAttributes.key(job);
            if (job.state() == PendingJob.State.SUBMITTING) {
                // the submit may have reached Segmind: never sent again, reported once, kept as uncertain
                store.reportUncertain(job.uncertain("Node " + job.owner() + " was lost while sending the submit", now,
                        job.expiresAt()), outcomes.uncertain(key, job));
                uncertain++;
            } else if (job.state() == PendingJob.State.ACCEPTED) {
                if (job.isExpired(now)) {
                    store.finish(p, key, outcomes.lost(key, job, "The job's results expired at " + job.expiresAt()
                            + " before any node could collect them"), null);
                } else {
                    accepted.add(job);
                }
            }
        }
        int resumed = resume(rp, accepted);
        LOG.info("Node {} took request partition {} over: {} accepted jobs resumed, {} left mid-submit reported"
                + " uncertain", node, p, resumed, uncertain);
    }

    /** Reads the requests of accepted jobs again and sends them through the route, where the engine resumes them. */
    private int resume(RequestPartition rp, List<PendingJob> accepted) {
        if (accepted.isEmpty()) {
            return 0;
        }
        Map<Long, PendingJob> byOffset = new HashMap<>();
        long from = Long.MAX_VALUE;
        long to = -1;
        for (PendingJob job : accepted) {
            long o = RequestAttributes.offset(job);
            byOffset.put(o, job);
            from = Math.min(from, o);
            to = Math.max(to, o);
        }
        Map<Long, ConsumerRecord<String, byte[]>> requests = new HashMap<>();
        store.reader().scan(endpoint.getTopic(), rp.partition, Math.max(0, from), to, r -> {
            if (byOffset.containsKey(r.offset())) {
                requests.put(r.offset(), r);
            }
        });
        int resumed = 0;
        for (Map.Entry<Long, PendingJob> e : byOffset.entrySet()) {
            PendingJob job = e.getValue();
            ConsumerRecord<String, byte[]> request = requests.get(e.getKey());
            String key = RequestAttributes.key(job);
            if (request == null || !key.equals(keyOf(request))) {
                store.finish(rp.partition, key, outcomes.lost(key, job, "The request record (offset " + e.getKey()
                        + ") cannot be read any more, so its route cannot run again; the job " + job.requestId()
                        + " is paid: collect it with operation=await before " + job.expiresAt()), null);
                continue;
            }
            dispatch(() -> send(rp, request, job.owner(), true));
            resumed++;
        }
        return resumed;
    }

    private void flowControl(KafkaConsumer<String, byte[]> c) {
        int max = Math.max(1, endpoint.getMaxQueuedRequests());
        for (RequestPartition rp : partitions.values()) {
            int queued = rp.queued();
            TopicPartition tp = new TopicPartition(endpoint.getTopic(), rp.partition);
            if (queued >= max && rp.setPaused(true)) {
                c.pause(List.of(tp));
            } else if (queued <= max / 2 && rp.setPaused(false)) {
                c.resume(List.of(tp));
            }
        }
    }

    // ---- taking requests in

    /** Takes the partition's next request in, unless one is being taken in already. */
    private void advance(RequestPartition rp) {
        while (true) {
            ConsumerRecord<String, byte[]> r = rp.nextHead();
            if (r == null) {
                return;
            }
            String key = keyOf(r);
            try {
                if (store.isTaken(rp.partition, key)) {
                    // the same request again while its job is pending: that job's outcome answers it
                    LOG.debug("Request {} at offset {} of partition {} is pending already", key, r.offset(),
                            rp.partition);
                    store.commit(rp.partition, commitAfter(r));
                    rp.in(r.offset());
                    continue;
                }
            } catch (PartitionLostException lost) {
                return;
            } catch (RuntimeException e) {
                rejoin(rp.partition, e);
                return;
            }
            send(rp, r, node, false);
            return;
        }
    }

    /** Hands a request to the route; its outcome is written when the route is done, unless the job was given up. */
    private void send(RequestPartition rp, ConsumerRecord<String, byte[]> r, String claimedBy, boolean takenOver) {
        String key = keyOf(r);
        Exchange exchange = createExchange(false);
        Message m = exchange.getMessage();
        for (Header h : r.headers()) {
            if (h.value() != null) {
                m.setHeader(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        m.setBody(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
        m.setHeader(SegmindKafkaConstants.KEY, key);
        m.setHeader(SegmindKafkaConstants.PARTITION, r.partition());
        m.setHeader(SegmindKafkaConstants.OFFSET, r.offset());
        m.setHeader(SegmindKafkaConstants.TAKEN_OVER, takenOver);
        m.setHeader(SegmindKafkaConstants.CLAIMED_BY, claimedBy);
        m.setHeader(SegmindConstants.JOB_KEY, key);
        m.setHeader(SegmindConstants.JOB_ATTRIBUTES, RequestAttributes.of(key, r.topic(), r.partition(), r.offset()));
        CompletableFuture<Void> abandon = new CompletableFuture<>();
        exchange.setProperty(SegmindConstants.ABANDON, abandon);
        if (!rp.track(abandon)) {
            releaseExchange(exchange, false);
            return;
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            rp.untrack(abandon);
            if (abandon.isDone() || rp.isRevoked()) {
                // given up here: the job is the partition's next owner's, and so is its outcome
                releaseExchange(exchange, false);
                return;
            }
            try {
                writer.execute(() -> {
                    try {
                        finish(rp, r, key, exchange, claimedBy);
                    } finally {
                        releaseExchange(exchange, false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                releaseExchange(exchange, false);
            }
        });
    }

    /** Writes the request's one outcome message, with its entry's tombstone and, if still due, its offset. */
    private void finish(RequestPartition rp, ConsumerRecord<String, byte[]> r, String key, Exchange exchange,
                        String claimedBy) {
        if (rp.isRevoked()) {
            return;
        }
        Throwable error = exchange.getException();
        if (causedBy(error, PendingStoreException.class)) {
            // Kafka, not the job, failed: the request stays where it is, for this node or another to take in again
            rejoin(rp.partition, error instanceof Exception ex ? ex : new IllegalStateException(error));
            return;
        }
        ProducerRecord<String, byte[]> message = error != null
                ? outcomes.failure(key, exchange, error, claimedBy)
                : outcomes.result(key, exchange, claimedBy);
        OffsetCommit commit = rp.isHead(r.offset()) ? commitAfter(r) : null;
        try {
            store.finish(rp.partition, key, message, commit);
        } catch (PartitionLostException lost) {
            return;
        } catch (RuntimeException e) {
            rejoin(rp.partition, e);
            return;
        }
        if (commit != null && rp.in(r.offset())) {
            dispatch(() -> advance(rp));
        }
    }

    // ---- RequestIntake: the store asks before a claim becomes durable

    @Override
    public OffsetCommit commitWithClaim(int partition, long offset) {
        RequestPartition rp = partitions.get(partition);
        if (rp == null || rp.isRevoked()) {
            throw new PartitionLostException(endpoint.getTopic(), partition, "this node does not own it", null);
        }
        if (!rp.isHead(offset)) {
            throw new IllegalStateException("The request at offset " + offset + " of " + endpoint.getTopic() + "-"
                    + partition + " was taken in before and its job is no longer pending; it is not submitted again");
        }
        return new OffsetCommit(endpoint.getGroupId(), endpoint.getTopic(), partition, offset + 1);
    }

    @Override
    public void claimed(int partition, long offset) {
        RequestPartition rp = partitions.get(partition);
        if (rp != null && rp.in(offset)) {
            dispatch(() -> advance(rp));
        }
    }

    // ---- helpers

    /** Something went wrong with Kafka: read every partition again rather than trust this node's view of it. */
    private void rejoin(int partition, Exception cause) {
        LOG.warn("Node {} could not write to partition {} of {}: {}", node, partition, store.getTopic(),
                cause.toString());
        restart = true;
    }

    private OffsetCommit commitAfter(ConsumerRecord<String, byte[]> r) {
        return new OffsetCommit(endpoint.getGroupId(), r.topic(), r.partition(), r.offset() + 1);
    }

    /** A request's identity: its key, or without one its place in the log. */
    static String keyOf(ConsumerRecord<String, byte[]> r) {
        return r.key() != null ? r.key() : r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    private void dispatch(Runnable task) {
        try {
            dispatcher.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the node stops; its partitions go to the others
        }
    }

    private Map<String, Object> consumerConfig() {
        long session = endpoint.getSessionTimeout();
        Map<String, Object> c = store.clientConfig(Map.of());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, endpoint.getGroupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, node + "-requests");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a rebalance moves only the partitions that must move; the others keep their jobs and their budget
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, session / 4));
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, endpoint.getMaxQueuedRequests()));
        return c;
    }

    private int requestPartitions() throws Exception {
        try (Admin admin = Admin.create(store.clientConfig(Map.of()))) {
            return admin.describeTopics(List.of(endpoint.getTopic())).allTopicNames()
                    .get(store.getOperationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .get(endpoint.getTopic()).partitions().size();
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void requireOption(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("segmind-kafka needs option " + name);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
