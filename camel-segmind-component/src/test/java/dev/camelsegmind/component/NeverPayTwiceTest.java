package dev.camelsegmind.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.observability.SegmindProducerHealthCheck;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every accepted POST is billed and Segmind has no idempotency key, so a submit or v1 sync call whose answer does
 * not prove a refusal is never sent again. The simulator accepts (and bills) the job, then answers as a failing
 * gateway would; each case shows one POST in the journal, the job at the simulator, an exchange failed with what is
 * known, and the message's pending-job entry kept as UNCERTAIN, where the console and the health check show it and
 * a redelivery is refused without a call.
 */
class NeverPayTwiceTest extends SegmindTestSupport {

    private static final String MODEL = "wan2.7-image-pro";
    private static final String JOB_KEY = MODEL + ":order-7";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the exchange carries the error for the test to assert; nothing to log
                errorHandler(noErrorHandler());
                from("direct:generate").to("segmind:" + MODEL);
                from("direct:sync").to("segmind:" + MODEL + "?operation=sync");
            }
        };
    }

    static Stream<Arguments> gatewayErrors() {
        return Stream.of(Route.SUBMIT, Route.SYNC).flatMap(route -> Stream.of(
                Arguments.of(route, "acceptThenStatus", 502),
                Arguments.of(route, "acceptThenStatus", 504),
                Arguments.of(route, "acceptThenHtml", 502)));
    }

    private Exchange send(Route route) {
        return template.request(route == Route.SYNC ? "direct:sync" : "direct:generate", e -> {
            e.getMessage().setBody("a paid lighthouse");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-7");
        });
    }

    @ParameterizedTest(name = "{0} {1}({2})")
    @MethodSource("gatewayErrors")
    void aGatewayErrorAfterAcceptanceIsUncertainAndNeverRepeated(Route route, String fault, int code) {
        Fault accepted = Fault.on(route);
        sim.faults().add("acceptThenHtml".equals(fault) ? accepted.acceptThenHtml(code)
                : accepted.acceptThenStatus(code));

        Exchange out = send(route);

        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("HTTP " + code).hasMessageContaining("job key " + JOB_KEY)
                .hasMessageContaining("not sent again");
        SegmindSubmitUncertainException uncertain = (SegmindSubmitUncertainException) out.getException();
        assertThat(uncertain.getModel()).isEqualTo(MODEL);
        assertThat(uncertain.getHttpStatus()).isEqualTo(code);
        assertThat(sim.journal().count(route)).as("one POST").isEqualTo(1);
        assertThat(sim.jobs()).as("the simulator accepted and billed it").hasSize(1);

        PendingJob entry = engineStore().find(JOB_KEY).orElseThrow();
        assertThat(entry.state()).isEqualTo(PendingJob.State.UNCERTAIN);
        assertThat(entry.model()).isEqualTo(MODEL);
        assertThat(entry.detail()).contains(String.valueOf(code));
        assertThat(consoleUncertain()).singleElement().satisfies(u -> {
            assertThat(u).containsEntry("jobKey", JOB_KEY).containsEntry("model", MODEL).containsKey("since");
            assertThat((String) u.get("detail")).contains(String.valueOf(code));
        });

        // the message comes back (a redelivery): refused without a call, whatever the gateway does now
        Exchange again = send(route);
        assertThat(again.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("job key " + JOB_KEY);
        assertThat(sim.journal().count(route)).as("still one POST").isEqualTo(1);
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void aSubmitAcceptedButAnsweredAfterRequestTimeoutIsUncertainWithOnePost() {
        sim.faults().add(Fault.on(Route.SUBMIT).delay(Duration.ofMillis(2500)).times(1));
        Exchange out = template.request("segmind:" + MODEL + "?requestTimeout=800", e -> {
            e.getMessage().setBody("slow gateway");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-7");
        });
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("timed out").hasMessageContaining("job key " + JOB_KEY);
        assertThat(sim.jobs()).as("accepted before the answer was late").hasSize(1);
        // the journal records the answer when it is finally sent
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().count(Route.SUBMIT) == 1);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(engineStore().find(JOB_KEY)).hasValueSatisfying(e -> assertThat(e.state())
                .isEqualTo(PendingJob.State.UNCERTAIN));
    }

    @Test
    void aSyncCallAnsweredAfterRequestTimeoutIsUncertainWithOnePost() {
        sim.faults().add(Fault.on(Route.SYNC).delay(Duration.ofMillis(2500)).times(1));
        Exchange out = template.request("segmind:" + MODEL + "?operation=sync&timeout=800", e -> {
            e.getMessage().setBody("slow gateway");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-7");
        });
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("timed out").hasMessageContaining("job key " + JOB_KEY);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().count(Route.SYNC) == 1);
        assertThat(sim.jobs()).hasSize(1);
        assertThat(engineStore().find(JOB_KEY)).hasValueSatisfying(e -> assertThat(e.state())
                .isEqualTo(PendingJob.State.UNCERTAIN));
    }

    @Test
    void aSyncCallThatWasAnsweredFreesItsKey() {
        Exchange out = send(Route.SYNC);
        assertThat(out.getException()).isNull();
        assertThat(engineStore().find(JOB_KEY)).isEmpty();
        // a genuinely new call with the same key is made
        assertThat(send(Route.SYNC).getException()).isNull();
        assertThat(sim.journal().count(Route.SYNC)).isEqualTo(2);
    }

    @Test
    void aSyncCallThatWasRefusedFreesItsKey() {
        sim.faults().add(Fault.on(Route.SYNC).status(400).times(1));
        assertThat(send(Route.SYNC).getException()).isNotInstanceOf(SegmindSubmitUncertainException.class)
                .isNotNull();
        assertThat(engineStore().find(JOB_KEY)).isEmpty();
    }

    @Test
    void theHealthCheckReportsUncertainSubmitsAndStaysUp() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        String id = "producer:segmind-" + MODEL;
        await().atMost(Duration.ofSeconds(5)).until(() -> check(id).getState() == HealthCheck.State.UP);
        assertThat(check(id).getDetails()).doesNotContainKey(SegmindProducerHealthCheck.UNCERTAIN_SUBMITS);

        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(504).times(1));
        assertThat(send(Route.SUBMIT).getException()).isInstanceOf(SegmindSubmitUncertainException.class);

        HealthCheck.Result result = check(id);
        assertThat(result.getState()).as("one message's doubt does not stop the others").isEqualTo(
                HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry(SegmindProducerHealthCheck.UNCERTAIN_SUBMITS, 1);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("1 submit", "billed",
                "console"));

        // reconciled: the operator removes the entry
        engineStore().remove(JOB_KEY);
        assertThat(check(id).getDetails()).doesNotContainKey(SegmindProducerHealthCheck.UNCERTAIN_SUBMITS);
    }

    private HealthCheck.Result check(String id) {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context, c -> Map.of(),
                c -> !c.getId().equals(id), "full").stream().findFirst();
        assertThat(result).isPresent();
        return result.get();
    }

    private dev.camelsegmind.component.store.PendingJobStore engineStore() {
        return context.getComponent("segmind", SegmindComponent.class).getEngine().store();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> consoleUncertain() {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("segmind");
        Map<String, Object> root = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        List<Map<String, Object>> uncertain = (List<Map<String, Object>>) root.get("uncertain");
        assertThat(text).contains("Uncertain submits (may be billed; reconcile, then remove the entry): "
                                  + uncertain.size());
        uncertain.forEach(u -> assertThat(text).contains((String) u.get("jobKey")));
        return uncertain;
    }
}
