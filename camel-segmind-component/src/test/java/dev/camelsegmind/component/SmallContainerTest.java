package dev.camelsegmind.component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that sees one CPU, as in a small Kubernetes container, without any flag: CompletableFuture's default pool
 * then has fewer than two workers and starts a new thread for every task handed to it. The component's HTTP layer
 * must not depend on that pool: a few hundred jobs, fifty at a time, keep the JVM's thread count bounded. Runs in a
 * Surefire execution of its own with {@code -XX:ActiveProcessorCount=1} (camel-segmind-component/pom.xml), which
 * sets {@code segmind.smallContainer}.
 */
@EnabledIfSystemProperty(named = "segmind.smallContainer", matches = "true")
class SmallContainerTest extends SegmindTestSupport {

    private static final int JOBS = 300;
    private static final int IN_FLIGHT = 50;
    /**
     * Every thread of this JVM: JUnit's and Surefire's, Camel's, the simulator's, and the component's (scheduler,
     * SegmindIO, delivery, two of the HTTP client). The JDK client went past 60 here, a thread per answer.
     */
    private static final int MAX_THREADS = 40;

    @Test
    void threeHundredJobsKeepTheThreadCountBoundedWithoutTheCommonPoolFlag() throws Exception {
        assertThat(Runtime.getRuntime().availableProcessors()).as("CPUs this JVM sees").isEqualTo(1);
        assertThat(ForkJoinPool.getCommonPoolParallelism()).as("common pool workers").isLessThan(2);
        sim.model("instant-model").queueTime(Duration.ZERO).renderTime(Duration.ZERO).outputSize(64, 64);
        AsyncProducer producer = context.getEndpoint("segmind:instant-model", SegmindEndpoint.class)
                .createAsyncProducer();
        producer.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        long startedBefore = threads.getTotalStartedThreadCount();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();

        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            assertThat(slots.tryAcquire(30, TimeUnit.SECONDS)).as("a slot for job %d", i).isTrue();
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("frame " + i);
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> slots.release());
        }
        assertThat(slots.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)).as("every job ended").isTrue();
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuBefore;
        int peak = threads.getPeakThreadCount();
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        producer.stop();

        for (Exchange out : exchanges) {
            assertThat(out.getException()).isNull();
            assertPng(bodyBytes(out));
        }
        // for the record (target/surefire-reports), not asserted: a shared machine's timings vary
        System.out.printf("%d jobs, %d in flight, 1 CPU: peak %d threads, %d started, %.2f ms CPU per job (this JVM,"
                + " simulator included), %.0f jobs/s%n", JOBS, IN_FLIGHT, peak, started, cpuNanos / 1e6 / JOBS,
                JOBS / (wallNanos / 1e9));
        assertThat(peak).as("the JVM's peak thread count over %d jobs", JOBS).isLessThan(MAX_THREADS);
        // each job has four answers or more (submit, status, result, media): a thread per answer would start over a
        // thousand; pools that fill up once start a few dozen at most
        assertThat(started).as("threads started during %d jobs", JOBS).isLessThan(JOBS / 3);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
