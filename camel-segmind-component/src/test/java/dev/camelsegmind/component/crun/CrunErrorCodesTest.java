package dev.camelsegmind.component.crun;

import java.util.stream.Stream;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindAuthenticationException;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.simulator.CrunErrorStyle;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each of crun's codes, in the body of an HTTP 200 and as the HTTP status, becomes the typed exception a route
 * already catches for Segmind, and is repeated only where crun cannot have created (and billed) the task.
 */
class CrunErrorCodesTest extends CrunTestSupport {

    private static final String CRUN = "segmind:wan2.7-image-pro?provider=crun&prompt=a+lighthouse";
    /** maxRetries' default: a code that is retried is sent this many times before the route sees it. */
    private static final int ATTEMPTS = 6;

    static Stream<Arguments> createCodes() {
        return Stream.of(false, true).flatMap(inBody -> Stream.of(
                arguments(401, inBody, SegmindAuthenticationException.class, 1, "crunApiKey"),
                arguments(402, inBody, SegmindInsufficientCreditsException.class, 1, "credits"),
                arguments(404, inBody, SegmindModelNotFoundException.class, 1, "does not know model"),
                arguments(422, inBody, SegmindBadRequestException.class, 1, "rejected the input"),
                arguments(429, inBody, SegmindRateLimitException.class, ATTEMPTS, "rate limit"),
                arguments(455, inBody, SegmindServerException.class, ATTEMPTS, "maintenance"),
                arguments(500, inBody, SegmindSubmitUncertainException.class, 1, "may have been created and billed"),
                arguments(501, inBody, SegmindJobFailedException.class, 1, "could not generate"),
                arguments(505, inBody, SegmindBadRequestException.class, 1, "turned off a feature")));
    }

    @ParameterizedTest(name = "CreateTask code {0}, in the body only: {1}")
    @MethodSource("createCodes")
    void createTaskCodes(int code, boolean inBody, Class<? extends SegmindException> type, int calls, String words) {
        Fault fault = Fault.on(Route.CRUN_CREATE);
        sim.faults().add(inBody ? fault.status(200).body("{\"code\": " + code + ", \"message\": \"simulated\","
                + " \"data\": null}") : fault.status(code));

        Exchange out = template.request(CRUN, e -> { });

        assertThat(out.getException()).isInstanceOf(type).hasMessageContaining(words);
        assertThat(((SegmindException) out.getException()).getHttpStatus()).isEqualTo(code);
        assertThat(sim.journal().count(Route.CRUN_CREATE)).as("CreateTask calls").isEqualTo(calls);
        assertThat(taskInfoReads()).isZero();
    }

    @Test
    void aRateLimitThatPassesIsRetriedAndTheJobRuns() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(429).times(2));
        Exchange out = template.request(CRUN, e -> { });
        assertThat(out.getException()).isNull();
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isEqualTo(3);
        assertThat(acceptedCreates()).isEqualTo(1);
    }

    @Test
    void maintenanceThatEndsIsRetriedAndTheJobRuns() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(200).body("{\"code\": 455, \"message\": \"maintenance\","
                + " \"data\": null}").times(2));
        Exchange out = template.request(CRUN, e -> { });
        assertThat(out.getException()).isNull();
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isEqualTo(3);
        assertThat(acceptedCreates()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void maintenanceThatLastsEndsAsAServerError(CrunErrorStyle style) {
        sim.crun().errorStyle(style).maintenance(true);
        Exchange out = template.request(CRUN, e -> { });
        assertThat(out.getException()).isInstanceOf(SegmindServerException.class)
                .hasMessageContaining("maintenance");
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isEqualTo(ATTEMPTS);
        assertThat(acceptedCreates()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void anAccountWithoutCreditsIsRefusedAndItsKeyCoolsDown(CrunErrorStyle style) {
        sim.crun().errorStyle(style);
        sim.setCredits(CRUN_KEY, 0);
        assertThat(template.request(CRUN, e -> { }).getException())
                .isInstanceOf(SegmindInsufficientCreditsException.class);
        // the next message is refused at once: crun's key cools down like Segmind's (component option keyCoolDown)
        assertThat(template.request(CRUN, e -> { }).getException())
                .isInstanceOf(SegmindInsufficientCreditsException.class);
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isEqualTo(1);
        assertThat(acceptedCreates()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void aDisabledFeatureIsRefused(CrunErrorStyle style) {
        sim.crun().errorStyle(style).disableFeatures("thinking_mode");
        assertThat(template.request(CRUN + "&thinkingMode=true", e -> { }).getException())
                .isInstanceOf(SegmindBadRequestException.class).hasMessageContaining("thinking_mode");
        assertThat(acceptedCreates()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void anUnknownKeyIsRefusedWithoutShowingIt(CrunErrorStyle style) {
        sim.crun().errorStyle(style);
        assertThat(template.request(CRUN + "&crunApiKey=SG_notakey00000000", e -> { }).getException())
                .isInstanceOf(SegmindAuthenticationException.class).hasMessageContaining("crunApiKey")
                .hasMessageNotContaining("SG_notakey");
        assertThat(acceptedCreates()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void aFailedTaskIsAJobFailureWithCrunsWords(CrunErrorStyle style) {
        sim.crun().errorStyle(style);
        Exchange out = template.request(CRUN.replace("a+lighthouse", "a+lighthouse+[sim:fail]"), e -> { });

        assertThat(out.getException()).isInstanceOf(SegmindJobFailedException.class)
                .hasMessageContaining("code 501");
        SegmindJobFailedException failed = (SegmindJobFailedException) out.getException();
        assertThat(failed.getHttpStatus()).isEqualTo(501);
        assertThat(failed.getRequestId()).isNotNull();
        assertThat(sim.journal().count(Route.MEDIA)).isZero();
    }

    @Test
    void taskInfoErrorsAreRetriedBecauseReadingIsSafe() {
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).status(500).times(1));
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).status(200).body("{\"code\": 455, \"message\": \"maintenance\","
                + " \"data\": null}").times(1));
        Exchange out = template.request(CRUN, e -> { });
        assertThat(out.getException()).isNull();
        assertThat(acceptedCreates()).isEqualTo(1);
        assertThat(taskInfoReads()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(CrunErrorStyle.class)
    void anUnknownTaskHasExpired(CrunErrorStyle style) {
        sim.crun().errorStyle(style);
        Exchange out = template.request(CRUN + "&operation=await",
                e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, "no-such-task"));
        assertThat(out.getException()).isInstanceOf(SegmindRequestExpiredException.class)
                .hasMessageContaining("no-such-task");
    }
}
