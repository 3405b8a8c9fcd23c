package dev.camelsegmind.component;

import dev.camelsegmind.component.observability.SegmindConsole;
import dev.camelsegmind.component.observability.SegmindRecentFailures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelsegmind.component.error.SegmindJobFailedException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.console.DevConsoleResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SegmindConsoleTest extends SegmindTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel.main.devConsoleEnabled=true does
        context.setDevConsole(true);
        return context;
    }

    // tag::console-json[]
    /** The console as Camel finds it: by id, through the service file the build generates from @DevConsole. */
    private DevConsole console() {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("segmind");
        assertThat(console).isInstanceOf(SegmindConsole.class);
        return console;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> json(String key) {
        // key "jobs": requestId, model, status, elapsed, polls, nextPoll, nextPollAt, component
        // key "failures": time, model, requestId, errorType, message, component
        Map<String, Object> root = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
        return (List<Map<String, Object>>) root.get(key);
    }
    // end::console-json[]

    @Test
    void camelsConsoleRegistryListsIt() {
        // tag::console-registry[]
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        registry.loadDevConsoles(true);
        assertThat(registry.getConsole("segmind")).containsInstanceOf(SegmindConsole.class);
        // end::console-registry[]
        assertThat(registry.getConsole("segmind").get().getDisplayName()).isEqualTo("Segmind");
    }

    @Test
    void listsTheJobsInFlight() throws Exception {
        // two seconds of rendering at the simulator's speed
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(2000));
        CompletableFuture<Exchange> first = template.asyncSend("segmind:wan2.7-i2v?outputType=url",
                e -> e.getMessage().setBody("first"));
        CompletableFuture<Exchange> second = template.asyncSend("segmind:wan2.7-i2v?outputType=url",
                e -> e.getMessage().setBody("second"));

        await().atMost(Duration.ofSeconds(5)).until(() -> json("jobs").size() == 2
                && json("jobs").stream().allMatch(j -> "PROCESSING".equals(j.get("status"))));
        List<Map<String, Object>> jobs = json("jobs");
        assertThat(jobs).extracting(j -> j.get("requestId")).containsExactlyInAnyOrderElementsOf(
                sim.jobs().stream().map(j -> j.requestId()).toList());
        for (Map<String, Object> job : jobs) {
            assertThat(job).containsEntry("model", "wan2.7-i2v").containsEntry("component", "segmind")
                    .containsKeys("elapsed", "polls", "nextPoll");
            assertThat((Integer) job.get("polls")).isPositive();
        }
        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Jobs in flight: 2", (String) jobs.get(0).get("requestId"), "PROCESSING");

        assertThat(first.get().getException()).isNull();
        assertThat(second.get().getException()).isNull();
        assertThat(json("jobs")).isEmpty();
    }

    @Test
    void listsARecentFailure() {
        sim.model("blocked-model").failWith("the prompt was blocked by the safety filter");
        Exchange out = template.request("segmind:blocked-model", e -> e.getMessage().setBody("x"));
        assertThat(out.getException()).isInstanceOf(SegmindJobFailedException.class);
        String requestId = ((SegmindJobFailedException) out.getException()).getRequestId();

        List<Map<String, Object>> failures = json("failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).containsEntry("model", "blocked-model").containsEntry("requestId", requestId)
                .containsEntry("errorType", "SegmindJobFailedException").containsKey("time");
        assertThat((String) failures.get(0).get("message")).contains("blocked by the safety filter");
        assertThat((String) console().call(DevConsole.MediaType.TEXT)).contains("Recent failures: 1", requestId,
                "SegmindJobFailedException");
    }

    @Test
    void keepsOnlyTheLastFifty() {
        SegmindRecentFailures failures = new SegmindRecentFailures();
        for (int i = 0; i < 60; i++) {
            failures.failed(null, "model-" + i, new IllegalStateException("failure " + i));
        }
        assertThat(failures.list()).hasSize(SegmindRecentFailures.CAPACITY);
        assertThat(failures.list().get(0).model()).isEqualTo("model-59");
        assertThat(failures.list().get(49).model()).isEqualTo("model-10");
    }
}
