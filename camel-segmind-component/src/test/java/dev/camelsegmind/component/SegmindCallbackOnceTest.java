package dev.camelsegmind.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Every exchange's callback runs exactly once", raced: jobs finish (poll, fetch, download, delivery) while their
 * producer stops, while the whole context stops, and while the delivery pool refuses work. Each round sends a few
 * jobs a little apart and strikes at a random moment, so over the rounds the strike lands in every stage of some job;
 * the callback of every exchange must then have run once, not zero times and not twice.
 */
class SegmindCallbackOnceTest extends SegmindTestSupport {

    private static final String MODEL = "race-model";
    private static final int JOBS = 6;
    private static final long SEED = Long.getLong("segmind.raceSeed", System.nanoTime());
    private final Random random = new Random(SEED);

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path downloads;

    @Override
    protected void configure(SegmindConfiguration c) {
        super.configure(c);
        c.setPollInterval(5);
        c.setMaxPollInterval(10);
    }

    /** Renders in 40 ms; half of the outputs go to disk, so a strike can also land in a file download. */
    private void profile() {
        sim.model(MODEL).queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(40));
    }

    @Test
    void producerStopRacingCompletionCallsBackOnce() throws Exception {
        profile();
        for (int round = 0; round < 12; round++) {
            List<AsyncProducer> producers = producers(context);
            List<Counted> sent = sendStaggered(context, producers);
            Thread.sleep(random.nextInt(90));
            for (AsyncProducer p : producers) {
                p.stop();
            }
            assertEachCalledOnce(sent, "producer stop, round " + round);
        }
    }

    @Test
    void contextStopRacingCompletionCallsBackOnce() throws Exception {
        profile();
        for (int round = 0; round < 6; round++) {
            CamelContext ctx = newContext();
            // a producer the context does not manage: only the component's own stop can end its jobs
            List<Counted> sent = sendStaggered(ctx, producers(ctx));
            Thread.sleep(random.nextInt(90));
            ctx.getShutdownStrategy().setTimeout(1);
            ctx.stop();
            assertEachCalledOnce(sent, "context stop, round " + round);
        }
    }

    @Test
    void aRefusingDeliveryPoolRacingCompletionCallsBackOnce() throws Exception {
        profile();
        for (int round = 0; round < 6; round++) {
            try (CamelContext ctx = newContext()) {
                List<Counted> sent = sendStaggered(ctx, producers(ctx));
                Thread.sleep(random.nextInt(90));
                // what a stopping component's pool does: refuse; the callback must then run where the job ended
                ctx.getComponent("segmind", SegmindComponent.class).getDeliveryExecutor().shutdown();
                assertEachCalledOnce(sent, "delivery pool refusing, round " + round);
                assertThat(sent).as("jobs that completed after the pool refused still delivered")
                        .anyMatch(c -> c.exchange.getException() == null);
            }
        }
    }

    private CamelContext newContext() throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        SegmindComponent component = new SegmindComponent();
        configure(component.getConfiguration());
        ctx.addComponent("segmind", component);
        ctx.start();
        return ctx;
    }

    /** One producer keeping media in memory, one writing every download to a file. */
    private List<AsyncProducer> producers(CamelContext ctx) throws Exception {
        List<AsyncProducer> producers = new ArrayList<>();
        for (String options : List.of("", "?inMemoryThreshold=0&downloadDirectory=" + downloads)) {
            AsyncProducer producer = ctx.getEndpoint("segmind:" + MODEL + options, SegmindEndpoint.class)
                    .createAsyncProducer();
            producer.start();
            producers.add(producer);
        }
        return producers;
    }

    private List<Counted> sendStaggered(CamelContext ctx, List<AsyncProducer> producers) throws Exception {
        List<Counted> sent = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Exchange exchange = new DefaultExchange(ctx);
            exchange.getMessage().setBody("race " + i);
            Counted counted = new Counted(exchange);
            sent.add(counted);
            producers.get(i % 2).process(exchange, counted);
            Thread.sleep(8);
        }
        return sent;
    }

    private void assertEachCalledOnce(List<Counted> sent, String what) throws InterruptedException {
        String as = what + " (seed " + SEED + ", rerun with -Dsegmind.raceSeed=" + SEED + ")";
        await(as).atMost(10, TimeUnit.SECONDS)
                .until(() -> sent.stream().allMatch(c -> c.calls.get() > 0));
        // a second call would come from a job's chain still running: give it the time a job takes
        Thread.sleep(60);
        for (Counted c : sent) {
            assertThat(c.calls.get()).as(as + ": callbacks of one exchange").isEqualTo(1);
            Exchange e = c.exchange;
            if (e.getException() == null) {
                assertThat(e.getMessage().getBody()).as(as).isInstanceOf(SegmindMedia.class);
            }
        }
    }

    /** A callback that counts how often it is called. */
    private static final class Counted implements AsyncCallback {
        final Exchange exchange;
        final AtomicInteger calls = new AtomicInteger();

        Counted(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void done(boolean doneSync) {
            calls.incrementAndGet();
        }
    }
}
