package dev.camelsegmind.component;

import java.util.concurrent.atomic.AtomicInteger;

import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Mistakes in a route's own settings stop the route when it starts, before any step of it is paid for: a value no
 * seed model accepts, a slug one slip away from a seed model, a missing key. What a message can still put right is
 * left to the message.
 */
class SegmindStartupValidationTest extends SegmindTestSupport {

    private final AtomicInteger routes = new AtomicInteger();

    /** Adds a route to the running context; returns why it did not start, or null. */
    private Throwable startRoute(String uri) {
        String id = "route-" + routes.incrementAndGet();
        return catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a message's failure reaches the caller, where it is asserted: not logged
                errorHandler(noErrorHandler());
                from("direct:" + id).routeId(id).to(uri);
            }
        }));
    }

    private static SegmindValidationException validationCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SegmindValidationException v) {
                return v;
            }
        }
        throw new AssertionError("no SegmindValidationException in " + thrown, thrown);
    }

    @Test
    void aRouteWithADurationNoSeedModelTakesDoesNotStartAndSaysWhatAMessageWouldBeTold() {
        Throwable thrown = startRoute("segmind:wan2.7-i2v?resolution=1080P&duration=30");

        SegmindValidationException why = validationCause(thrown);
        assertThat(why.getOption()).isEqualTo("duration");
        Exchange perMessage = template.request("segmind:wan2.7-i2v?resolution=1080P", e -> {
            e.getMessage().setHeader(SegmindConstants.DURATION, 30);
            e.getMessage().setBody("waves");
        });
        assertThat(why.getMessage()).isEqualTo(perMessage.getException().getMessage())
                .isEqualTo("duration 30 is out of range for wan2.7-i2v: use 2 to 15 (option duration or header"
                        + " CamelSegmindDuration)");
        assertThat(context.getRoute("route-1")).isNull();
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void parametersOfTheUriAreCheckedToo() {
        SegmindValidationException why = validationCause(startRoute("segmind:wan2.7-image-pro?parameters.size=8K"));
        assertThat(why).hasMessageContaining("size '8K' is not valid for wan2.7-image-pro");
    }

    @Test
    void aValueAnotherSeedModelTakesIsLeftToTheMessages() {
        // 1080P is wrong for wan2.1-i2v-720p but right for the Wan 2.7 video models a message may pick by header
        assertThat(startRoute("segmind:wan2.1-i2v-720p?resolution=1080P")).isNull();

        Exchange picksWan27 = template.request("direct:route-1", e -> {
            e.getMessage().setHeader(SegmindConstants.MODEL, "wan2.7-i2v");
            e.getMessage().setBody("waves");
        });
        assertThat(picksWan27.getException()).isNull();
        Exchange keepsWan21 = template.request("direct:route-1", e -> e.getMessage().setBody(java.util.Map.of(
                "prompt", "waves", "image", "https://example.com/a.png")));
        assertThat(keepsWan21.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("resolution '1080P' is not a whole number for wan2.1-i2v-720p");
    }

    @Test
    void aMissingRequiredParameterIsLeftToTheMessages() {
        // the prompt comes with each message
        assertThat(startRoute("segmind:wan2.7-i2v?resolution=1080P&duration=5")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "wan-2.7-i2v", "WAN2.7-I2V", "wan27-i2v", "wan2.7-i2", "wan2.7-ii2v" })
    void aSlugOneSlipFromASeedModelDoesNotStart(String slug) {
        SegmindValidationException why = validationCause(startRoute("segmind:" + slug));
        assertThat(why.getOption()).isEqualTo("model");
        assertThat(why).hasMessageContaining("did you mean wan2.7-i2v?").hasMessageContaining("'" + slug + "'");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aSwappedPairOfLettersIsASlipToo() {
        assertThat(validationCause(startRoute("segmind:wan2.7-imgae-pro")))
                .hasMessageContaining("did you mean wan2.7-image-pro?");
    }

    @ParameterizedTest
    @ValueSource(strings = { "wan2.6-i2v", "wan2.7-t2v", "flux-schnell", "wan2.7-image" })
    void anotherModelStartsAndItsFirst404NamesTheClosestSeedModels(String slug) {
        // other versions and other letters are other models: Segmind hosts hundreds
        assertThat(startRoute("segmind:" + slug)).isNull();

        Exchange out = template.request("direct:route-1", e -> e.getMessage().setBody("waves"));
        assertThat(out.getException()).isInstanceOf(SegmindModelNotFoundException.class)
                .hasMessageContaining("404").hasMessageContaining("Closest models this component knows: ");
        assertThat(((SegmindModelNotFoundException) out.getException()).getHttpStatus()).isEqualTo(404);
        if (slug.startsWith("wan2.")) {
            assertThat(out.getException().getMessage()).contains("wan2.7-");
        }
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aRouteWithoutAKeyDoesNotStartAndNamesWhereTheKeyGoes() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        context.getComponent("segmind", SegmindComponent.class).getConfiguration().setApiKey(null);

        SegmindValidationException why = validationCause(startRoute("segmind:wan2.7-image-pro"));

        assertThat(why.getOption()).isEqualTo("apiKey");
        assertThat(why).hasMessageContaining("No Segmind API key for segmind:wan2.7-image-pro")
                .hasMessageContaining("option apiKey").hasMessageContaining("camel.component.segmind.api-key")
                .hasMessageContaining("SEGMIND_API_KEY");
        assertThat(sim.journal().size()).as("not even a credits call of the health check").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void anEmptyKeyDoesNotStart(String key) {
        context.getComponent("segmind", SegmindComponent.class).getConfiguration().setApiKey(key);
        assertThat(validationCause(startRoute("segmind:wan2.7-image-pro")))
                .hasMessageContaining("is empty").hasMessageContaining("camel.component.segmind.api-key")
                .hasMessageContaining("SEGMIND_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = { "${SEGMIND_API_KEY}", "{{env:SEGMIND_API_KEY}}", "{{segmind.key}}" })
    void anUnresolvedPlaceholderAsTheKeyDoesNotStart(String key) {
        context.getComponent("segmind", SegmindComponent.class).getConfiguration().setApiKey(key);
        assertThat(validationCause(startRoute("segmind:wan2.7-image-pro")))
                .hasMessageContaining("unresolved placeholder '" + key + "'")
                .hasMessageContaining("camel.component.segmind.api-key").hasMessageContaining("SEGMIND_API_KEY");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aKeyWithAPlaceholderInsideIsNotShown() {
        context.getComponent("segmind", SegmindComponent.class).getConfiguration().setApiKey("SG_12ab${REST}");
        assertThat(validationCause(startRoute("segmind:wan2.7-image-pro")))
                .hasMessageContaining("unresolved placeholder:").hasMessageNotContaining("12ab");
    }
}
