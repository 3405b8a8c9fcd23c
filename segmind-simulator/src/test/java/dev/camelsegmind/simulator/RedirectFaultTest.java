package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Fault#redirect}: an answer that sends the client to a host of the test's choosing. */
class RedirectFaultTest extends FastSimulatorTestSupport {

    static OtherHost other;

    @BeforeAll
    static void startOtherHost() {
        other = new OtherHost();
    }

    @AfterAll
    static void stopOtherHost() {
        other.close();
    }

    @BeforeEach
    void forgetWhatTheOtherHostSaw() {
        other.forget();
    }

    /** Every route a client calls; CRUN_CALLBACK is the simulator's own outgoing call, faulted by CallbackFaults. */
    @ParameterizedTest
    @EnumSource(value = Route.class, mode = EnumSource.Mode.EXCLUDE, names = "CRUN_CALLBACK")
    void everyIncomingRouteCanAnswerARedirectAndNothingIsBilled(Route route) {
        String location = other.baseUrl() + "/elsewhere";
        sim.faults().add(Fault.on(route).redirect(location));

        HttpResponse<String> answer = client.send(request(route));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(location);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("302 Found");
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.credits()).isEqualTo(10_000);
        assertThat(sim.journal().entries(route)).singleElement().satisfies(entry -> {
            assertThat(entry.httpStatus()).isEqualTo(302);
            assertThat(entry.fault()).isEqualTo("redirect:302");
        });
        assertThat(other.seen()).as("a client that does not follow never gets there").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void theRedirectCodesAreTheOnesHttpDefines(int code) {
        sim.faults().add(Fault.on(Route.STATUS).redirect(code, "/v2/requests/y/status"));

        HttpResponse<String> answer = client.get("/v2/requests/x/status");

        assertThat(answer.statusCode()).isEqualTo(code);
        assertThat(answer.headers().firstValue("Location")).hasValue("/v2/requests/y/status");
    }

    @Test
    void aClientThatFollowsArrivesAtTheOtherHostWithWhatItChoseToSend() {
        sim.faults().add(Fault.on(Route.SUBMIT).redirect(307, other.baseUrl() + "/v2/flux").times(1));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> answer = new SimClient(sim, following).post("/v2/flux", "{\"prompt\":\"p\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"elsewhere\":true}");
        assertThat(other.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.method()).as("307 keeps the method").isEqualTo("POST");
            assertThat(seen.path()).isEqualTo("/v2/flux");
        });
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void aRedirectNeedsARedirectCodeAndALocation() {
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).redirect(200, "http://127.0.0.2/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).redirect(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Route.SUBMIT).redirect("http://bad host/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overHttpARedirectIsAddedWithItsCode() {
        String location = other.baseUrl() + "/key-check";
        HttpResponse<String> added = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"route\":\"ANY\",\"redirect\":\"" + location
                        + "\",\"redirect_status\":308,\"times\":1}")).build());

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(SimClient.json(added).get("location").asText()).isEqualTo(location);
        assertThat(SimClient.json(added).get("status").asInt()).isEqualTo(308);

        HttpResponse<String> answer = client.get("/v1/get-user-credits");
        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(answer.headers().firstValue("Location")).hasValue(location);
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
    }

    private static HttpRequest request(Route route) {
        String json = "{\"prompt\":\"p\"}";
        switch (route) {
            case SUBMIT:
                return post("/v2/flux", json);
            case SYNC:
                return post("/v1/flux", json);
            case UPLOAD:
                return post("/upload-asset", "{\"data_urls\":[\"data:image/png;base64,AAAA\"]}");
            case STATUS:
                return client.request("/v2/requests/x/status").build();
            case RESULT:
                return client.request("/v2/requests/x").build();
            case POLL_V1:
                return client.request("/v1/requests/x").build();
            case MEDIA:
                return client.request("/media/00000000-0000-0000-0000-000000000000-0.png").build();
            case ASSET:
                return client.request("/assets/x.png").build();
            case CREDITS:
                return client.request("/v1/get-user-credits").build();
            case CRUN_CREATE:
                return post(CrunClient.CREATE, CrunClient.body("{\"prompt\": \"p\"}"));
            case CRUN_TASK_INFO:
                return client.request(CrunClient.TASK_INFO + "?task_id=x").build();
            default:
                throw new IllegalArgumentException(route.name());
        }
    }

    private static HttpRequest post(String path, String json) {
        return client.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
