package dev.camelsegmind.component.docs;

import java.util.Arrays;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "test your own routes" recipe of docs/user-guide.md: a plain CamelTestSupport test of a user's route, with the
 * simulator started by its JUnit extension. Nothing here depends on this project's own test support.
 */
// tag::simulator-test[]
class SimulatorRecipeTest extends CamelTestSupport {

    @RegisterExtension    // one simulator for the class, reset after every test
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder()
            .timeFactor(0.001)    // a 33 s render takes 33 ms
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SegmindComponent component = context.getComponent("segmind", SegmindComponent.class);
        component.getConfiguration().setBaseUrl(segmind.baseUrl());
        component.getConfiguration().setApiKey(segmind.apiKey());
        component.getConfiguration().setPollInterval(10);    // poll as fast as the simulator renders
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:poster").to("segmind:wan2.7-image-pro?size=2K");
            }
        };
    }

    @Test
    void posterIsAPng() {
        byte[] png = template.requestBody("direct:poster", "A lighthouse at dawn", byte[].class);

        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(segmind.simulator().journal().count(Route.SUBMIT, "wan2.7-image-pro")).isEqualTo(1);
    }

    @Test
    void blockedPromptFailsTheExchange() {
        segmind.simulator().model("wan2.7-image-pro").failWith("Content blocked by the safety filter");

        Exchange out = template.request("direct:poster", e -> e.getMessage().setBody("something blocked"));

        assertThat(out.getException()).isInstanceOf(SegmindJobFailedException.class)
                .hasMessageContaining("Content blocked");
    }
}
// end::simulator-test[]
