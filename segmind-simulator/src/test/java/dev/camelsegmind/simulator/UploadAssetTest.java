package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UploadAssetTest {

    static SegmindSimulator sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = SegmindSimulator.builder().build().start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Reference(source = "segmind-api.md", quote = "Segmind's upload endpoint turns local files into hosted URLs")
    @Test
    void uploadedFilesComeBackByteForByte() {
        byte[] first = "first file".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[] {1, 2, 3, (byte) 0xff};
        String body = "{\"data_urls\":[\"data:image/png;base64," + Base64.getEncoder().encodeToString(first)
                + "\",\"data:video/mp4;base64," + Base64.getEncoder().encodeToString(second) + "\"]}";

        HttpResponse<String> response = client.post("/upload-asset", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode urls = SimClient.json(response).get("file_urls");
        assertThat(urls).hasSize(2);
        assertThat(urls.get(0).asText()).startsWith(sim.baseUrl() + "/assets/").endsWith(".png");
        assertThat(urls.get(1).asText()).endsWith(".mp4");
        HttpResponse<byte[]> png = client.bytes(urls.get(0).asText());
        assertThat(png.body()).isEqualTo(first);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(client.bytes(urls.get(1).asText()).body()).isEqualTo(second);
    }

    @Reference(source = "segmind-api.md", quote = "Every call sends the key in the header `x-api-key`.")
    @Test
    void assetsArePublicButUploadNeedsTheKey() {
        String body = "{\"data_urls\":[\"data:text/plain;base64," + Base64.getEncoder().encodeToString("x".getBytes()) + "\"]}";
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/upload-asset"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String url = SimClient.json(client.post("/upload-asset", body)).get("file_urls").get(0).asText();
        HttpResponse<String> fetched = client.send(HttpRequest.newBuilder(URI.create(url)).build());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("x");
    }

    @Test
    void malformedDataUrisAre400() {
        for (String bad : new String[] {"\"not a data uri\"", "\"data:image/png,rawtext\"", "\"data:image/png;base64,@@@\"",
                "\"data:;base64,AAAA\"", "42"}) {
            HttpResponse<String> response = client.post("/upload-asset", "{\"data_urls\":[" + bad + "]}");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(SimClient.json(response).get("error").asText()).contains("data_urls[0]");
        }
        assertThat(client.post("/upload-asset", "{\"data_urls\":[]}").statusCode()).isEqualTo(400);
        assertThat(client.post("/upload-asset", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void journalKeepsAnAbbreviatedPayload() {
        String data = Base64.getEncoder().encodeToString(new byte[10_000]);
        client.post("/upload-asset", "{\"data_urls\":[\"data:image/png;base64," + data + "\"]}");

        JournalEntry entry = sim.journal().entries(Route.UPLOAD).get(sim.journal().entries(Route.UPLOAD).size() - 1);
        assertThat(entry.payload().get("data_urls").toString()).startsWith("[data:image/png;base64,<").hasSizeLessThan(100);
    }

    @Test
    void unknownAssetIs404() {
        assertThat(client.get("/assets/nope.png").statusCode()).isEqualTo(404);
    }
}
