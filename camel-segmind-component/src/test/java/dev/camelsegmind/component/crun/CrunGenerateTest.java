package dev.camelsegmind.component.crun;

import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Wan 2.7 Image Pro's features through crun.ai, a route author's way: options in, pictures and headers out. */
class CrunGenerateTest extends CrunTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:thinking").to("segmind:wan2.7-image-pro?provider=crun&thinkingMode=true&resolution=4K"
                        + "&aspectRatio=16:9&seed=7&watermark=false&nsfwChecker=true");
                from("direct:set").to("segmind:wan2.7-image-pro?provider=crun&imageSet=true&imageCount=4"
                        + "&resolution=2K").split(body()).to("mock:part");
            }
        };
    }

    @Test
    void textToImageWithThinkingModeAt4K() {
        Exchange out = template.request("direct:thinking", e -> e.getMessage().setBody("a lighthouse at dawn"));

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        String taskId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(out.getMessage().getHeader(SegmindConstants.JOB_MODEL)).isEqualTo("wan2.7-image-pro");
        assertThat(out.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("COMPLETED");
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(taskId + ".png");
        assertThat(out.getMessage().getHeader(SegmindConstants.COST, Double.class)).isPositive();
        assertThat(out.getMessage().getHeader(SegmindConstants.INFERENCE_TIME, Double.class)).isPositive();

        JobView task = sim.job(taskId).orElseThrow();
        assertThat(task.payload()).containsEntry("prompt", "a lighthouse at dawn").containsEntry("thinking_mode", true)
                .containsEntry("resolution", "4K").containsEntry("aspect_ratio", "16:9").containsEntry("seed", 7)
                .containsEntry("watermark", false).containsEntry("nsfw_checker", true);
        assertThat(acceptedCreates()).isEqualTo(1);
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
    }

    @Test
    void anImageSetOfFourSplitsIntoFourPicturesWithNamesOfTheirOwn() throws Exception {
        getMockEndpoint("mock:part").expectedMessageCount(4);
        Exchange out = template.request("direct:set", e -> e.getMessage().setBody("four seasons of one tree"));

        assertThat(out.getException()).isNull();
        getMockEndpoint("mock:part").assertIsSatisfied();
        String taskId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        List<String> names = getMockEndpoint("mock:part").getExchanges().stream()
                .map(e -> e.getMessage().getBody(SegmindMedia.class).getFileName()).toList();
        assertThat(names).containsExactly(taskId + "-1.png", taskId + "-2.png", taskId + "-3.png", taskId + "-4.png");
        for (Exchange part : getMockEndpoint("mock:part").getExchanges()) {
            assertPng(part.getMessage().getBody(byte[].class));
        }
        assertThat(out.getMessage().getHeader(SegmindConstants.OUTPUT_URLS, List.class)).hasSize(4);
        assertThat(sim.job(taskId).orElseThrow().payload()).containsEntry("enable_sequential", true)
                .containsEntry("n", 4);
    }

    @Test
    void multiImageEditingSendsEveryInputImageAndItsBoxes() {
        String first = sim.baseUrl() + "/assets/first.png";
        String second = sim.baseUrl() + "/assets/second.png";
        Exchange out = template.request("segmind:wan2.7-image-pro?provider=crun&resolution=2K", e -> {
            e.getMessage().setBody("put the cat of the first picture on the sofa of the second");
            e.getMessage().setHeader(SegmindConstants.INPUT_IMAGES, List.of(first, second));
            e.getMessage().setHeader(SegmindConstants.BOUNDING_BOXES, "[[[10, 10, 200, 120]], []]");
        });

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        Map<String, Object> input = sim.job(out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class))
                .orElseThrow().payload();
        assertThat(input.get("input_urls")).isEqualTo(List.of(first, second));
        assertThat(input.get("bbox_list")).isEqualTo(List.of(List.of(List.of(10, 10, 200, 120)), List.of()));
        assertThat(input).doesNotContainKey("aspect_ratio");
    }
}
