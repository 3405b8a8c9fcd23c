package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /_sim/faults} and {@code /_sim/reset}, spoken to as a test in another process would: no key. */
class FaultAdminTest extends FastSimulatorTestSupport {

    @Test
    void anAdminFaultBehavesExactlyLikeTheJavaOne() {
        List<String> javaRun = submitThrice(() -> sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(2)));
        List<String> httpRun = submitThrice(() -> assertThat(
                admin("POST", "/_sim/faults", "{\"route\":\"SUBMIT\",\"status\":429,\"times\":2}").statusCode())
                .isEqualTo(201));

        assertThat(httpRun).isEqualTo(javaRun)
                .containsExactly("429 Rate limit exceeded", "429 Rate limit exceeded", "200 QUEUED");
        assertThat(sim.journal().entries(Route.SUBMIT)).extracting(JournalEntry::fault)
                .containsExactly("status:429", "status:429", null);
    }

    private static List<String> submitThrice(Runnable addFault) {
        sim.reset();
        sim.model(GENERIC_MODEL);
        addFault.run();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.post("/v2/flux", "{}");
            JsonNode body = SimClient.json(response);
            answers.add(response.statusCode() + " " + body.path(response.statusCode() == 200 ? "status" : "error").asText());
        }
        return answers;
    }

    @Test
    void postAnswers201WithTheFaultAndItsId() {
        HttpResponse<String> created = admin("POST", "/_sim/faults",
                "{\"routes\":[\"STATUS\",\"result\"],\"status\":503,\"body\":{\"error\":\"busy\"},"
                        + "\"headers\":{\"Retry-After\":\"7\"},\"model\":\"flux\",\"times\":4,"
                        + "\"probability\":0.5,\"seed\":9,\"lasting_ms\":60000}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode fault = SimClient.json(created);
        Fault registered = sim.faults().list().get(0);
        assertThat(fault.get("id").asLong()).isEqualTo(registered.id()).isPositive();
        assertThat(fault.get("description").asText()).isEqualTo(registered.toString());
        assertThat(fault.get("action").asText()).isEqualTo("status");
        assertThat(fault.get("routes")).extracting(JsonNode::asText).containsExactly("STATUS", "RESULT");
        assertThat(fault.get("status").asInt()).isEqualTo(503);
        assertThat(fault.get("body").asText()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(fault.get("headers").get("Retry-After").asText()).isEqualTo("7");
        assertThat(fault.get("model").asText()).isEqualTo("flux");
        assertThat(fault.get("times").asInt()).isEqualTo(4);
        assertThat(fault.get("probability").asDouble()).isEqualTo(0.5);
        assertThat(fault.get("seed").asLong()).isEqualTo(9);
        assertThat(fault.get("lasting_ms").asLong()).isEqualTo(60_000);
        assertThat(Instant.parse(fault.get("ends_at").asText())).isEqualTo(registered.endsAt());
        assertThat(fault.get("injected").asLong()).isZero();
        assertThat(registered.routes()).containsExactlyInAnyOrder(Route.STATUS, Route.RESULT);
        assertThat(registered.probability()).isEqualTo(0.5);
        assertThat(registered.seed()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"routes\":[\"STATUS\",\"RESULT\"],\"delay_ms\":2000}          | DELAY              | delay:2000ms",
        "{\"route\":\"MEDIA\",\"truncate\":true}                         | TRUNCATE           | truncate",
        "{\"route\":\"SUBMIT\",\"drop\":\"after_accept\"}                | DROP_AFTER_ACCEPT  | dropAfterAccept",
        "{\"route\":\"SUBMIT\",\"drop\":\"before_accept\"}               | DROP_BEFORE_ACCEPT | dropBeforeAccept",
        "{\"route\":\"STATUS\",\"request_id\":\"abc\",\"stall\":true}    | STALL              | stall",
        "{\"route\":\"STATUS\",\"flap\":true}                            | FLAP               | flap",
        "{\"route\":\"RESULT\",\"malformed_json\":true}                  | MALFORMED_JSON     | malformedJson",
        "{\"route\":\"RESULT\",\"expire\":true,\"truncate\":false}       | EXPIRE             | expire",
        "{\"route\":\"ANY\",\"status\":500}                              | STATUS             | status:500",
        "{\"storm_ms\":30000}                                            | STATUS             | status:429",
        "{\"storm_ms\":30000,\"retry_after\":true}                       | STATUS             | status:429",
        "{\"route\":\"SUBMIT\",\"accept_then_status\":504}               | ACCEPT_THEN_STATUS | acceptThenStatus:504",
        "{\"route\":\"SYNC\",\"accept_then_html\":502}                   | ACCEPT_THEN_HTML   | acceptThenHtml:502",
        "{\"route\":\"MEDIA\",\"stall_body\":true}                       | STALL_BODY         | stallBody",
        "{\"route\":\"RESULT\",\"stall_body_ms\":1500}                   | STALL_BODY         | stallBody:1500ms",
        "{\"route\":\"ANY\",\"redirect\":\"http://127.0.0.2:1/x\"}       | REDIRECT           | redirect:302",
        "{\"route\":\"STATUS\",\"redirect\":\"/v2/x\",\"redirect_status\":308} | REDIRECT     | redirect:308",
        "{\"route\":\"SUBMIT\",\"foreign_urls\":\"http://127.0.0.2:9\"}   | FOREIGN_URLS       | foreignUrls",
    })
    void everyActionCanBeAddedOverHttp(String json, Fault.Kind kind, String tag) {
        HttpResponse<String> created = admin("POST", "/_sim/faults", json);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(sim.faults().list()).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(kind);
            assertThat(fault.tag()).isEqualTo(tag);
            assertThat(SimClient.json(created).get("id").asLong()).isEqualTo(fault.id());
        });
    }

    @Test
    void stallAndStormAddedOverHttpActOnRequests() {
        String id = client.submit("flux", "{}");
        client.awaitFinal(id);
        admin("POST", "/_sim/faults", "{\"route\":\"STATUS\",\"request_id\":\"" + id + "\",\"stall\":true}");

        assertThat(SimClient.json(client.get("/v2/requests/" + id + "/status")).get("status").asText())
                .isEqualTo("PROCESSING");

        JsonNode storm = SimClient.json(admin("POST", "/_sim/faults", "{\"storm_ms\":30000}"));
        HttpResponse<String> limited = client.post("/v2/flux", "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Instant.parse(limited.headers().firstValue("x-rate-limit-reset-at-utc").orElseThrow()))
                .isEqualTo(Instant.parse(storm.get("ends_at").asText()).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void getListsTheFaultsInForceWithTheirInjectedCounts() {
        admin("POST", "/_sim/faults", "{\"route\":\"CREDITS\",\"status\":500,\"times\":5}");
        admin("POST", "/_sim/faults", "{\"route\":\"MEDIA\",\"truncate\":true}");
        admin("POST", "/_sim/faults", "{\"route\":\"UPLOAD\",\"status\":500,\"times\":1}");
        client.get("/v1/get-user-credits");
        client.get("/v1/get-user-credits");
        client.post("/upload-asset", "{}");

        HttpResponse<String> list = admin("GET", "/_sim/faults", null);

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode faults = SimClient.json(list);
        assertThat(faults).as("the spent upload fault is gone").hasSize(2);
        assertThat(faults.get(0).get("description").asText()).contains("CREDITS", "status:500");
        assertThat(faults.get(0).get("injected").asLong()).isEqualTo(2);
        assertThat(faults.get(1).get("action").asText()).isEqualTo("truncate");
        assertThat(faults.get(1).get("injected").asLong()).isZero();
        assertThat(faults.get(0).get("id").asLong()).isLessThan(faults.get(1).get("id").asLong());
    }

    @Test
    void deleteWithAnIdRemovesThatFaultOnly() {
        long first = SimClient.json(admin("POST", "/_sim/faults", "{\"route\":\"CREDITS\",\"status\":500}")).get("id").asLong();
        admin("POST", "/_sim/faults", "{\"route\":\"SUBMIT\",\"status\":500}");

        HttpResponse<String> removed = admin("DELETE", "/_sim/faults/" + first, null);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(removed).get("id").asLong()).isEqualTo(first);
        assertThat(client.get("/v1/get-user-credits").statusCode()).isEqualTo(200);
        assertThat(client.post("/v2/flux", "{}").statusCode()).isEqualTo(500);
        assertThat(admin("DELETE", "/_sim/faults/" + first, null).statusCode()).as("already gone").isEqualTo(404);
        HttpResponse<String> nonsense = admin("DELETE", "/_sim/faults/not-an-id", null);
        assertThat(nonsense.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(nonsense).get("error").asText()).contains("not-an-id");
    }

    @Test
    void deleteRemovesEveryFault() {
        admin("POST", "/_sim/faults", "{\"route\":\"CREDITS\",\"status\":500}");
        admin("POST", "/_sim/faults", "{\"storm_ms\":30000}");

        HttpResponse<String> cleared = admin("DELETE", "/_sim/faults", null);

        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(cleared).get("removed").asInt()).isEqualTo(2);
        assertThat(sim.faults().list()).isEmpty();
        assertThat(client.post("/v2/flux", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void resetClearsJobsJournalFaultsAndCredits() {
        client.submit("flux", "{}");
        sim.setCredits(5);
        admin("POST", "/_sim/faults", "{\"route\":\"CREDITS\",\"status\":500}");

        HttpResponse<String> reset = admin("POST", "/_sim/reset", "");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(sim.faults().list()).isEmpty();
        assertThat(sim.credits()).isEqualTo(10_000);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"route\":\"NOPE\",\"status\":500}                        | route",
        "{\"routes\":[\"SUBMIT\",7],\"status\":500}                 | routes",
        "{\"routes\":[],\"status\":500}                             | routes",
        "{\"route\":\"SUBMIT\",\"routes\":[\"STATUS\"],\"status\":500} | routes",
        "{\"status\":500}                                           | route",
        "{\"route\":\"SUBMIT\"}                                     | action",
        "{\"route\":\"SUBMIT\",\"status\":500,\"truncate\":true}    | truncate",
        "{\"route\":\"SUBMIT\",\"status\":700}                      | status",
        "{\"route\":\"SUBMIT\",\"status\":\"500\"}                  | status",
        "{\"route\":\"SUBMIT\",\"status\":500,\"times\":-1}         | times",
        "{\"route\":\"SUBMIT\",\"status\":500,\"times\":2.5}        | times",
        "{\"route\":\"SUBMIT\",\"status\":500,\"times\":99999999999} | times",
        "{\"route\":\"SUBMIT\",\"status\":500,\"probability\":1.5}  | probability",
        "{\"route\":\"SUBMIT\",\"status\":500,\"seed\":\"x\"}       | seed",
        "{\"route\":\"SUBMIT\",\"status\":500,\"lasting_ms\":0}     | lasting_ms",
        "{\"route\":\"SUBMIT\",\"status\":500,\"model\":\"\"}       | model",
        "{\"route\":\"SUBMIT\",\"status\":500,\"colour\":\"red\"}   | colour",
        "{\"route\":\"SUBMIT\",\"status\":500,\"headers\":{\"a\":1}} | headers",
        "{\"route\":\"SUBMIT\",\"delay_ms\":-5}                     | delay_ms",
        "{\"route\":\"SUBMIT\",\"drop\":\"sometimes\"}              | drop",
        "{\"route\":\"SUBMIT\",\"stall\":true}                      | route",
        "{\"route\":\"STATUS\",\"flap\":\"yes\"}                    | flap",
        "{\"route\":\"MEDIA\",\"truncate\":true,\"body\":\"x\"}     | body",
        "{\"storm_ms\":0}                                           | storm_ms",
        "{\"storm_ms\":1000,\"route\":\"SUBMIT\"}                   | route",
        "{\"storm_ms\":1000,\"lasting_ms\":5000}                    | lasting_ms",
        "{\"route\":\"SUBMIT\",\"accept_then_status\":200}        | accept_then_status",
        "{\"route\":\"SUBMIT\",\"accept_then_html\":\"502\"}    | accept_then_html",
        "{\"route\":\"MEDIA\",\"stall_body_ms\":900000}           | stall_body_ms",
        "{\"route\":\"MEDIA\",\"stall_body\":1}                   | stall_body",
        "{\"route\":\"MEDIA\",\"stall_body\":true,\"body\":\"x\"} | body",
        "{\"route\":\"SUBMIT\",\"redirect\":\"\"}               | redirect",
        "{\"route\":\"SUBMIT\",\"redirect\":\"http://a/\",\"redirect_status\":200} | redirect_status",
        "{\"route\":\"SUBMIT\",\"status\":500,\"redirect_status\":307} | redirect_status",
        "{\"route\":\"SUBMIT\",\"foreign_urls\":\"127.0.0.2:9\"} | foreign_urls",
        "{\"route\":\"MEDIA\",\"foreign_urls\":\"http://127.0.0.2:9\"} | route",
        "{\"route\":\"MEDIA\",\"truncate\":true,\"retry_after\":true} | retry_after",
        "{\"route\":\"SUBMIT\",\"status\":429,\"retry_after\":\"yes\"} | retry_after",
    })
    void invalidFaultsAre400NamingTheField(String json, String field) {
        HttpResponse<String> rejected = admin("POST", "/_sim/faults", json);

        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode error = SimClient.json(rejected);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("error").asText()).startsWith(field + ": ");
        assertThat(sim.faults().list()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        for (String body : new String[] {"", "not json", "[1,2]", "42"}) {
            HttpResponse<String> rejected = admin("POST", "/_sim/faults", body);

            assertThat(rejected.statusCode()).as(body).isEqualTo(400);
            assertThat(SimClient.json(rejected).get("error").asText()).contains("JSON object");
        }
    }

    @Test
    void adminPathsIgnoreFaultsAndKeysAndAreNotJournaled() {
        sim.faults().add(Fault.onAny().status(500));
        sim.faults().add(Fault.rateLimitStorm(java.time.Duration.ofSeconds(30)));

        assertThat(admin("GET", "/_sim/faults", null).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/_sim/jobs", null).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/_sim/journal", null).statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/_sim/faults", "{\"route\":\"MEDIA\",\"truncate\":true}").statusCode()).isEqualTo(201);
        assertThat(admin("PUT", "/_sim/faults", "{}").statusCode()).isEqualTo(405);
        assertThat(admin("GET", "/_sim/reset", null).statusCode()).isEqualTo(405);
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(sim.faults().injected()).isZero();
        assertThat(admin("DELETE", "/_sim/faults", null).statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/_sim/reset", "").statusCode()).isEqualTo(200);
        assertThat(sim.faults().injected()).isZero();
    }

    @Test
    void adminPathsAreNotRateLimited() {
        try (SegmindSimulator limited = SegmindSimulator.builder().rateLimitPerMinute(1).build().start()) {
            SimClient other = new SimClient(limited);
            other.get("/v2/requests/x/status");
            assertThat(other.get("/v2/requests/x/status").statusCode()).isEqualTo(429);

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> added = other.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + "/_sim/faults"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"route\":\"MEDIA\",\"truncate\":true}")).build());
                assertThat(added.statusCode()).isEqualTo(201);
            }
        }
    }

    /** Sends without an API key, as a script driving the simulator would. */
    private static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json").method(method, body).build());
    }
}
