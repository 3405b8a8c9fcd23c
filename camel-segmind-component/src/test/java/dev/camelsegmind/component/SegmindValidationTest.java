package dev.camelsegmind.component;

import java.util.Map;

import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindValidationTest extends SegmindTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "segmind:wan2.7-i2v?resolution=4K|resolution",
            "segmind:wan2.7-i2v?duration=16|duration",
            "segmind:wan2.7-i2v?duration=1|duration",
            "segmind:wan2.7-r2v?resolution=480P|resolution",
            "segmind:wan2.7-image-pro?size=8K|size",
            "segmind:wan2.7-image-pro?seed=2147483648|seed",
            "segmind:wan2.1-i2v-720p?image=https://example.com/a.png&videoLength=6|videoLength",
            "segmind:wan2.1-i2v-720p?image=https://example.com/a.png&steps=9|steps",
            "segmind:wan2.1-i2v-720p?image=https://example.com/a.png&resolution=1080|resolution",
    })
    void invalidOptionStopsTheEndpointBeforeAnyCallNamingTheOption(String uri, String option) {
        // fixed in the URI, so no message could use it: refused when the endpoint starts (SegmindStartupValidationTest)
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> template.request(uri, e -> e.getMessage().setBody("a prompt")));
        assertThat(thrown).hasRootCauseInstanceOf(SegmindValidationException.class);
        SegmindValidationException why = (SegmindValidationException) org.assertj.core.util.Throwables
                .getRootCause(thrown);
        assertThat(why).hasMessageContaining(option);
        assertThat(why.getOption()).isEqualTo(option);
        assertThat(sim.journal().size()).as("no HTTP call for invalid input").isZero();
    }

    @Test
    void aMissingRequiredParameterFailsPerMessageBeforeAnyCall() {
        // a message may bring the image in its body, so the endpoint starts without one
        Exchange out = template.request("segmind:wan2.1-i2v-720p", e -> e.getMessage().setBody("a prompt"));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class).hasMessageContaining("image");
        assertThat(((SegmindValidationException) out.getException()).getOption()).isEqualTo("image");
        assertThat(sim.journal().size()).as("no HTTP call for invalid input").isZero();
    }

    @Test
    void messageNamesValueAllowedValuesAndHeader() {
        Exchange out = template.request("segmind:wan2.7-i2v", e -> {
            e.getMessage().setHeader(SegmindConstants.RESOLUTION, "4K");
            e.getMessage().setBody("x");
        });
        assertThat(out.getException().getMessage()).contains("4K", "720P", "1080P", "CamelSegmindResolution");
    }

    @Test
    void missingPromptFailsBeforeAnyCall() {
        Exchange out = template.request("segmind:wan2.7-i2v", e -> e.getMessage().setBody(Map.of("duration", 5)));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class).hasMessageContaining("prompt");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void headerValueIsValidatedToo() {
        Exchange out = template.request("segmind:wan2.7-i2v", e -> {
            e.getMessage().setHeader(SegmindConstants.DURATION, 40);
            e.getMessage().setBody("x");
        });
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("duration");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void otherModelsPassThroughUnvalidated() {
        sim.model("flux-anything"); // known to the simulator, with no parameter rules of its own
        Exchange out = template.request("segmind:flux-anything?parameters.size=8K&parameters.steps=999",
                e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isNull();
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("size", "8K").containsEntry("steps", "999");
    }

    @Test
    void invalidModelSlugFailsBeforeAnyCall() {
        Exchange out = template.request("segmind:wan2.7-i2v", e -> {
            e.getMessage().setHeader(SegmindConstants.MODEL, "../v1/get-user-credits");
            e.getMessage().setBody("x");
        });
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("model");
        assertThat(sim.journal().size()).isZero();
    }
}
