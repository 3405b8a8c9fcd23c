package dev.camelsegmind.component;

import java.util.Map;

import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindSubmitAwaitTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // two routes joined only by the request id, as across a queue or a restart
                from("direct:submit").to("segmind:wan2.7-i2v?operation=submit&resolution=720P&duration=5")
                        .to("seda:ids?waitForTaskToComplete=Never");
                from("seda:ids").to("segmind:wan2.7-i2v?operation=await").to("mock:videos");
                from("direct:status").to("segmind:wan2.7-i2v?operation=status");
                from("direct:await").to("segmind:wan2.7-i2v?operation=await");
            }
        };
    }

    @Test
    void submitReturnsAtOnceAndAwaitInAnotherRouteDeliversTheVideo() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody("a slow pan"));
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(id).isNotBlank();
        assertThat(submitted.getMessage().getBody()).isEqualTo(id);
        assertThat(submitted.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("QUEUED");
        assertThat(submitted.getMessage().getHeader(SegmindConstants.STATUS_URL, String.class)).contains(id);

        videos.assertIsSatisfied();
        Exchange delivered = videos.getReceivedExchanges().get(0);
        assertThat(delivered.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(id);
        assertMp4(delivered.getMessage().getBody(byte[].class));
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void awaitFollowsTheUrlsSubmitReturnedAndNeverSendsTheKeyElsewhere() throws Exception {
        Exchange submitted = template.request("segmind:wan2.7-i2v?operation=submit&prompt=x", e -> { });
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);

        Exchange followed = template.request("direct:await", e -> e.getMessage().setHeaders(
                submitted.getMessage().getHeaders()));
        assertThat(followed.getException()).isNull();
        assertMp4(followed.getMessage().getBody(byte[].class));

        // a status URL pointing at another origin is not followed: the key would travel with it
        Exchange foreign = template.request("direct:status", e -> {
            e.getMessage().setHeader(SegmindConstants.REQUEST_ID, id);
            e.getMessage().setHeader(SegmindConstants.STATUS_URL, "http://127.0.0.2:1/v2/requests/" + id + "/status");
            e.getMessage().setHeader(SegmindConstants.RESPONSE_URL, "http://127.0.0.2:1/v2/requests/" + id);
        });
        assertThat(foreign.getException()).isNull();
        assertThat(foreign.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("COMPLETED");
    }

    @Test
    void statusReadsOnceAndReportsTheState() {
        Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody("a slow pan"));
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        long before = sim.journal().count(Route.STATUS);
        Exchange status = template.request("direct:status",
                e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, id));
        assertThat(status.getException()).isNull();
        assertThat(status.getMessage().getHeader(SegmindConstants.STATUS, String.class))
                .isIn("QUEUED", "PROCESSING", "COMPLETED");
        assertThat(status.getMessage().getBody(Map.class)).containsEntry("request_id", id);
        assertThat(sim.journal().count(Route.STATUS) - before).isGreaterThanOrEqualTo(1);
    }

    @Test
    void awaitingAnUnknownRequestFailsWithRequestExpired() {
        Exchange out = template.request("direct:await",
                e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, "no-such-request"));
        assertThat(out.getException()).isInstanceOf(SegmindRequestExpiredException.class);
        assertThat(((SegmindRequestExpiredException) out.getException()).getRequestId()).isEqualTo("no-such-request");
    }

    @Test
    void awaitWithoutRequestIdFailsBeforeAnyCall() {
        Exchange out = template.request("direct:await", e -> e.getMessage().setBody(null));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("CamelSegmindRequestId");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aRequestIdThatCouldEscapeThePathIsRefused() {
        Exchange out = template.request("direct:status",
                e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, "../../v1/get-user-credits"));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class);
        assertThat(sim.journal().size()).isZero();
    }
}
