package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Outputs are real files whose size and length follow the request, as the model pages describe them. */
class MediaOutputTest extends FastSimulatorTestSupport {

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Output resolution. 1K for previews, 2K web, 4K for print.")
    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Default: \"2K\"")
    @ParameterizedTest(name = "{0} -> {1} px")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt":"a fox","size":"1K"} | 1024
            {"prompt":"a fox"}             | 2048
            {"prompt":"a fox","size":"4K"} | 4096
            """)
    void imageProDrawsAtTheRequestedSize(String body, int side) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(download(client.submit("wan2.7-image-pro", body))));

        assertThat(image.getWidth()).isEqualTo(side);
        assertThat(image.getHeight()).isEqualTo(side);
    }

    @Test
    void everyJobsImageDiffersAndAJobsImageIsStable() throws IOException {
        String a = client.submit("wan2.7-image-pro", "{\"prompt\":\"a red fox\",\"size\":\"1K\"}");
        String b = client.submit("wan2.7-image-pro", "{\"prompt\":\"a red fox\",\"size\":\"1K\"}");

        assertThat(download(a)).isNotEqualTo(download(b)).isEqualTo(download(a));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(download(a)));
        assertThat(distinctColours(image)).as("a gradient with text, not a flat fill").isGreaterThan(50);
    }

    @Test
    void jpegModelsServeJpegAtTheirSize() throws IOException {
        sim.model("jpeg-model").mediaType("image/jpeg").outputSize(640, 360);
        byte[] jpeg = download(client.submit("jpeg-model", "{\"prompt\":\"x\"}"));

        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(640);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Output resolution. 720P faster; 1080P for final delivery.")
    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "Video length in seconds, 2-15. Shorter for previews.")
    @Reference(source = "segmind-wan2.7-r2v.txt", quote = "Output resolution. 720P faster; 1080P for final deliverables.")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Resolution of the generated video (longest side of the video)")
    @Reference(source = "segmind-wan2.1-i2v-720p.txt", quote = "Length of the generated video in seconds")
    @ParameterizedTest(name = "{0} {1} -> {2}x{3}, {4} s")
    @CsvSource(delimiter = '|', textBlock = """
            wan2.7-i2v      | {"prompt":"a"}                                       | 1280 | 720  | 5
            wan2.7-i2v      | {"prompt":"a","resolution":"1080P","duration":12}    | 1920 | 1080 | 12
            wan2.7-r2v      | {"prompt":"a","resolution":"1080P","duration":2}     | 1920 | 1080 | 2
            wan2.1-i2v-720p | {"prompt":"a","image":"https://x/i.png"}             | 720  | 406  | 3
            wan2.1-i2v-720p | {"prompt":"a","image":"i","resolution":"1024","video_length":5} | 1024 | 576 | 5
            """)
    void videosHaveTheRequestedResolutionAndLength(String slug, String body, int width, int height, int seconds) {
        Mp4Boxes boxes = new Mp4Boxes(download(client.submit(slug, body)));

        Mp4Boxes.Box mvhd = boxes.find("moov/mvhd");
        double length = (double) boxes.u32(mvhd.payload() + 16) / boxes.u32(mvhd.payload() + 12);
        Mp4Boxes.Box tkhd = boxes.find("moov/trak/tkhd");
        assertThat(length).isEqualTo(seconds);
        assertThat(boxes.u32(tkhd.end() - 8) >>> 16).isEqualTo(width);
        assertThat(boxes.u32(tkhd.end() - 4) >>> 16).isEqualTo(height);
        assertThat(boxes.fourcc(boxes.find("moov/trak/mdia/minf/stbl/stsd").payload() + 12)).isEqualTo("avc1");
    }

    @Test
    void aProfileCanFixTheSizeAndLength() {
        sim.model("wan2.7-i2v").outputSize(320, 240).videoLength(Duration.ofSeconds(1));
        Mp4Boxes boxes = new Mp4Boxes(download(client.submit("wan2.7-i2v", "{\"prompt\":\"a\",\"duration\":9}")));

        Mp4Boxes.Box mvhd = boxes.find("moov/mvhd");
        assertThat(boxes.u32(mvhd.payload() + 16) / boxes.u32(mvhd.payload() + 12)).isEqualTo(1);
        assertThat(boxes.u32(boxes.find("moov/trak/tkhd").end() - 8) >>> 16).isEqualTo(320);
    }

    @Test
    void aModelWithoutRulesGetsAPlayableVideoWhateverDurationItIsSent() {
        sim.model("my-video-model").mediaType("video/mp4");
        Mp4Boxes boxes = new Mp4Boxes(download(client.submit("my-video-model", "{\"duration\":-3}")));

        Mp4Boxes.Box mvhd = boxes.find("moov/mvhd");
        assertThat(boxes.u32(mvhd.payload() + 16) / boxes.u32(mvhd.payload() + 12)).isEqualTo(1);
    }

    @Test
    void theLastFrameIsAStillAtTheVideosSize() throws IOException {
        sim.model("wan2.7-i2v").outputShape(OutputShape.VIDEO_FIELD);
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"a\"}");
        client.awaitFinal(id);
        JsonNode video = SimClient.json(client.get("/v2/requests/" + id)).get("video");

        BufferedImage last = ImageIO.read(new ByteArrayInputStream(client.bytes(video.get("last_frame_url").asText())
                .body()));
        assertThat(last.getWidth()).isEqualTo(1280);
        assertThat(last.getHeight()).isEqualTo(720);
        assertThat(video.get("file_size").asLong()).isEqualTo(client.bytes(video.get("url").asText()).body().length);
    }

    @Reference(source = "segmind-wan2.7-i2v.txt", quote = "First frame of the video. Model animates from this image.")
    @Test
    void aVideoStartsFromTheInputImageWhenTheSimulatorCanReadIt() throws IOException {
        sim.model("wan2.7-i2v").outputShape(OutputShape.VIDEO_FIELD);
        String id = client.submit("wan2.7-i2v", "{\"prompt\":\"a\",\"image\":\"" + solidPng(0xCC2211) + "\"}");
        client.awaitFinal(id);
        JsonNode video = SimClient.json(client.get("/v2/requests/" + id)).get("video");

        BufferedImage still = ImageIO.read(new ByteArrayInputStream(
                client.bytes(video.get("last_frame_url").asText()).body()));
        assertThat(still.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xCC2211);
    }

    @Reference(source = "segmind-wan2.7-image-pro.txt", quote = "Reference image for editing or style transfer guidance.")
    @Test
    void anEditShowsAnImageUploadedToTheSimulatorButNeverFetchesOthers() throws IOException {
        String uploaded = SimClient.json(client.post("/upload-asset", "{\"data_urls\":[\"" + solidPng(0x2255AA) + "\"]}"))
                .get("file_urls").get(0).asText();

        BufferedImage edit = ImageIO.read(new ByteArrayInputStream(download(client.submit("wan2.7-image-pro",
                "{\"prompt\":\"x\",\"size\":\"1K\",\"image\":\"" + uploaded + "\"}"))));
        BufferedImage remote = ImageIO.read(new ByteArrayInputStream(download(client.submit("wan2.7-image-pro",
                "{\"prompt\":\"x\",\"size\":\"1K\",\"image\":\"https://example.com/a.png\"}"))));

        assertThat(edit.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x2255AA);
        assertThat(remote.getRGB(5, 5) & 0xFFFFFF).as("a gradient instead").isNotEqualTo(0x2255AA);
        assertThat(sim.journal().entries()).extracting(JournalEntry::path).noneMatch(p -> p.contains("example"));
    }

    private static String solidPng(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private byte[] download(String id) {
        client.awaitFinal(id);
        String url = SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
        return client.bytes(url).body();
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
