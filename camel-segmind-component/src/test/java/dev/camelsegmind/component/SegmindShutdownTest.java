package dev.camelsegmind.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
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
}
