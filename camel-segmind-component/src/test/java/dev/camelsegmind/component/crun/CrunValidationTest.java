package dev.camelsegmind.component.crun;

import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of crun's Wan 2.7 Image Pro input is checked before anything is sent, in words that name the option,
 * the value and what is allowed; nothing reaches the simulator.
 */
class CrunValidationTest extends CrunTestSupport {

    private static final String CRUN = "segmind:wan2.7-image-pro?provider=crun";
    private static final String URL1 = "https://example.com/a.png";
    private static final String URLS = URL1 + ",https://example.com/b.png";

    static Stream<Arguments> brokenRules() {
        String tenUrls = String.join(",", java.util.Collections.nCopies(10, URL1));
        return Stream.of(
                // option string, option named, words the message must hold
                arguments("&prompt=", "prompt", new String[] { "prompt is required", "text body" }),
                arguments("&prompt=" + "x".repeat(5001), "prompt", new String[] { "too long (5001 characters)",
                        "at most 5000" }),
                arguments("&inputImages=" + tenUrls, "inputImages", new String[] { "10 images", "1 to 9" }),
                arguments("&inputImages=ftp://example.com/a.png", "inputImages", new String[] {
                        "'ftp://example.com/a.png'", "http(s) URLs" }),
                arguments("&aspectRatio=5:4", "aspectRatio", new String[] { "'5:4'", "1:1, 16:9, 4:3, 21:9, 3:4,"
                        + " 9:16, 8:1 or 1:8" }),
                arguments("&aspectRatio=16:9&inputImages=" + URLS, "aspectRatio", new String[] {
                        "text-to-image only" }),
                arguments("&resolution=8K", "resolution", new String[] { "'8K'", "1K, 2K or 4K" }),
                arguments("&resolution=4K&inputImages=" + URL1, "resolution", new String[] {
                        "only for plain text-to-image", "1K or 2K with input images" }),
                arguments("&resolution=4K&imageSet=true", "resolution", new String[] { "only for plain text-to-image",
                        "image set" }),
                arguments("&imageCount=0", "imageCount", new String[] { "n 0 is out of range", "1 to 4" }),
                arguments("&imageCount=5", "imageCount", new String[] { "n 5", "1 to 4 (up to 12 with imageSet=true)"
                }),
                arguments("&imageCount=13&imageSet=true", "imageCount", new String[] { "n 13", "up to 12" }),
                arguments("&thinkingMode=true&inputImages=" + URL1, "thinkingMode", new String[] {
                        "text-to-image only", "input images" }),
                arguments("&thinkingMode=true&imageSet=true", "thinkingMode", new String[] { "text-to-image only",
                        "image set" }),
                arguments("&colorPalette=%23FF0000:0.5,%2300FF00:0.5", "colorPalette", new String[] { "has 2 colours",
                        "3 to 10" }),
                arguments("&colorPalette=" + "%23FF0000:0.1,".repeat(11), "colorPalette", new String[] {
                        "has 11 colours" }),
                arguments("&colorPalette=%23FF0000:0.5,red:0.3,%230000FF:0.2", "colorPalette", new String[] {
                        "'red'", "#RRGGBB" }),
                arguments("&colorPalette=%23FF0000:0.5,%2300FF00:lots,%230000FF:0.2", "colorPalette", new String[] {
                        "'lots'", "0.25", "25%" }),
                arguments("&boundingBoxes=[[[0,0,10,10]]]", "boundingBoxes", new String[] {
                        "there are none", "input images" }),
                arguments("&boundingBoxes=[[],[]]&inputImages=" + URL1, "boundingBoxes", new String[] {
                        "one entry per input image (1)" }),
                arguments("&boundingBoxes=[[[10,10,5,20]]]&inputImages=" + URL1, "boundingBoxes", new String[] {
                        "x1 < x2" }),
                arguments("&seed=2147483648", "seed", new String[] { "2147483648", "0 to 2147483647" }),
                arguments("&parameters.watermark=maybe", "watermark", new String[] { "'maybe'", "true or false" }));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void aBrokenRuleFailsBeforeAnyCall(String options, String option, String[] words) {
        String uri = options.startsWith("&prompt=") ? CRUN + options : CRUN + "&prompt=a+lighthouse" + options;
        Throwable failure;
        try {
            failure = template.request(uri, e -> { }).getException();
        } catch (org.apache.camel.ResolveEndpointFailedException refused) {
            // an endpoint whose own options break a rule does not even start
            failure = refused.getCause();
        }

        assertThat(failure).isInstanceOf(SegmindValidationException.class);
        SegmindValidationException e = (SegmindValidationException) failure;
        assertThat(e.getOption()).isEqualTo(option);
        assertThat(e.getMessage()).contains(words);
        assertThat(sim.journal().size()).as("nothing was sent").isZero();
    }

    @Test
    void aPictureInTheBodyNeedsUploadInputs() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42"
                + "mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Exchange out = template.request(CRUN + "&prompt=make+it+blue", e -> e.getMessage().setBody(png));

        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("uploadInputs=true").hasMessageContaining("inputImages");
        assertThat(((SegmindValidationException) out.getException()).getOption()).isEqualTo("uploadInputs");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aPictureInTheBodyIsUploadedThenSentAsTheFirstInputImage() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42"
                + "mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Exchange out = template.request(CRUN + "&prompt=make+it+blue&uploadInputs=true&inputImages=" + URL1,
                e -> e.getMessage().setBody(png));

        assertThat(out.getException()).isNull();
        String id = out.getMessage().getHeader("CamelSegmindRequestId", String.class);
        @SuppressWarnings("unchecked")
        java.util.List<String> images = (java.util.List<String>) sim.job(id).orElseThrow().payload().get("input_urls");
        assertThat(images).hasSize(2);
        assertThat(images.get(0)).startsWith(sim.baseUrl() + "/assets/");
        assertThat(images.get(1)).isEqualTo(URL1);
        assertThat(sim.journal().entries(dev.camelsegmind.simulator.Route.UPLOAD)).singleElement()
                .satisfies(u -> assertThat(u.headers().get("x-api-key")).endsWith(KEY.substring(KEY.length() - 4)));
    }

    @Test
    void onlyWan27ImageProRunsAtCrun() {
        Exchange out = template.request("segmind:wan2.7-i2v?provider=crun&prompt=waves", e -> { });
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("provider=crun use wan2.7-image-pro");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void inputNamesSentAreConfigurable() {
        sim.crun().imageFields("img_urls");
        Exchange out = template.request(CRUN + "&prompt=edit&inputImages=" + URL1
                + "&crunFieldNames.input_urls=img_urls", e -> { });

        assertThat(out.getException()).isNull();
        String id = out.getMessage().getHeader("CamelSegmindRequestId", String.class);
        assertThat(sim.job(id).orElseThrow().payload()).containsKey("img_urls").doesNotContainKey("input_urls");
    }
}
