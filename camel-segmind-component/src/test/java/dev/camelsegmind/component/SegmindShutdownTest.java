package dev.camelsegmind.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exchange gets its callback, even one still waiting when the application stops. */
class SegmindShutdownTest extends SegmindTestSupport {

    @Test
    void stoppingTheContextCompletesWaitingExchangesWithAnError() throws Exception {
        sim.model("endless-model").renderTime(Duration.ofDays(1));
        CompletableFuture<Exchange> waiting = template.asyncSend("segmind:endless-model",
                e -> e.getMessage().setBody("never done"));
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sim.journal().count(Route.STATUS) > 0);

        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Exchange out = waiting.get(10, TimeUnit.SECONDS);
        assertThat(out.getException()).isInstanceOf(SegmindException.class)
                .hasMessageContaining("continues at Segmind");
    }

    @Test
    void aMessageWaitingForAJobSlotIsHandedBackAtOnceWhileTheRunningJobGetsItsGracePeriod() throws Exception {
        SegmindComponent oneAtATime = new SegmindComponent();
        configure(oneAtATime.getConfiguration());
        oneAtATime.setMaxConcurrentJobs(1);
        context.addComponent("segmindOne", oneAtATime);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the failures reach the caller: asserted there, not logged
                errorHandler(noErrorHandler());
                // in a route, so the graceful shutdown waits for its exchanges
                from("direct:one").routeId("one").to("segmindOne:endless-model");
            }
        });
        sim.model("endless-model").renderTime(Duration.ofDays(1));
        CompletableFuture<Exchange> running = template.asyncSend("direct:one",
                e -> e.getMessage().setBody("never done"));
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sim.journal().count(Route.STATUS) > 0);
        CompletableFuture<Exchange> parked = template.asyncSend("direct:one",
                e -> e.getMessage().setBody("waits for the slot"));
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> oneAtATime.getEngine().limiter().waitingJobs() == 1);

        context.getShutdownStrategy().setTimeout(3);
        long start = System.nanoTime();
        CompletableFuture<Void> stopping;
        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.SegmindComponent")) {
            stopping = CompletableFuture.runAsync(context::stop);
            Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> !log.lines().isEmpty());
            assertThat(log.text()).contains("1 Segmind message(s) waiting for their turn handed back unsent");
        }

        Exchange handedBack = parked.get(2, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(handedBack.getException()).isInstanceOf(SegmindException.class)
                .hasMessageContaining("Not sent").hasMessageContaining("shutting down");
        assertThat(running).as("the submitted job keeps its grace period").isNotDone();
        try (LogCapture shutdown = LogCapture.of(Level.WARN, "org.apache.camel.impl.engine.DefaultShutdownStrategy")) {
            stopping.get(10, TimeUnit.SECONDS);
            assertThat(shutdown.text()).contains("Timeout occurred during graceful shutdown");
        }
        assertThat(running.get(5, TimeUnit.SECONDS).getException()).hasMessageContaining("continues at Segmind");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aSubmitWaitingForTheRequestBudgetDoesNotHoldUpTheShutdown() throws Exception {
        SegmindComponent onePerMinute = new SegmindComponent();
        configure(onePerMinute.getConfiguration());
        onePerMinute.setMaxRequestsPerMinute(1);
        context.addComponent("segmindSlow", onePerMinute);
        assertThat(template.request("segmindSlow:wan2.7-image-pro?operation=submit",
                e -> e.getMessage().setBody("first")).getException()).isNull();
        CompletableFuture<Exchange> parked = template.asyncSend("segmindSlow:wan2.7-image-pro?operation=submit",
                e -> e.getMessage().setBody("waits a minute for the budget"));
        Thread.sleep(200);
        assertThat(parked).isNotDone();

        context.getShutdownStrategy().setTimeout(30);
        long start = System.nanoTime();
        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.SegmindComponent")) {
            context.stop();
            assertThat(log.text()).contains("handed back unsent");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(parked.get(1, TimeUnit.SECONDS).getException()).hasMessageContaining("Not sent");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }
}
