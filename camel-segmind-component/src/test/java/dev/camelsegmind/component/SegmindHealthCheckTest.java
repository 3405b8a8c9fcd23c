package dev.camelsegmind.component;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SegmindHealthCheckTest extends SegmindTestSupport {

    private static final String WRONG_KEY = "SG_ffffffffffffffff";
    private static final String OK = "segmind:wan2.7-image-pro";
    private static final String BAD_KEY = "segmind:wan2.7-i2v?apiKey=" + WRONG_KEY;
    private static final String UNREACHABLE = "segmind:wan2.1-i2v-720p?baseUrl=http://127.0.0.1:" + closedPort();

    @Override
    protected void configureComponent(SegmindComponent component) {
        // a budget of one call a minute: a credits call that counted would show as a delay
        component.setMaxRequestsPerMinute(1);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to(OK);
                from("direct:badKey").to(BAD_KEY);
                from("direct:unreachable").to(UNREACHABLE);
            }
        };
    }

    private void enableProducerChecks() {
        // tag::enable-producer-checks[]
        // Camel Main: camel.health.producersEnabled=true; producer checks are off by default
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        // end::enable-producer-checks[]
    }

    private HealthCheck.Result check(String uri) {
        // named after the model, so an operator can tell the checks apart and the id survives a restart
        String id = "producer:segmind-" + context.getEndpoint(uri, SegmindEndpoint.class).getModel();
        // as camel.health.exposureLevel=full shows it; the filter excludes every other check
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context, c -> Map.of(),
                c -> !c.getId().equals(id), "full").stream().findFirst();
        assertThat(result).as("health check %s in Camel's registry", id).isPresent();
        return result.get();
    }

    private HealthCheck.Result awaitState(String uri, HealthCheck.State state) {
        enableProducerChecks();
        await().atMost(Duration.ofSeconds(5)).until(() -> check(uri).getState() == state);
        return check(uri);
    }

    @Test
    void offUnlessProducerChecksAreEnabledAndThenNoCreditsCall() {
        // the producers are started; Camel's producer checks are not
        assertThat(HealthCheckHelper.invoke(context, c -> Map.of(), c -> false, "full"))
                .noneMatch(r -> r.getCheck().getId().startsWith("producer:segmind-"));
        assertThat(sim.journal().count(Route.CREDITS)).isZero();
    }

    @Test
    void upWithRemainingCreditsBaseUrlAndLastChecked() {
        sim.setCredits(123.5);
        HealthCheck.Result up = awaitState(OK, HealthCheck.State.UP);

        assertThat(up.getDetails()).containsEntry("credits", 123.5).containsEntry("baseUrl", sim.baseUrl())
                .containsKey("lastChecked");
        assertThat(up.getDetails().values().toString()).doesNotContain(KEY);
        // a credits call never spends the request budget of the component
        assertThat(context.getComponent("segmind", SegmindComponent.class).getEngine().limiter()
                .currentDelayMillis()).isZero();
    }

    @Test
    void downWithReasonWhenTheKeyIsRejected() {
        HealthCheck.Result down;
        try (LogCapture log = LogCapture.of(org.apache.logging.log4j.Level.WARN,
                "dev.camelsegmind.component.SegmindComponent")) {
            down = awaitState(BAD_KEY, HealthCheck.State.DOWN);
            // the refused credits call is Segmind's word on the key: the key cools down, as after a refused submit
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.lines().isEmpty());
            assertThat(log.text()).contains("rejected the API key").doesNotContain(WRONG_KEY);
        }

        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("rejected the API key", "401", "apiKey").doesNotContain(WRONG_KEY));
        assertThat(down.getDetails()).containsEntry("service.status.code", 401);
        assertThat(down.getDetails().values().toString()).doesNotContain(WRONG_KEY);
        assertThat(down.getError()).isPresent();
        // the other endpoint's key is fine: checks are per key
        assertThat(awaitState(OK, HealthCheck.State.UP).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWithReasonWhenTheApiIsUnreachable() {
        HealthCheck.Result down = awaitState(UNREACHABLE, HealthCheck.State.DOWN);

        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("unreachable", "127.0.0.1"));
        assertThat(down.getDetails()).containsKey("lastChecked").doesNotContainKey("credits");
    }

    @Test
    void manyChecksWithinTheIntervalMakeOneCreditsCall() {
        awaitState(OK, HealthCheck.State.UP);
        for (int i = 0; i < 20; i++) {
            assertThat(check(OK).getState()).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(sim.journal().count(Route.CREDITS)).isEqualTo(1);
    }

    @Test
    void aStaleReadingIsRefreshedInTheBackgroundWithoutWaiting() throws Exception {
        context.getComponent("segmind", SegmindComponent.class).setHealthCheckInterval(500);
        sim.setCredits(10);
        assertThat(awaitState(OK, HealthCheck.State.UP).getDetails()).containsEntry("credits", 10.0);
        sim.setCredits(7);
        sim.faults().add(Fault.on(Route.CREDITS).delay(Duration.ofMillis(800)).times(1));
        Thread.sleep(550);

        long start = System.nanoTime();
        HealthCheck.Result stale = check(OK);
        // answered from the last reading while the slow refresh runs
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
        assertThat(stale.getDetails()).containsEntry("credits", 10.0);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Double.valueOf(7).equals(check(OK).getDetails().get("credits")));
        // the interval counts from the last answer: no call while the slow one ran, none right after it
        assertThat(sim.journal().count(Route.CREDITS)).isEqualTo(2);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
