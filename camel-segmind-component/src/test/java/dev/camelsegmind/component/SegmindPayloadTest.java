package dev.camelsegmind.component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each parameter of the call comes from, weakest first: component, endpoint, body, header map, typed header. */
class SegmindPayloadTest extends SegmindTestSupport {

    @TempDir
    Path dir;

    @Override
    protected void configure(SegmindConfiguration c) {
        super.configure(c);
        c.setNegativePrompt("from component");
        c.setSeed(1L);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:i2v").to("segmind:wan2.7-i2v?resolution=1080P&duration=5&parameters.extra=endpoint"
                                       + "&outputType=url");
                from("direct:files").to("file:" + dir.resolve("in").toString().replace('\\', '/'));
                from("direct:upload").to("segmind:wan2.7-i2v?uploadInputs=true&prompt=wave&outputType=url");
            }
        };
    }

    private Map<String, Object> sentPayload(Exchange out) {
        assertThat(out.getException()).isNull();
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        return sim.job(id).orElseThrow().payload();
    }

    @Test
    void optionsFromComponentAndEndpointAreSentUnderSnakeCaseNames() {
        Map<String, Object> sent = sentPayload(template.request("direct:i2v", e -> e.getMessage().setBody("waves")));
        assertThat(sent).containsEntry("prompt", "waves").containsEntry("resolution", "1080P")
                .containsEntry("duration", 5).containsEntry("negative_prompt", "from component")
                .containsEntry("seed", 1).containsEntry("extra", "endpoint");
    }

    @Test
    void bodyBeatsOptionsAndHeadersBeatTheBody() {
        Map<String, Object> sent = sentPayload(template.request("direct:i2v", e -> {
            e.getMessage().setBody(Map.of("prompt", "from body", "duration", 7, "seed", 2));
            e.getMessage().setHeader(SegmindConstants.PARAMETERS, Map.of("duration", 8, "seed", 3));
            e.getMessage().setHeader(SegmindConstants.SEED, 4L);
        }));
        assertThat(sent).containsEntry("prompt", "from body").containsEntry("duration", 8).containsEntry("seed", 4)
                .containsEntry("resolution", "1080P");
    }

    @Test
    void jsonStringBodyIsTheRequest() {
        Map<String, Object> sent = sentPayload(template.request("direct:i2v",
                e -> e.getMessage().setBody("{\"prompt\":\"json prompt\",\"duration\":3}")));
        assertThat(sent).containsEntry("prompt", "json prompt").containsEntry("duration", 3);
    }

    public static class VideoRequest {
        public String prompt = "pojo prompt";
        public int duration = 4;
    }

    @Test
    void pojoBodyIsTheRequest() {
        Map<String, Object> sent = sentPayload(template.request("direct:i2v",
                e -> e.getMessage().setBody(new VideoRequest())));
        assertThat(sent).containsEntry("prompt", "pojo prompt").containsEntry("duration", 4);
    }

    @Test
    void imageBodyBecomesTheImageParameterAsDataUri() throws Exception {
        byte[] png = png();
        Map<String, Object> sent = sentPayload(template.request("direct:i2v", e -> {
            e.getMessage().setBody(png);
            e.getMessage().setHeader(SegmindConstants.PROMPT, "animate it");
        }));
        assertThat((String) sent.get("image")).startsWith("data:image/png;base64,");
        assertThat(sent).containsEntry("prompt", "animate it");
    }

    @Test
    void fileFromAFileConsumerIsInputMedia() throws Exception {
        Path file = dir.resolve("cat.png");
        Files.write(file, png());
        Map<String, Object> sent = sentPayload(template.request("direct:i2v", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(SegmindConstants.PROMPT, "animate it");
        }));
        assertThat((String) sent.get("image")).startsWith("data:image/png;base64,");
    }

    @Test
    void uploadInputsSendsTheHostedUrlInstead() throws Exception {
        Map<String, Object> sent = sentPayload(template.request("direct:upload",
                e -> e.getMessage().setBody(png())));
        assertThat((String) sent.get("image")).startsWith(sim.baseUrl() + "/assets/");
        assertThat(sim.journal().count(Route.UPLOAD)).isEqualTo(1);
    }

    @Test
    void oversizedInputFailsBeforeAnyCall() {
        byte[] big = new byte[2048];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, big, 0, 8);
        Exchange out = template.request("segmind:wan2.7-i2v?maxInputSize=1024&prompt=x",
                e -> e.getMessage().setBody(big));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("maxInputSize");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void binaryBodyThatIsNotMediaFailsBeforeAnyCall() {
        Exchange out = template.request("segmind:wan2.7-i2v?prompt=x",
                e -> e.getMessage().setBody(new byte[] { 0, 1, 2, 3, 4, 5, (byte) 0xff, (byte) 0xfe }));
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("neither media");
        assertThat(sim.journal().size()).isZero();
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

}
