package dev.camelsegmind.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindProgressTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // tag::progress-route[]
                from("direct:video").to("segmind:wan2.7-i2v?progressUri=mock:progress");
                // end::progress-route[]
                from("direct:failing").to("segmind:failing-model?progressUri=mock:progress");
                from("direct:brokenReceiver").to("segmind:wan2.7-image-pro?progressUri=direct:broken");
                from("direct:broken").errorHandler(noErrorHandler())
                        .throwException(new IllegalStateException("progress receiver is down"));
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void progressEndpointGetsEveryStatusChangeInOrderWithTheRequestId() throws Exception {
        // 500 s queued, 500 s rendering: half a second each at the simulator's thousandfold speed, many reads
        sim.model("wan2.7-i2v").queueTime(Duration.ofSeconds(500)).renderTime(Duration.ofSeconds(500));
        MockEndpoint progress = getMockEndpoint("mock:progress");
        progress.expectedMessageCount(3);

        Exchange out = template.request("direct:video", e -> e.getMessage().setBody("waves at night"));

        assertThat(out.getException()).isNull();
        progress.assertIsSatisfied(5000);
        String requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        List<Exchange> received = progress.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(SegmindConstants.STATUS))
                .containsExactly("QUEUED", "PROCESSING", "COMPLETED");
        for (Exchange e : received) {
            assertThat(e.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(requestId);
            assertThat(e.getMessage().getHeader(SegmindConstants.JOB_MODEL)).isEqualTo("wan2.7-i2v");
            assertThat(e.getMessage().getHeader(Exchange.CORRELATION_ID)).isEqualTo(out.getExchangeId());
            Map<String, Object> body = e.getMessage().getBody(Map.class);
            assertThat(body.keySet()).containsExactly("requestId", "model", "status", "elapsedMillis", "polls");
            assertThat(body.get("requestId")).isEqualTo(requestId);
            assertThat(body.get("status")).isEqualTo(e.getMessage().getHeader(SegmindConstants.STATUS));
        }
        // time and status reads only grow; several reads saw the job queued or rendering
        assertThat(received).extracting(e -> (Long) e.getMessage().getBody(Map.class).get("elapsedMillis"))
                .isSorted();
        assertThat(received).extracting(e -> (Integer) e.getMessage().getBody(Map.class).get("polls"))
                .isSorted().last().isEqualTo((int) sim.journal().count(dev.camelsegmind.simulator.Route.STATUS))
                .matches(polls -> polls > 2);
    }

    @Test
    void aFailedJobEndsWithFailed() throws Exception {
        sim.model("failing-model").failWith("content blocked");
        MockEndpoint progress = getMockEndpoint("mock:progress");
        progress.expectedMessageCount(2);

        Exchange out = template.request("direct:failing", e -> e.getMessage().setBody("x"));

        assertThat(out.getException()).isNotNull();
        progress.assertIsSatisfied(5000);
        assertThat(progress.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(SegmindConstants.STATUS))
                .first().isEqualTo("QUEUED");
        assertThat(progress.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(SegmindConstants.STATUS))
                .last().isEqualTo("FAILED");
    }

    @Test
    void aFailingProgressReceiverNeverFailsTheJob() {
        Exchange out = template.request("direct:brokenReceiver", e -> e.getMessage().setBody("a red fox"));

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
    }
}
