package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelsegmind.component.error.SegmindAlreadyDeliveredException;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file route whose message fails is read again and again (here every 20 ms; about once a second by default), as
 * long as the file stays in its folder. However often that happens, a message costs a bounded number of calls: a
 * refused key is not sent again while it cools down, and a job delivered to a route that then fails is collected
 * once more and then left alone.
 */
class SegmindRedeliveryBudgetTest extends SegmindTestSupport {

    private static final String WRONG_KEY = "SG_fedcba9876543210";
    /** Deliveries the file consumer makes of the failing message before the calls are counted again. */
    private static final int MORE_DELIVERIES = 15;

    @TempDir
    Path inbox;
    @TempDir
    Path outbox;

    private final AtomicInteger deliveries = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                    failures.add(failed.getExchange().getException());
                }
            }
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // failures are collected (createCamelContext) and asserted, not logged
                errorHandler(noErrorHandler());
                from("file:" + inbox.resolve("wrong-key") + "?delay=20&initialDelay=0").routeId("wrongKey")
                        .process(e -> deliveries.incrementAndGet())
                        .to("segmind:wan2.7-image-pro?apiKey=" + WRONG_KEY)
                        .to("file:" + outbox);
                from("file:" + inbox.resolve("next-step-fails") + "?delay=20&initialDelay=0").routeId("nextStepFails")
                        .process(e -> deliveries.incrementAndGet())
                        .to("segmind:wan2.7-image-pro")
                        .process(e -> {
                            throw new IllegalStateException("the disk of the next step is full");
                        });
            }
        };
    }

    /** The component's warning about a refused key is asserted, not printed; so are the resume line and rollbacks. */
    private LogCapture log;

    @BeforeEach
    void captureWarnings() {
        log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.SegmindComponent",
                "dev.camelsegmind.component.engine.JobEngine", "org.apache.camel.component.file.GenericFileOnCompletion");
    }

    @AfterEach
    void releaseWarnings() {
        // stopped first: a file consumer would otherwise roll back once more after the capture ends
        context.stop();
        log.close();
    }

    @Test
    void aRefusedKeyCostsOneCallHoweverOftenTheMessageComesBack() throws Exception {
        Files.writeString(Files.createDirectories(inbox.resolve("wrong-key")).resolve("poster.txt"), "a lighthouse");

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.get() >= MORE_DELIVERIES);

        context.getRouteController().stopRoute("wrongKey");
        assertThat(sim.journal().count(Route.SUBMIT)).as("submits for %d deliveries", deliveries.get()).isEqualTo(1);
        assertThat(sim.journal().size()).isEqualTo(1);
        assertThat(failures).hasSizeGreaterThanOrEqualTo(MORE_DELIVERIES)
                .allSatisfy(f -> assertThat(f).isInstanceOf(SegmindAuthenticationException.class));
        assertThat(failures.get(failures.size() - 1)).hasMessageContaining("until");
        assertThat(log.lines()).filteredOn(l -> l.contains("GenericFileOnCompletion")).as("file rollbacks")
                .hasSizeGreaterThanOrEqualTo(MORE_DELIVERIES);
        assertThat(log.lines()).filteredOn(l -> l.contains("SegmindComponent")).singleElement()
                .satisfies(l -> assertThat(l).contains("rejected the API key"));
    }

    @Test
    void aJobDeliveredToARouteThatFailsIsCollectedOnceMoreAndThenLeftAlone() throws Exception {
        Files.writeString(Files.createDirectories(inbox.resolve("next-step-fails")).resolve("poster.txt"),
                "a lighthouse");

        await().atMost(Duration.ofSeconds(10)).until(() -> failures.stream()
                .anyMatch(SegmindAlreadyDeliveredException.class::isInstance));
        int callsWhenClosed = sim.journal().size();
        int deliveredSoFar = deliveries.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.get() >= deliveredSoFar + MORE_DELIVERIES);

        context.getRouteController().stopRoute("nextStepFails");
        List<Throwable> seen = List.copyOf(failures);
        assertThat(sim.journal().size()).as("calls after %d more deliveries", MORE_DELIVERIES)
                .isEqualTo(callsWhenClosed);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(sim.journal().count(Route.RESULT)).as("the result: delivered, then reused once").isEqualTo(2);
        // the first two deliveries got the media and failed in the next step; every later one is refused at once
        assertThat(seen.subList(0, 2)).allSatisfy(f -> assertThat(f).isInstanceOf(IllegalStateException.class));
        assertThat(seen.subList(2, seen.size())).isNotEmpty()
                .allSatisfy(f -> assertThat(f).isInstanceOf(SegmindAlreadyDeliveredException.class)
                        .hasMessageContaining("delivered twice").hasMessageContaining("moveFailed"));
        SegmindComponent component = context.getComponent("segmind", SegmindComponent.class);
        assertThat(component.getEngine().store().list()).as("the job's pending entry is closed").isEmpty();
    }
}
