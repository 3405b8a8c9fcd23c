package dev.camelsegmind.component;

import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SyncResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindSyncTest extends SegmindTestSupport {

    @Test
    void syncReturnsRawMediaWithAccountingHeaders() {
        sim.model("fast-image-model"); // a model outside the seed catalogue must be registered with the simulator
        Exchange out = template.request("segmind:fast-image-model?operation=sync", e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(out.getMessage().getHeader(SegmindConstants.REMAINING_CREDITS, Double.class)).isNotNull();
        assertThat(out.getMessage().getHeader(SegmindConstants.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(sim.journal().count(Route.SYNC)).isEqualTo(1);
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
    }

    @Test
    void syncJsonWithBase64MediaIsDecoded() {
        sim.model("json-sync-model").syncResponse(SyncResponse.JSON);
        Exchange out = template.request("segmind:json-sync-model?operation=sync", e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
    }
}
