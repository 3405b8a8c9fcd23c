package dev.camelsegmind.component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobState;
import dev.camelsegmind.component.store.MemoryPendingJobStore;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobStore;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's own threads never run a route's continuation nor a store call: the scheduler that drives every job,
 * the HTTP client's I/O threads, the pool answers are read on, and CompletableFuture's default pool (ForkJoinPool's
 * common pool), which no stage of the component may fall back on. Shown
 * under a backlog of continuations, with a store that takes its time, with one answer's thread held, and with Camel's
 * thread pools set to run work on the caller once their queue is full.
 */
class SegmindEngineThreadsTest extends SegmindTestSupport {

    /** What a thread of the engine is called: a route or a store must never run on one. */
    private static final List<String> ENGINE_THREADS = List.of("SegmindScheduler", "SegmindIO", "SegmindHttp",
            "ForkJoinPool");
    private static final int DELIVERY_THREADS = 10;

    private final SlowStore store = new SlowStore(new MemoryPendingJobStore(), 40);
    private final Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch holdFirstStatusRead;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // Camel's pools run a task on the caller when their queue is full: a tiny queue shows where that would be
        context.getExecutorServiceManager().getDefaultThreadPoolProfile().setMaxQueueSize(2);
        return context;
    }

    @Override
    protected void configureComponent(SegmindComponent component) {
        component.setPendingJobStore(store);
        component.setIoThreads(1);
        component.addJobListener(new JobListener() {
            @Override
            public void statusRead(JobHandle job, JobState previous, JobState current, Duration elapsed) {
                listenerThreads.add(Thread.currentThread().getName());
                CountDownLatch hold = holdFirstStatusRead;
                if (hold != null) {
                    holdFirstStatusRead = null;
                    // an answer's thread is busy (a large answer, a slow listener): the others pile up
                    hold(hold);
                }
            }
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:backlog").to("segmind:backlog-model")
                        .process(e -> continuation(e));
                from("direct:plain").to("segmind:backlog-model");
            }
        };
    }

    private final Set<String> continuationThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger continuing = new AtomicInteger();
    private volatile CountDownLatch releaseContinuations = new CountDownLatch(0);

    private void continuation(Exchange e) {
        continuationThreads.add(Thread.currentThread().getName());
        continuing.incrementAndGet();
        hold(releaseContinuations);
    }

    @Test
    void aBacklogOfContinuationsWaitsForDeliveryThreadsWhileTheEngineGoesOn() throws Exception {
        sim.model("backlog-model").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(100));
        int jobs = 3 * DELIVERY_THREADS;
        releaseContinuations = new CountDownLatch(1);
        List<CompletableFuture<Exchange>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int n = i;
            sent.add(template.asyncSend("direct:backlog", e -> {
                e.getMessage().setBody("backlog " + n);
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "backlog-" + n);
            }));
        }
        // every delivery thread is held by a continuation, the others wait their turn in the delivery queue: every
        // job is still polled, fetched and downloaded meanwhile, so no engine thread is running a continuation
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.journal().count(Route.MEDIA) == jobs);
        await().atMost(Duration.ofSeconds(5)).until(() -> continuing.get() == DELIVERY_THREADS);
        Thread.sleep(100);
        assertThat(continuing.get()).as("continuations running while all delivery threads are held")
                .isEqualTo(DELIVERY_THREADS);
        releaseContinuations.countDown();
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(continuationThreads).hasSize(DELIVERY_THREADS)
                .allSatisfy(name -> assertThat(name).contains("SegmindDelivery"));
        assertNoEngineThread(store.threads, "store calls");
        assertThat(store.threads).as("store calls").anyMatch(name -> name.contains("SegmindStore"));
    }

    @Test
    void aSlowStoreAndABusyHttpThreadLeaveTheEngineThreadsAlone() throws Exception {
        sim.model("backlog-model").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(50));
        CountDownLatch hold = new CountDownLatch(1);
        holdFirstStatusRead = hold;
        int jobs = 12;
        List<CompletableFuture<Exchange>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int n = i;
            sent.add(template.asyncSend("direct:plain", e -> {
                e.getMessage().setBody("slow store " + n);
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "slow-" + n);
            }));
        }
        // while one answer's thread is held, the other jobs go on
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.journal().count(Route.SUBMIT) == jobs
                && sim.journal().count(Route.STATUS) > 0);
        Thread.sleep(300);
        hold.countDown();
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(store.calls.get()).as("claims, records and removals").isGreaterThanOrEqualTo(3 * jobs);
        assertNoEngineThread(store.threads, "store calls");
        assertThat(listenerThreads).as("threads that read statuses: the engine's, never a route's or the store's")
                .isNotEmpty().allSatisfy(name -> assertThat(name).doesNotContain("SegmindDelivery")
                        .doesNotContain("SegmindStore"));
        assertThat(store.entries()).as("every entry removed once delivered").isEmpty();
    }

    private static void assertNoEngineThread(Collection<String> threads, String what) {
        assertThat(threads).as(what).isNotEmpty().allSatisfy(name -> {
            for (String engine : ENGINE_THREADS) {
                assertThat(name).as(what + " ran on an engine thread").doesNotContain(engine);
            }
        });
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store that takes its time, as a disk, a database or a broker may, and notes where it is called. */
    static final class SlowStore implements PendingJobStore {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        private final PendingJobStore delegate;
        private final long millis;

        SlowStore(PendingJobStore delegate, long millis) {
            this.delegate = delegate;
            this.millis = millis;
        }

        private void slowly() {
            threads.add(Thread.currentThread().getName());
            calls.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Collection<PendingJob> entries() {
            return delegate.list();
        }

        @Override
        public Optional<PendingJob> putIfAbsent(PendingJob job) {
            slowly();
            return delegate.putIfAbsent(job);
        }

        @Override
        public void put(PendingJob job) {
            slowly();
            delegate.put(job);
        }

        @Override
        public Optional<PendingJob> find(String jobKey) {
            slowly();
            return delegate.find(jobKey);
        }

        @Override
        public void remove(String jobKey) {
            slowly();
            delegate.remove(jobKey);
        }

        @Override
        public Collection<PendingJob> list() {
            slowly();
            return delegate.list();
        }
    }
}
