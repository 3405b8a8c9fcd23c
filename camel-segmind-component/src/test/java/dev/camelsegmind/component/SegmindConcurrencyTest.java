package dev.camelsegmind.component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No thread waits for a job: one caller thread hands 200 renders to the producer, every one of them is submitted and
 * has its status read before the first finishes (the simulator's journal and job records are the witness), all 200
 * arrive in about the time of one render, and the thread count stays flat.
 */
class SegmindConcurrencyTest extends SegmindTestSupport {

    private static final int JOBS = 200;
    /** Three seconds of rendering at the simulator's speed: long enough for 200 submits on a loaded machine. */
    private static final Duration RENDER = Duration.ofSeconds(3);

    @Test
    void twoHundredJobsFromOneThreadAreAllUnderWayBeforeTheFirstFinishes() throws Exception {
        // small pictures: encoding 200 real videos would measure the simulator's CPU, not the component's waiting
        sim.model("render-model").queueTime(Duration.ZERO).renderTime(RENDER.multipliedBy(1000)).outputSize(64, 64);
        AsyncProducer producer = context.getEndpoint("segmind:render-model?pollInterval=100&maxPollInterval=300",
                SegmindEndpoint.class).createAsyncProducer();
        producer.start();
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        CountDownLatch done = new CountDownLatch(JOBS);
        List<Exchange> exchanges = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < JOBS; i++) {
            Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
            exchange.getMessage().setBody("clip " + i);
            exchanges.add(exchange);
            boolean sync = producer.process(exchange, doneSync -> done.countDown());
            assertThat(sync).as("job %d completed on the caller's thread", i).isFalse();
        }
        long handedOver = millisSince(start);
        assertThat(handedOver).as("ms for one thread to hand over %d jobs", JOBS).isLessThan(RENDER.toMillis());

        int peak = 0;
        while (!done.await(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, ManagementFactory.getThreadMXBean().getThreadCount());
            assertThat(millisSince(start)).as("all %d jobs done", JOBS).isLessThan(60_000);
        }
        long wall = millisSince(start);
        producer.stop();

        for (Exchange out : exchanges) {
            assertThat(out.getException()).isNull();
            assertPng(out.getMessage().getBody(byte[].class));
        }
        Instant firstDone = sim.jobs().stream().map(JobView::completedAt).min(Comparator.naturalOrder())
                .orElseThrow();
        List<JournalEntry> submits = sim.journal().entries(Route.SUBMIT);
        assertThat(submits).hasSize(JOBS).allSatisfy(e -> assertThat(e.timestamp())
                .as("a submit answered after the first job finished").isBefore(firstDone));
        Map<String, Instant> firstRead = new HashMap<>();
        for (JournalEntry e : sim.journal().entries(Route.STATUS)) {
            firstRead.putIfAbsent(e.requestId(), e.timestamp());
        }
        for (JournalEntry submit : submits) {
            assertThat(firstRead.get(submit.requestId()))
                    .as("first status read of %s, before the first job finished", submit.requestId())
                    .isNotNull().isBefore(firstDone);
        }
        // one render, plus the submits, the downloads and a loaded machine; in turn, 200 renders would take 600 s
        assertThat(wall).as("ms for %d jobs of %d ms each", JOBS, RENDER.toMillis())
                .isLessThan(RENDER.toMillis() * 3);
        // the component adds a handful of threads, not one per job
        assertThat(peak - before).as("threads added while 200 jobs wait").isLessThan(25);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
