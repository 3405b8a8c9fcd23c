package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** {@link Fault#foreignUrls}: answers whose URLs name a host other than the one that gave them. */
class ForeignUrlsFaultTest extends FastSimulatorTestSupport {

    private static final String FOREIGN = "http://127.0.0.2:18089";

    @Reference(source = "segmind-api.md", quote = "**Follow `status_url` and `response_url` exactly as returned**")
    @Test
    void theSubmitAnswerNamesAnotherHostForEveryUrl() {
        sim.faults().add(Fault.on(Route.SUBMIT).foreignUrls(FOREIGN + "/"));

        HttpResponse<String> answer = client.post("/v2/flux", "{}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(answer);
        String id = body.get("request_id").asText();
        assertThat(body.get("poll_url").asText()).isEqualTo(FOREIGN + "/v1/requests/" + id);
        assertThat(body.get("status_url").asText()).isEqualTo(FOREIGN + "/v2/requests/" + id + "/status");
        assertThat(body.get("response_url").asText()).isEqualTo(FOREIGN + "/v2/requests/" + id);
        assertThat(answer.body()).doesNotContain(sim.baseUrl());
        assertThat(sim.job(id)).as("the job itself is real").isPresent();
        assertThat(client.awaitFinal(id).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sim.journal().entries(Route.SUBMIT).get(0).fault()).isEqualTo("foreignUrls");
    }

    @Test
    void resultOutputsCanPointAtAnotherHostToo() {
        sim.model("flux").outputShape(OutputShape.VIDEO_FIELD).mediaType("video/mp4").outputSize(64, 36);
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        sim.faults().add(Fault.on(Route.RESULT, Route.POLL_V1).foreignUrls(FOREIGN));

        for (String path : new String[] {"/v2/requests/" + id, "/v1/requests/" + id}) {
            JsonNode result = SimClient.json(client.get(path));
            assertThat(result.get("output").asText()).as(path).startsWith(FOREIGN + "/media/");
            assertThat(result.get("video").get("url").asText()).startsWith(FOREIGN + "/media/");
            assertThat(result.get("video").get("last_frame_url").asText()).startsWith(FOREIGN + "/media/");
        }
        assertThat(client.get("/v2/requests/" + id + "/status").body()).as("status is not faulted")
                .doesNotContain(FOREIGN);
    }

    @Test
    void uploadedFileUrlsCanPointAtAnotherHost() {
        sim.faults().add(Fault.on(Route.UPLOAD).foreignUrls(FOREIGN));
        String upload = "{\"data_urls\":[\"data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[8]) + "\"]}";

        JsonNode answer = SimClient.json(client.post("/upload-asset", upload));

        assertThat(answer.get("file_urls").get(0).asText()).startsWith(FOREIGN + "/assets/");
    }

    @Test
    void errorsAreNotBent() {
        sim.faults().add(Fault.on(Route.SUBMIT).foreignUrls(FOREIGN).times(1));

        assertThat(client.post("/v2/wan2.7-i2v", "{\"duration\":99}").statusCode()).isEqualTo(400);
        assertThat(sim.faults().injected()).isZero();
    }

    @Test
    void onlyRoutesThatAnswerUrlsAndOnlyHttpBasesAreAccepted() {
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.MEDIA, Route.CREDITS).foreignUrls(FOREIGN)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUBMIT");
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).foreignUrls("ftp://127.0.0.2/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).foreignUrls("/relative"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overHttpTheSameFaultIsAdded() {
        HttpResponse<String> added = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"routes\":[\"SUBMIT\",\"RESULT\"],\"foreign_urls\":\""
                        + FOREIGN + "\"}")).build());

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(SimClient.json(added).get("foreign_urls").asText()).isEqualTo(FOREIGN);
        JsonNode submitted = SimClient.json(client.post("/v2/flux", "{}"));
        assertThat(submitted.get("status_url").asText()).startsWith(FOREIGN + "/");
        String id = submitted.get("request_id").asText();
        client.awaitFinal(id);
        assertThat(SimClient.json(client.get("/v2/requests/" + id)).get("output").asText()).startsWith(FOREIGN + "/");
    }
}
