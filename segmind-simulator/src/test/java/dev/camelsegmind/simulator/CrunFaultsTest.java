package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's fault API, in Java and as JSON, aimed at crun's two routes. */
class CrunFaultsTest {

    static final SimulatedClock CLOCK = new SimulatedClock();

    @RegisterExtension
    static SegmindSimulatorExtension segmind = SegmindSimulatorExtension.builder()
            .configure(b -> b.clock(CLOCK)).build();

    SegmindSimulator sim;
    CrunClient crun;

    @BeforeEach
    void connect() {
        sim = segmind.simulator();
        crun = new CrunClient(sim);
    }

    @Reference(source = "crun-wan-2-7-image-pro.txt", quote = "500: Server Error - An unexpected error occurred while processing the request")
    @Test
    void aStatusFaultAnswersThatStatusWithCrunsBodyThenStops() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(500).times(1));

        HttpResponse<String> failed = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(SimClient.json(failed).get("code").asInt()).isEqualTo(500);
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.journal().entries(Route.CRUN_CREATE).get(0).fault()).isEqualTo("status:500");
        assertThat(crun.post(CrunClient.body("{\"prompt\": \"a\"}")).statusCode()).isEqualTo(200);
        assertThat(sim.faults().injected(Route.CRUN_CREATE)).isEqualTo(1);
    }

    @Test
    void theBodyCodeShapeOfAnyErrorIsAStatusFaultWithABody() {
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).status(200).body("{\"code\": 500, \"message\": \"boom\", \"data\": null}"));
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(502));

        HttpResponse<String> info = crun.info("any");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(info).get("code").asInt()).isEqualTo(500);
        HttpResponse<String> gateway = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));
        assertThat(gateway.statusCode()).isEqualTo(502);
        assertThat(gateway.headers().firstValue("Content-Type").orElseThrow())
                .as("a status crun does not list comes from the gateway, as HTML").startsWith("text/html");
    }

    @Test
    void dropAfterAcceptCreatesAndBillsTheTaskButSparesRefusals() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).dropAfterAccept().times(1));

        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\", \"n\": 7}"))).get("code").asInt())
                .as("a refusal in HTTP 200 is not an accept to drop").isEqualTo(422);
        assertThatThrownBy(() -> crun.post(CrunClient.body("{\"prompt\": \"a\"}"))).isInstanceOf(UncheckedIOException.class);

        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).isEqualTo(10_000 - 0.06);
        JournalEntry dropped = sim.journal().entries(Route.CRUN_CREATE).get(1);
        assertThat(dropped.dropped()).isTrue();
        assertThat(dropped.requestId()).isEqualTo(sim.jobs().iterator().next().requestId());
    }

    @Reference(source = "segmind-api.md", quote = "a gateway may time out after the backend accepted and billed the job.")
    @Test
    void acceptThenStatusCreatesAndBillsTheTaskThenAnswersTheErrorInCrunsEnvelope() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).acceptThenStatus(504).times(1));

        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\", \"n\": 7}"))).get("code").asInt())
                .as("a refusal in HTTP 200 is answered as it is and uses up nothing").isEqualTo(422);
        HttpResponse<String> answer = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = SimClient.json(answer);
        assertThat(body.get("code").asInt()).isEqualTo(504);
        assertThat(body.get("message").asText()).isEqualTo("Gateway Time-out");
        assertThat(body.get("data").isNull()).as("no task id reaches the client").isTrue();
        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).as("billed").isEqualTo(10_000 - 0.06);
        JournalEntry entry = sim.journal().entries(Route.CRUN_CREATE).get(1);
        assertThat(entry.httpStatus()).isEqualTo(504);
        assertThat(entry.fault()).isEqualTo("acceptThenStatus:504");
        assertThat(entry.requestId()).isEqualTo(sim.jobs().iterator().next().requestId());
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(crun.data(entry.requestId()).get("status").asText()).as("the task runs on").isEqualTo("success");
        assertThat(crun.post(CrunClient.body("{\"prompt\": \"a\"}")).statusCode()).as("times(1)").isEqualTo(200);
    }

    @Test
    void acceptThenHtmlCreatesAndBillsTheTaskThenAnswersAGatewayPage() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).acceptThenHtml(502));

        HttpResponse<String> answer = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("<title>502 Bad Gateway</title>");
        assertThat(sim.jobs()).hasSize(1);
        assertThat(sim.credits()).isEqualTo(10_000 - 0.06);
        assertThat(sim.journal().entries(Route.CRUN_CREATE).get(0).fault()).isEqualTo("acceptThenHtml:502");
    }

    @Test
    void aTruncatedTaskInfoAnnouncesItsLengthAndStopsHalfway() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).requestId(id).truncate());

        try (RawHttp answer = RawHttp.send(sim, "GET", CrunClient.TASK_INFO + "?task_id=" + id, null, 2_000)) {
            assertThat(answer.status).isEqualTo(200);
            answer.read(answer.contentLength() / 2);
            assertThat(answer.closedByServer()).isTrue();
        }
        assertThat(sim.journal().entries(Route.CRUN_TASK_INFO)).last().extracting(JournalEntry::fault).isEqualTo("truncate");
    }

    @Test
    void foreignUrlsBendATasksMediaUrlsButNotTheCreateAnswer() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        CLOCK.advance(Duration.ofMinutes(1));
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).foreignUrls("http://127.0.0.2:8123"));

        JsonNode data = crun.data(id);

        assertThat(data.get("task_id").asText()).isEqualTo(id);
        assertThat(data.get("result").get("media_urls").get(0).asText()).startsWith("http://127.0.0.2:8123/media/");
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.CRUN_CREATE).foreignUrls("http://127.0.0.2:8123")))
                .as("CreateTask answers only a task id").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCrun429CarriesNoResetHeaderAndRetryAfterOnlyWhenAsked() {
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(429).times(1));
        sim.faults().add(Fault.on(Route.CRUN_CREATE).status(429).withRetryAfter().times(1));

        HttpResponse<String> plain = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));
        HttpResponse<String> asked = crun.post(CrunClient.body("{\"prompt\": \"a\"}"));

        assertThat(plain.statusCode()).isEqualTo(429);
        assertThat(SimClient.json(plain).get("code").asInt()).isEqualTo(429);
        assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
        assertThat(plain.headers().firstValue("x-rate-limit-reset-at-utc")).as("crun documents none").isEmpty();
        assertThat(asked.statusCode()).isEqualTo(429);
        assertThat(asked.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void aStallFreezesOneTasksStatusUntilRemoved() {
        String stuck = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        String other = crun.create(CrunClient.body("{\"prompt\": \"b\"}"));
        CLOCK.advance(Duration.ofSeconds(5));
        Fault stall = Fault.on(Route.CRUN_TASK_INFO).requestId(stuck).stall();
        sim.faults().add(stall);
        CLOCK.advance(Duration.ofMinutes(5));

        assertThat(crun.data(stuck).get("status").asText()).isEqualTo("running");
        assertThat(crun.data(stuck).get("result").isNull()).isTrue();
        assertThat(crun.data(other).get("status").asText()).isEqualTo("success");
        sim.faults().remove(stall);
        assertThat(crun.data(stuck).get("status").asText()).isEqualTo("success");
    }

    @Test
    void aFlapShowsThePreviousStateEverySecondCall() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        CLOCK.advance(Duration.ofMinutes(1));
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).flap());

        assertThat(crun.data(id).get("status").asText()).isEqualTo("success");
        assertThat(crun.data(id).get("status").asText()).isEqualTo("running");
        assertThat(crun.data(id).get("status").asText()).isEqualTo("success");
    }

    @Test
    void expireDelayAndModelTargetingWorkOnCrunRoutes() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        sim.faults().add(Fault.on(Route.CRUN_TASK_INFO).requestId(id).expire().times(1));
        sim.faults().add(Fault.on(Route.CRUN_CREATE).model("wan/other").status(429));
        sim.faults().add(Fault.on(Route.CRUN_CREATE).model(Crun.MODEL).delay(Duration.ofMillis(300)).times(1));

        assertThat(SimClient.json(crun.info(id)).get("code").asInt()).isEqualTo(404);
        assertThat(SimClient.json(crun.info(id)).get("code").asInt()).isEqualTo(200);
        long start = System.nanoTime();
        assertThat(SimClient.json(crun.post(CrunClient.body("{\"prompt\": \"a\"}"))).get("code").asInt()).isEqualTo(200);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(crun.post("{\"model\": \"wan/other\", \"input\": {}}").statusCode()).isEqualTo(429);
    }

    @Test
    void faultsComeOverHttpToo() {
        String id = crun.create(CrunClient.body("{\"prompt\": \"a\"}"));
        HttpResponse<String> added = admin("{\"route\": \"CRUN_TASK_INFO\", \"request_id\": \"" + id + "\", \"malformed_json\": true}");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(crun.info(id).body()).doesNotEndWith("}");
        JsonNode refused = SimClient.json(admin("{\"route\": \"CRUN_CALLBACK\", \"status\": 500}"));
        assertThat(refused.get("field").asText()).isEqualTo("route");
        assertThat(refused.get("error").asText()).contains("CallbackFault");
        assertThatThrownBy(() -> sim.faults().add(Fault.on(Route.CRUN_CALLBACK).delay(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callbackFaults");
    }

    private HttpResponse<String> admin(String json) {
        return crun.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
