package dev.camelsegmind.component;

import java.time.Duration;

import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindErrorsTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:credits")
                        .onException(SegmindInsufficientCreditsException.class).handled(true)
                            .setBody(simple("top up: ${exception.detail}")).end()
                        .to("segmind:wan2.7-image-pro");
            }
        };
    }

    /** A refused key or an empty account starts a cool-down, which warns once: asserted, not printed. */
    private LogCapture coolDownWarnings;

    @org.junit.jupiter.api.BeforeEach
    void captureCoolDownWarnings() {
        coolDownWarnings = LogCapture.of(org.apache.logging.log4j.Level.WARN,
                "dev.camelsegmind.component.SegmindComponent");
    }

    @org.junit.jupiter.api.AfterEach
    void releaseCoolDownWarnings() {
        coolDownWarnings.close();
    }

    private Exchange generate(String uri, String prompt) {
        return template.request(uri, e -> e.getMessage().setBody(prompt));
    }

    @Test
    void rejectedKeyFailsWithAuthenticationException() {
        Exchange out = generate("segmind:wan2.7-image-pro?apiKey=SG_ffffffffffffffff", "x");
        assertThat(out.getException()).isInstanceOf(SegmindAuthenticationException.class)
                .hasMessageContaining("401").hasMessageNotContaining("SG_ffffffffffffffff");
        assertThat(((SegmindException) out.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(coolDownWarnings.text()).contains("rejected the API key (HTTP 401)")
                .doesNotContain("SG_ffffffffffffffff");
    }

    @Test
    void onExceptionForInsufficientCreditsWorksInARoute() {
        sim.setCredits(0);
        Exchange out = generate("direct:credits", "x");
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).startsWith("top up: ").containsIgnoringCase("credit");
    }

    @Test
    void insufficientCreditsIsTypedAndCarriesTheDetail() {
        sim.setCredits(0);
        Exchange out = generate("segmind:wan2.7-image-pro", "x");
        assertThat(out.getException()).isInstanceOf(SegmindInsufficientCreditsException.class);
        SegmindException e = (SegmindException) out.getException();
        assertThat(e.getHttpStatus()).isEqualTo(406);
        assertThat(e.getDetail()).containsIgnoringCase("credit");
    }

    @Test
    void rateLimitIsTypedWithTheResetTimeWhenRetriesRunOut() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(429));
        Exchange out = generate("segmind:wan2.7-image-pro?maxRetries=1", "x");
        assertThat(out.getException()).isInstanceOf(SegmindRateLimitException.class);
        assertThat(((SegmindRateLimitException) out.getException()).getResetAt()).isNotNull();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(2);
    }

    @Test
    void badRequestFromTheServerIsTyped() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(400).body("{\"error\":\"guidance_scale must be a number\"}"));
        Exchange out = generate("segmind:some-other-model?parameters.guidance_scale=high", "x");
        assertThat(out.getException()).isInstanceOf(SegmindBadRequestException.class)
                .hasMessageContaining("guidance_scale must be a number");
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void unknownAndRetiredModelsAreTyped() {
        sim.model("gone-model").notFound();
        sim.model("old-model").retired();
        Exchange missing = generate("segmind:gone-model", "x");
        Exchange retired = generate("segmind:old-model", "x");
        assertThat(missing.getException()).isInstanceOf(SegmindModelNotFoundException.class);
        assertThat(((SegmindException) missing.getException()).getHttpStatus()).isEqualTo(404);
        assertThat(retired.getException()).isInstanceOf(SegmindModelNotFoundException.class)
                .hasMessageContaining("retired");
    }

    @Test
    void failedJobCarriesTheServersDetailAndRequestId() {
        Exchange out = generate("segmind:wan2.7-image-pro", "a cat [sim:block]");
        assertThat(out.getException()).isInstanceOf(SegmindJobFailedException.class);
        SegmindJobFailedException e = (SegmindJobFailedException) out.getException();
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(e.getDetail()).containsIgnoringCase("blocked");
        assertThat(sim.journal().count(Route.RESULT)).as("a FAILED job's result is never fetched").isZero();
    }

    @Test
    void serverErrorOnSubmitIsUncertainAndNeverRepeated() {
        sim.faults().add(Fault.on(Route.SUBMIT).status(502));
        Exchange out = generate("segmind:wan2.7-image-pro?maxRetries=2", "x");
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("502").hasMessageContaining("retryUncertainSubmit");
        assertThat(((SegmindSubmitUncertainException) out.getException()).getHttpStatus()).isEqualTo(502);
        assertThat(sim.journal().count(Route.SUBMIT)).as("a gateway error does not prove refusal").isEqualTo(1);
    }

    @Test
    void serverErrorOnAStatusReadIsRetried() {
        sim.faults().add(Fault.on(Route.STATUS).status(502).times(2));
        Exchange out = generate("segmind:wan2.7-image-pro?maxRetries=3", "x");
        assertThat(out.getException()).isNull();
        assertThat(sim.faults().injected(Route.STATUS)).isEqualTo(2);
    }

    @Test
    void deadlineFailsWithTimeoutCarryingTheRequestId() {
        sim.model("slow-model").renderTime(Duration.ofHours(1));
        Exchange out = generate("segmind:slow-model?timeout=300", "x");
        assertThat(out.getException()).isInstanceOf(SegmindTimeoutException.class)
                .hasMessageContaining("operation=await");
        SegmindTimeoutException e = (SegmindTimeoutException) out.getException();
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(sim.job(e.getRequestId())).isPresent();
    }
}
