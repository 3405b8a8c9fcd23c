package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPaddingTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().timeFactor(0.0001)
                .retention(Duration.ofDays(1_000)).build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private String outputUrl(String slug) {
        String id = client.submit(slug, "{\"prompt\":\"p\",\"image\":\"i\"}");
        client.awaitFinal(id);
        return SimClient.json(client.get("/v2/requests/" + id)).get("output").asText();
    }

    @Test
    void fiveMegabyteVideoIsAValidMp4OfExactlyThatLength() throws Exception {
        sim.model("wan2.7-r2v").mediaSizeBytes(5_000_000);
        String url = outputUrl("wan2.7-r2v");

        HttpResponse<InputStream> response = client.http.send(client.request(url).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] mp4;
        try (InputStream in = response.body()) {
            mp4 = in.readAllBytes();
        }

        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(5_000_000);
        assertThat(mp4).hasSize(5_000_000);
        assertThat(topLevelBoxes(mp4)).containsSubsequence("ftyp", "moov", "mdat", "free");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 8, 9, 65_536})
    void anyPaddingKeepsTheBoxStructureWhole(long extra) {
        byte[] natural = placeholder();

        byte[] padded = render(Mp4Padding.pad(natural, natural.length + extra));

        assertThat(padded).hasSize((int) (natural.length + extra));
        assertThat(topLevelBoxes(padded)).startsWith("ftyp").contains("mdat");
    }

    @Test
    void beyondFourGibibytesTheFreeBoxUsesTheLargeSizeForm() throws IOException {
        byte[] natural = placeholder();
        long target = 5L * 1024 * 1024 * 1024;
        Body body = Mp4Padding.pad(natural, target);

        assertThat(body.length()).isEqualTo(target);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            body.writeTo(new CuttingOutputStream(head, natural.length + 16));
        } catch (CuttingOutputStream.Cut expected) {
            // only the header was wanted
        }
        ByteBuffer box = ByteBuffer.wrap(head.toByteArray(), natural.length, 16);
        assertThat(box.getInt()).isEqualTo(1);
        byte[] type = new byte[4];
        box.get(type);
        assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("free");
        assertThat(box.getLong()).isEqualTo(target - natural.length);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 12, 13, 3_000_000})
    void paddedPngStillDecodesWithValidChunks(long extra) throws IOException {
        byte[] natural = ImageRenderer.render("image/png", 256, 256, "seed", "a prompt", "caption");
        byte[] padded = render(PngPadding.pad(natural, natural.length + extra));

        assertThat(padded).hasSize((int) (natural.length + extra));
        assertThat(ImageIO.read(new ByteArrayInputStream(padded)).getWidth()).isEqualTo(256);
        if (extra >= 12) {
            assertThat(pngChunksWithValidCrc(padded)).containsSubsequence("IHDR", "IDAT", "siMp", "IEND");
        }
    }

    @Test
    void pngChunksNeverLeaveAnUnfillableRemainder() {
        long max = 1L << 30;
        for (long left : new long[] {12, 13, max + 12, max + 13, max + 23, max + 24, 3 * max + 40}) {
            long remaining = left;
            while (remaining > 0) {
                long data = PngPadding.dataSize(remaining);
                assertThat(data).isBetween(0L, max);
                remaining -= data + 12;
                assertThat(remaining == 0 || remaining >= 12).as("after %d", left).isTrue();
            }
        }
    }

    @Test
    void paddedPngDownloadIsExact() throws IOException {
        sim.model("flux").mediaSizeBytes(2_000_000);
        byte[] png = client.bytes(outputUrl("flux")).body();

        assertThat(png).hasSize(2_000_000);
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        sim.model("flux").mediaSizeBytes(0);
    }

    @Test
    void headGivesTheLengthWithoutTheBody() {
        sim.model("wan2.7-i2v").mediaSizeBytes(3_000_000);
        String url = outputUrl("wan2.7-i2v");

        HttpResponse<String> head = client.send(client.request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(3_000_000);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void mediaTypesTheJdkCannotDrawGetALabelledStub() {
        sim.model("webp-model").mediaType("image/webp");
        HttpResponse<byte[]> media = client.bytes(outputUrl("webp-model"));

        assertThat(media.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(new String(media.body(), StandardCharsets.US_ASCII)).contains("placeholder image/webp");
    }

    /** A small real video, as the simulator serves for a short 720p job. */
    private static byte[] placeholder() {
        return VideoEncoder.mp4(64, 36, 8, 1, new int[64 * 36], 0xFFFFFF);
    }

    private static byte[] render(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Box types in order; fails if the sizes do not add up to exactly the file. */
    static List<String> topLevelBoxes(byte[] mp4) {
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        List<String> types = new ArrayList<>();
        long offset = 0;
        while (offset < mp4.length) {
            long size = Integer.toUnsignedLong(buffer.getInt((int) offset));
            types.add(new String(mp4, (int) offset + 4, 4, StandardCharsets.US_ASCII));
            if (size == 1) {
                size = buffer.getLong((int) offset + 8);
            }
            assertThat(size).as("box size at %d", offset).isGreaterThanOrEqualTo(8);
            offset += size;
        }
        assertThat(offset).as("boxes end exactly at the end of the file").isEqualTo(mp4.length);
        return types;
    }

    private static List<String> pngChunksWithValidCrc(byte[] png) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        List<String> types = new ArrayList<>();
        int offset = 8;
        while (offset < png.length) {
            int length = buffer.getInt(offset);
            String type = new String(png, offset + 4, 4, StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(png, offset + 4, 4 + length);
            assertThat(buffer.getInt(offset + 8 + length)).as("CRC of " + type).isEqualTo((int) crc.getValue());
            types.add(type);
            offset += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        return types;
    }
}
