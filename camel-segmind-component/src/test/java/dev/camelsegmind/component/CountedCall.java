package dev.camelsegmind.component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One exchange sent straight to a Segmind producer with a callback that counts its calls, so a test can assert that
 * the callback ran exactly once, and when.
 */
final class CountedCall implements AutoCloseable {

    private final AsyncProducer producer;
    private final Exchange exchange;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long doneNanos;

    private CountedCall(AsyncProducer producer, Exchange exchange) {
        this.producer = producer;
        this.exchange = exchange;
    }

    static CountedCall send(CamelContext context, String uri, Consumer<Exchange> setup) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        ServiceHelper.startService(producer);
        Exchange exchange = new DefaultExchange(context);
        setup.accept(exchange);
        CountedCall call = new CountedCall(producer, exchange);
        producer.process(exchange, doneSync -> {
            if (call.calls.incrementAndGet() == 1) {
                call.doneNanos = System.nanoTime();
            }
            call.done.countDown();
        });
        return call;
    }

    AsyncProducer producer() {
        return producer;
    }

    /**
     * Waits for the callback, then a little longer for a second call that must not come.
     *
     * @return the exchange as the callback left it
     */
    Exchange awaitOnce(Duration atMost) throws InterruptedException {
        assertThat(done.await(atMost.toMillis(), TimeUnit.MILLISECONDS)).as("callback within %s", atMost).isTrue();
        Thread.sleep(300);
        assertThat(calls.get()).as("callback calls").isEqualTo(1);
        return exchange;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** From the send to the callback. */
    Duration took() {
        return Duration.ofNanos(doneNanos - startNanos);
    }

    @Override
    public void close() {
        ServiceHelper.stopService(producer);
    }
}
