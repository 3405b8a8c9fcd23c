package dev.camelsegmind.component.dsl;

import java.time.Duration;
import java.util.Map;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.SegmindEndpoint;
import dev.camelsegmind.component.SegmindOperation;
import dev.camelsegmind.component.SegmindTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

import static dev.camelsegmind.component.dsl.SegmindEndpointBuilderFactory.segmind;
import static org.assertj.core.api.Assertions.assertThat;

class SegmindEndpointBuilderFactoryTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:i2v").to(segmind("wan2.7-i2v").resolution("1080P").duration(5).parameters("extra", "dsl"));
                from("direct:image").to(segmind("wan2.7-image-pro").size("2K").advanced()
                        .requestTimeout(Duration.ofSeconds(30)).basic().prompt("a lighthouse at dawn"));
            }
        };
    }

    @Test
    void builderWritesTheSameUriAsText() {
        assertThat(segmind("wan2.7-i2v").resolution("1080P").duration(5).getRawUri())
                .isEqualTo("segmind:wan2.7-i2v?duration=5&resolution=1080P");
        assertThat(segmind("wan2.7-i2v").operation(SegmindOperation.submit).pollInterval(Duration.ofSeconds(2))
                .advanced().maxRetries(3).requestTimeout("30s").basic().parameters("guidance_scale", 7).getRawUri())
                .isEqualTo("segmind:wan2.7-i2v?maxRetries=3&operation=submit&parameters.guidance_scale=7"
                           + "&pollInterval=2000&requestTimeout=30s");
        assertThat(segmind("other", "wan2.7-image-pro").getRawUri()).isEqualTo("other:wan2.7-image-pro");
    }

    @Test
    void builderResolvesToTheEndpointOfTheTextUri() {
        Endpoint fromDsl = segmind("wan2.7-i2v").resolution("1080P").duration(5).resolve(context);
        Endpoint fromText = context.getEndpoint("segmind:wan2.7-i2v?resolution=1080P&duration=5");

        assertThat(fromDsl).isSameAs(fromText);
        assertThat(((SegmindEndpoint) fromDsl).getConfiguration().getResolution()).isEqualTo("1080P");
    }

    @Test
    void valuesAreEncodedAndObjectsPassByReference() {
        SSLContextParameters tls = new SSLContextParameters();
        SegmindEndpoint endpoint = segmind("wan2.7-image-pro").prompt("a fox & a hound").sslContextParameters(tls)
                .resolve(context, SegmindEndpoint.class);

        assertThat(endpoint.getConfiguration().getPrompt()).isEqualTo("a fox & a hound");
        assertThat(endpoint.getConfiguration().getSslContextParameters()).isSameAs(tls);
    }

    @Test
    void placeholdersResolveWhenTheEndpointIsCreated() {
        context.getPropertiesComponent().addOverrideProperty("segmind.resolution", "720P");
        SegmindEndpoint endpoint = segmind("wan2.7-i2v").resolution("{{segmind.resolution}}")
                .resolve(context, SegmindEndpoint.class);

        assertThat(endpoint.getConfiguration().getResolution()).isEqualTo("720P");
    }

    @Test
    void theKeyNeverShowsInToString() {
        String printed = segmind("wan2.7-image-pro").apiKey("SG_deadbeefcafe").toString();
        assertThat(printed).doesNotContain("deadbeefcafe").contains("apiKey=xxxxxx");
    }

    @Test
    void routeBuiltWithTheDslGeneratesAVideoWithItsOptions() {
        Exchange out = template.request("direct:i2v", e -> e.getMessage().setBody("waves"));

        assertThat(out.getException()).isNull();
        assertMp4(bodyBytes(out));
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        Map<String, Object> sent = sim.job(id).orElseThrow().payload();
        assertThat(sent).containsEntry("resolution", "1080P").containsEntry("duration", 5)
                .containsEntry("extra", "dsl").containsEntry("prompt", "waves");
    }

    @Test
    void routeWithAdvancedOptionsGeneratesAnImage() {
        Exchange out = template.request("direct:image", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("size", "2K")
                .containsEntry("prompt", "a lighthouse at dawn");
    }
}
