package dev.camelsegmind.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After Segmind refuses a key, messages with it fail at once with the same error and no call, until the cool-down
 * ends, another key is used or a credits read says the key works again.
 */
class SegmindKeyCoolDownTest extends SegmindTestSupport {

    private static final String WRONG_KEY = "SG_fedcba9876543210";
    private static final String WRONG = "segmind:wan2.7-image-pro?apiKey=" + WRONG_KEY;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    private Exchange generate(String uri) {
        return template.request(uri, e -> e.getMessage().setBody("a lighthouse"));
    }

    private SegmindComponent component() {
        return context.getComponent("segmind", SegmindComponent.class);
    }

    /** The component's warning about a refused key is asserted, not printed. */
    private LogCapture log;

    @BeforeEach
    void captureWarnings() {
        log = LogCapture.of(Level.WARN, "dev.camelsegmind.component.SegmindComponent");
    }

    @AfterEach
    void releaseWarnings() {
        // stopped first: a file consumer would otherwise roll back once more after the capture ends
        context.stop();
        log.close();
    }

    @Test
    void aRejectedKeyIsNotSentAgainAndMessagesGetTheSameError() {
        Exchange first = generate(WRONG);
        assertThat(first.getException()).isInstanceOf(SegmindAuthenticationException.class);

        for (int i = 0; i < 5; i++) {
            Exchange again = generate(WRONG);
            assertThat(again.getException()).isInstanceOf(SegmindAuthenticationException.class)
                    .hasMessageContaining("401").hasMessageContaining("until").hasMessageContaining("keyCoolDown")
                    .hasMessageContaining("SEGMIND_API_KEY").hasMessageNotContaining(WRONG_KEY);
            assertThat(((SegmindException) again.getException()).getHttpStatus()).isEqualTo(401);
        }
        assertThat(sim.journal().count(Route.SUBMIT)).as("one refused submit, then no call").isEqualTo(1);
        assertThat(log.lines()).as("one warning per cool-down").singleElement().satisfies(line -> assertThat(line)
                .contains("WARN", "Segmind rejected the API key (HTTP 401)", "until", "keyCoolDown")
                .doesNotContain(WRONG_KEY));
        // status and await need the key too: refused without a call as well
        Exchange status = template.request(WRONG + "&operation=status",
                e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, "abc"));
        assertThat(status.getException()).isInstanceOf(SegmindAuthenticationException.class);
        assertThat(sim.journal().size()).isEqualTo(1);

        // another key is not held up by it
        Exchange good = generate("segmind:wan2.7-image-pro");
        assertThat(good.getException()).isNull();
    }

    @Test
    void theHealthCheckIsDownAndTheConsoleSaysWhyAndUntilWhen() {
        generate(WRONG);
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);

        HealthCheck.Result down = await().atMost(Duration.ofSeconds(5))
                .until(() -> check("producer:segmind-wan2.7-image-pro"), r -> r.getState() == HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("rejected the API key", "until"));
        // Spring Boot's Actuator shows a check's details, not its message: the reason is a detail too
        assertThat(down.getDetails()).containsKey("coolDownUntil").containsEntry("reason", down.getMessage().get());
        assertThat(down.getDetails().values().toString()).doesNotContain(WRONG_KEY);

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("segmind");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Keys cooling down: 1", "KEY_REJECTED", sim.baseUrl()).doesNotContain(WRONG_KEY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) ((Map<String, Object>) console
                .call(DevConsole.MediaType.JSON)).get("coolDowns");
        assertThat(json).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("reason", "KEY_REJECTED").containsEntry("httpStatus", 401)
                    .containsKey("until");
            assertThat(Instant.parse((String) c.get("until"))).isAfter(Instant.now().plusSeconds(200));
            assertThat(c.toString()).doesNotContain(WRONG_KEY);
        });
    }

    @Test
    void aSuccessfulCreditsReadEndsTheCoolDown() {
        // the good key, refused once: the credits call of the health check then shows that it works
        sim.faults().add(Fault.on(Route.SUBMIT).status(401).times(1));
        assertThat(generate("segmind:wan2.7-image-pro").getException())
                .isInstanceOf(SegmindAuthenticationException.class);
        assertThat(generate("segmind:wan2.7-image-pro").getException())
                .isInstanceOf(SegmindAuthenticationException.class);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);

        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> check("producer:segmind-wan2.7-image-pro").getState() == HealthCheck.State.UP);

        assertThat(generate("segmind:wan2.7-image-pro").getException()).isNull();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
    }

    @Test
    void insufficientCreditsHoldNewJobsUntilCreditsShowAgain() {
        sim.setCredits(KEY, 0);
        Exchange first = generate("segmind:wan2.7-image-pro");
        assertThat(first.getException()).isInstanceOf(SegmindInsufficientCreditsException.class);
        Exchange second = generate("segmind:wan2.7-i2v");
        assertThat(second.getException()).isInstanceOf(SegmindInsufficientCreditsException.class)
                .hasMessageContaining("insufficient credits").hasMessageContaining("Top up");
        assertThat(((SegmindException) second.getException()).getHttpStatus()).isEqualTo(406);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);

        component().setHealthCheckInterval(0);
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        check("producer:segmind-wan2.7-image-pro");
        // a credits read that still shows nothing to spend keeps the hold
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.journal().count(Route.CREDITS) >= 1);
        assertThat(generate("segmind:wan2.7-image-pro").getException())
                .isInstanceOf(SegmindInsufficientCreditsException.class);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);

        sim.setCredits(KEY, 25);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> check("producer:segmind-wan2.7-image-pro").getState() == HealthCheck.State.UP);
        assertThat(generate("segmind:wan2.7-image-pro").getException()).isNull();
    }

    @Test
    void aForbiddenModelHoldsOnlyThatModel() {
        sim.faults().add(Fault.on(Route.SUBMIT).model("wan2.7-i2v").status(403));
        assertThat(generate("segmind:wan2.7-i2v").getException()).isInstanceOf(SegmindAuthenticationException.class);
        Exchange again = generate("segmind:wan2.7-i2v");
        assertThat(again.getException()).isInstanceOf(SegmindAuthenticationException.class)
                .hasMessageContaining("for model wan2.7-i2v");
        assertThat(sim.journal().count(Route.SUBMIT, "wan2.7-i2v")).isEqualTo(1);

        assertThat(generate("segmind:wan2.7-image-pro").getException()).isNull();
    }

    @Test
    void messagesWaitingForTheirTurnAreHandedBackWhenTheKeyIsRefused() throws Exception {
        // one call a minute: the second message waits for the permit while the first one's refusal is on its way;
        // the refusal is held back long enough that a slow CI machine cannot deliver it before the second is sent
        SegmindComponent limited = new SegmindComponent();
        configure(limited.getConfiguration());
        limited.setMaxRequestsPerMinute(1);
        context.addComponent("segmindLimited", limited);
        sim.setCredits(KEY, 0);
        sim.faults().add(Fault.on(Route.SUBMIT).delay(Duration.ofSeconds(2)));
        CompletableFuture<Exchange> first = template.asyncSend("segmindLimited:wan2.7-image-pro",
                e -> e.getMessage().setBody("one"));
        await().atMost(Duration.ofSeconds(5)).until(() -> limited.getEngine().limiter().currentDelayMillis() > 0);
        CompletableFuture<Exchange> waiting = template.asyncSend("segmindLimited:wan2.7-image-pro",
                e -> e.getMessage().setBody("two"));
        assertThat(waiting).as("waiting for the permit").isNotDone();

        assertThat(first.get(15, TimeUnit.SECONDS).getException())
                .isInstanceOf(SegmindInsufficientCreditsException.class);
        Exchange handedBack = waiting.get(15, TimeUnit.SECONDS);
        assertThat(handedBack.getException()).isInstanceOf(SegmindInsufficientCreditsException.class)
                .hasMessageContaining("until");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void zeroTurnsTheCoolDownOff() {
        component().setKeyCoolDown(0);
        generate(WRONG);
        generate(WRONG);
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
    }

    private HealthCheck.Result check(String id) {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context, c -> Map.of(),
                c -> !c.getId().equals(id), "full").stream().findFirst();
        assertThat(result).as("health check %s", id).isPresent();
        return result.get();
    }
}
