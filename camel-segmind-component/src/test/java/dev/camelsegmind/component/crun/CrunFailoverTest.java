package dev.camelsegmind.component.crun;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import dev.camelsegmind.component.LogCaptureAccess;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindInsufficientCreditsException;
import dev.camelsegmind.component.error.SegmindRateLimitException;
import dev.camelsegmind.component.error.SegmindServerException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.Route;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover route of docs/providers.md, both ways: a provider-level failure sends the job to the other provider,
 * and a job the first provider may have accepted is never sent to the second. The simulator's jobs (Segmind's and
 * crun's tasks alike, each one billed) prove exactly one accepted submit per message.
 */
class CrunFailoverTest extends CrunTestSupport {

    private static int closedPort;

    // tag::exceptions[]
    /**
     * Provider-level failures: out of service (5xx, crun's 455), out of credits, unreachable, rate limited. A job the
     * provider may already have accepted still never reaches the other: the shared job key makes the engine refuse it.
     */
    static final Class<?>[] PROVIDER_DOWN = { SegmindServerException.class, SegmindInsufficientCreditsException.class,
            SegmindConnectionException.class, SegmindRateLimitException.class };

    /** The same, plus the circuit breaker's refusal while it is open. */
    static final Class<?>[] PROVIDER_DOWN_OR_OPEN = { SegmindServerException.class,
            SegmindInsufficientCreditsException.class, SegmindConnectionException.class,
            SegmindRateLimitException.class, CallNotPermittedException.class };
    // end::exceptions[]

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                // tag::failover[]
                from("direct:segmindFirst")
                        // one job key for both providers: the pending-job claim then refuses the second provider a
                        // message the first one has a job for
                        .setHeader(SegmindConstants.JOB_KEY, simple("${exchangeId}"))
                        .loadBalance().failover(1, false, false, PROVIDER_DOWN)
                            .to("segmind:wan2.7-image-pro?size=2K")
                            .to("segmind:wan2.7-image-pro?provider=crun&resolution=2K")
                        .end();

                from("direct:crunFirst")
                        .setHeader(SegmindConstants.JOB_KEY, simple("${exchangeId}"))
                        .loadBalance().failover(1, false, false, PROVIDER_DOWN)
                            .to("segmind:wan2.7-image-pro?provider=crun&resolution=2K")
                            .to("segmind:wan2.7-image-pro?size=2K")
                        .end();
                // end::failover[]

                // tag::breaker[]
                // Segmind behind a circuit breaker: once it keeps failing, messages go to crun without trying it
                from("direct:guarded")
                        .setHeader(SegmindConstants.JOB_KEY, simple("${exchangeId}"))
                        .loadBalance().failover(1, false, false, PROVIDER_DOWN_OR_OPEN)
                            .to("direct:segmindBehindBreaker")
                            .to("segmind:wan2.7-image-pro?provider=crun&resolution=2K")
                        .end();
                from("direct:segmindBehindBreaker")
                        .circuitBreaker()
                            .resilience4jConfiguration().minimumNumberOfCalls(2).slidingWindowSize(2)
                                .failureRateThreshold(50).waitDurationInOpenState(60)
                                .throwExceptionWhenHalfOpenOrOpenState(true).end()
                            .to("segmind:wan2.7-image-pro?size=2K")
                        .end();
                // end::breaker[]

                from("direct:segmindDown")
                        .setHeader(SegmindConstants.JOB_KEY, simple("${exchangeId}"))
                        .loadBalance().failover(1, false, false, PROVIDER_DOWN)
                            .to("segmind:wan2.7-image-pro?baseUrl=http://127.0.0.1:" + closedPort)
                            .to("segmind:wan2.7-image-pro?provider=crun")
                        .end();
            }
        };
    }

    private Exchange send(String route, String prompt) {
        // Camel logs every failed attempt inside the load balancer; the tests assert them on the exchange instead
        try (var quiet = LogCaptureAccess.of(Level.ERROR, "org.apache.camel.processor.errorhandler")) {
            return template.request(route, e -> e.getMessage().setBody(prompt));
        }
    }

    private static Set<String> billedJobs() {
        Set<String> ids = new HashSet<>();
        for (JobView job : sim.jobs()) {
            ids.add(job.requestId());
        }
        return ids;
    }

    @Test
    void segmindOutOfCreditsFailsOverToCrunOncePerMessage() {
        sim.setCredits(KEY, 0);
        Set<String> delivered = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Exchange out = send("direct:segmindFirst", "a lighthouse, take " + i);
            assertThat(out.getException()).isNull();
            assertPng(bodyBytes(out));
            delivered.add(out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class));
        }
        // Segmind refused the first; its key then cools down, so the others go to crun without a call to Segmind
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(acceptedSubmits()).isZero();
        assertThat(acceptedCreates()).isEqualTo(3);
        assertThat(billedJobs()).isEqualTo(delivered);
    }

    @Test
    void anUnreachableSegmindFailsOverToCrun() {
        Exchange out = send("direct:segmindDown", "a lighthouse");
        assertThat(out.getException()).isNull();
        assertThat(acceptedCreates()).isEqualTo(1);
        assertThat(billedJobs()).containsExactly(out.getMessage().getHeader(SegmindConstants.REQUEST_ID,
                String.class));
    }

    @Test
    void anUncertainSegmindSubmitIsReportedNotFailedOver() {
        // Segmind accepts and bills, then its gateway answers 502: the job may exist
        sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(502).times(1));
        Exchange out = send("direct:segmindFirst", "a lighthouse");

        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class);
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isZero();
        assertThat(billedJobs()).hasSize(1);
    }

    @Test
    void aSegmindJobThatFailsAfterAcceptanceIsNeverSubmittedToCrun() {
        sim.faults().add(Fault.on(Route.STATUS).status(500));
        Exchange out = send("direct:segmindFirst", "a lighthouse");

        // the status reads failed with a server error, which fails over; the pending-job claim refuses crun
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("already has a job at provider 'segmind'");
        assertThat(sim.journal().count(Route.CRUN_CREATE)).isZero();
        assertThat(acceptedSubmits()).isEqualTo(1);
        assertThat(billedJobs()).hasSize(1);
    }

    @Test
    void anOpenCircuitSendsJobsToCrunWithoutTryingSegmind() {
        sim.setCredits(KEY, 0);
        for (int i = 0; i < 2; i++) {
            assertThat(send("direct:guarded", "a lighthouse, take " + i).getException()).isNull();
        }
        // the second failure needed no call: Segmind's key was cooling down
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);

        // Segmind has credits again and its key's cool-down is lifted, but the breaker stays open for a minute:
        // crun takes the job
        sim.setCredits(KEY, 100);
        context.getComponent("segmind", dev.camelsegmind.component.SegmindComponent.class).coolDowns().clear();
        Exchange out = send("direct:guarded", "a lighthouse, take 3");
        assertThat(out.getException()).isNull();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        assertThat(acceptedSubmits()).isZero();
        assertThat(acceptedCreates()).isEqualTo(3);
        assertThat(billedJobs()).hasSize(3);
    }

    @Test
    void crunUnderMaintenanceFailsOverToSegmind() {
        sim.crun().maintenance(true);
        Exchange out = send("direct:crunFirst", "a lighthouse");

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(acceptedCreates()).isZero();
        assertThat(acceptedSubmits()).isEqualTo(1);
        assertThat(billedJobs()).containsExactly(out.getMessage().getHeader(SegmindConstants.REQUEST_ID,
                String.class));
    }

    @Test
    void crunOutOfCreditsFailsOverToSegmind() {
        sim.setCredits(CRUN_KEY, 0);
        Exchange out = send("direct:crunFirst", "a lighthouse");

        assertThat(out.getException()).isNull();
        assertThat(acceptedCreates()).isZero();
        assertThat(acceptedSubmits()).isEqualTo(1);
        assertThat(billedJobs()).hasSize(1);
    }

    @Test
    void anUncertainCreateTaskIsReportedNotFailedOver() {
        // crun creates the task, then the connection drops before its answer
        sim.faults().add(Fault.on(Route.CRUN_CREATE).dropAfterAccept().times(1));
        Exchange out = send("direct:crunFirst", "a lighthouse");

        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class);
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
        assertThat(billedJobs()).hasSize(1);
    }

    @Test
    void aCrunTaskThatFailsAfterAcceptanceIsNeverSubmittedToSegmind() {
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).status(500));
        Exchange out = send("direct:crunFirst", "a lighthouse");

        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("already has a job at provider 'crun'");
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
        assertThat(acceptedCreates()).isEqualTo(1);
        assertThat(billedJobs()).hasSize(1);
    }
}
