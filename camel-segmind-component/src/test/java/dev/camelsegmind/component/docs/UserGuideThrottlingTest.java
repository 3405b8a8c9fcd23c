package dev.camelsegmind.component.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindTestSupport;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The throttling recipe of docs/user-guide.md: a plan of 5 requests a minute and at most two jobs at a time. The
 * component's window is a real minute, so the test watches the first seconds: five calls go out, the sixth waits.
 */
class UserGuideThrottlingTest extends SegmindTestSupport {

    @Override
    protected void configureComponent(SegmindComponent segmind) {
        // tag::throttle[]
        segmind.setMaxRequestsPerMinute(5);    // the plan's limit; status reads and result reads count too
        segmind.setMaxConcurrentJobs(2);       // at most two jobs between submit and delivery
        // end::throttle[]
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // url: no download, so a job costs a submit, a status read or two and a result read
                from("direct:link").to("segmind:wan2.7-image-pro?outputType=url&pollInterval=100");
            }
        };
    }

    @Test
    void aBacklogWaitsForThePlanInsteadOfHittingTheRateLimit() {
        // the jobs left waiting would keep shutdown busy for their whole minute
        context.getShutdownStrategy().setTimeout(1);
        List<CompletableFuture<Object>> sent = IntStream.range(0, 4)
                .mapToObj(i -> template.asyncRequestBody("direct:link", "fox number " + i)).toList();

        // the first job fits in five calls and is delivered
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().anyMatch(CompletableFuture::isDone));
        // then nothing more goes out before the minute is over
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> keyedCalls() == 5);
        assertThat(sim.journal().entries()).noneMatch(e -> e.httpStatus() == 429);
        // and never more than two jobs were accepted before the first was delivered
        assertThat(sim.journal().count(Route.SUBMIT)).isLessThanOrEqualTo(2);
        assertThat(sim.jobs()).extracting(JobView::model).containsOnly("wan2.7-image-pro");
    }

    private long keyedCalls() {
        return sim.journal().entries().stream().filter(e -> e.route() != null && e.route().keyed()).count();
    }
}
