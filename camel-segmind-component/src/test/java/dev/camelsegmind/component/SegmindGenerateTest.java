package dev.camelsegmind.component;

import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.OutputShape;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SegmindGenerateTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("segmind:wan2.7-image-pro");
                from("direct:byHeader").to("segmind:wan2.7-image-pro");
                from("direct:urls").to("segmind:wan2.7-image-pro?outputType=url");
                from("direct:json").to("segmind:wan2.7-image-pro?outputType=json");
                from("direct:set").to("segmind:any-image-set-model").split(body()).to("mock:each");
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = { "wan2.7-image-pro", "wan2.7-i2v", "wan2.7-r2v", "wan2.1-i2v-720p" })
    void documentedExamplePayloadGeneratesRealMedia(String model) {
        Map<String, Object> example = ModelCatalog.find(model).orElseThrow().example();
        Exchange out = template.request("segmind:" + model, e -> e.getMessage().setBody(example));

        assertThat(out.getException()).isNull();
        byte[] media = bodyBytes(out);
        String requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        boolean video = !model.equals("wan2.7-image-pro");
        if (video) {
            assertMp4(media);
            assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(requestId + ".mp4");
            assertThat(out.getMessage().getHeader(SegmindConstants.CONTENT_TYPE)).isEqualTo("video/mp4");
        } else {
            assertPng(media);
            assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(requestId + ".png");
            assertThat(out.getMessage().getHeader(SegmindConstants.CONTENT_TYPE)).isEqualTo("image/png");
        }
        assertThat(out.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("COMPLETED");
        assertThat(out.getMessage().getHeader(SegmindConstants.JOB_MODEL)).isEqualTo(model);
        assertThat(out.getMessage().getHeader(SegmindConstants.OUTPUT_URL, String.class)).startsWith(sim.baseUrl());
        assertThat(out.getMessage().getHeader(SegmindConstants.INFERENCE_TIME, Double.class)).isNotNull();
        assertThat(out.getMessage().getHeader(SegmindConstants.COST, Double.class)).isPositive();
        assertThat(out.getMessage().getHeader(SegmindConstants.REMAINING_CREDITS, Double.class)).isPositive();
        assertThat(out.getMessage().getHeader(SegmindConstants.METRICS, Map.class)).containsKey("inference_time");

        // the simulator saw exactly the documented payload, sent once
        JobView job = sim.job(requestId).orElseThrow();
        assertThat(job.payload()).isEqualTo(example);
        assertThat(sim.journal().count(Route.SUBMIT, model)).isEqualTo(1);
    }

    @Test
    void textBodyIsThePromptAndMediaConvertsToEveryType() throws Exception {
        Exchange out = template.request("direct:image", e -> e.getMessage().setBody("a lighthouse at dawn"));
        SegmindMedia media = out.getMessage().getBody(SegmindMedia.class);
        assertPng(out.getMessage().getBody(byte[].class));
        assertPng(out.getMessage().getBody(java.io.InputStream.class).readAllBytes());
        assertPng(java.nio.file.Files.readAllBytes(out.getMessage().getBody(java.io.File.class).toPath()));
        assertPng(java.nio.file.Files.readAllBytes(out.getMessage().getBody(java.nio.file.Path.class)));
        assertThat(media.getSize()).isEqualTo(out.getMessage().getBody(byte[].class).length);
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("prompt", "a lighthouse at dawn");
    }

    @Test
    void outputTypeUrlSkipsTheDownload() {
        Exchange out = template.request("direct:urls", e -> e.getMessage().setBody("a red fox"));
        assertThat(out.getMessage().getBody(String.class)).startsWith(sim.baseUrl() + "/media/");
        assertThat(sim.journal().count(Route.MEDIA)).isZero();
    }

    @Test
    void outputTypeJsonGivesTheWholeResult() {
        Exchange out = template.request("direct:json", e -> e.getMessage().setBody("a red fox"));
        Map<?, ?> result = out.getMessage().getBody(Map.class);
        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(result.get("output")).isInstanceOf(String.class);
        assertThat(sim.journal().count(Route.MEDIA)).isZero();
    }

    @Test
    void anImageSetSplitsIntoOneMediaEach() throws Exception {
        sim.model("any-image-set-model").outputs(3).outputShape(OutputShape.URL_LIST);
        getMockEndpoint("mock:each").expectedMessageCount(3);
        Exchange out = template.request("direct:set", e -> e.getMessage().setBody("three cats"));
        assertThat(out.getException()).isNull();
        getMockEndpoint("mock:each").assertIsSatisfied();
        List<String> names = getMockEndpoint("mock:each").getExchanges().stream()
                .map(e -> e.getMessage().getBody(SegmindMedia.class).getFileName()).toList();
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(names).containsExactly(id + "-1.png", id + "-2.png", id + "-3.png");
        for (Exchange e : getMockEndpoint("mock:each").getExchanges()) {
            assertPng(e.getMessage().getBody(byte[].class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "URL_STRING", "URL_LIST", "OBJECT", "IMAGES_FIELD", "VIDEO_FIELD", "JSON_STRING" })
    void everyResultShapeYieldsTheMedia(String shape) {
        sim.model("shape-model").outputShape(OutputShape.valueOf(shape));
        Exchange out = template.request("segmind:shape-model", e -> e.getMessage().setBody("shapes"));
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
    }

    @Test
    void headerOverridesTheModelOfTheEndpoint() {
        Exchange out = template.request("direct:byHeader", e -> {
            e.getMessage().setHeader(SegmindConstants.MODEL, "wan2.7-i2v");
            e.getMessage().setBody("waves");
        });
        assertMp4(bodyBytes(out));
        assertThat(sim.journal().count(Route.SUBMIT, "wan2.7-i2v")).isEqualTo(1);
    }
}
