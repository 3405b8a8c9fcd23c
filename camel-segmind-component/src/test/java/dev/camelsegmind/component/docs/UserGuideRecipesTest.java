package dev.camelsegmind.component.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.SegmindTestSupport;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JobView;
import dev.camelsegmind.simulator.OutputShape;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The routes of docs/user-guide.md, as the guide prints them (DocsSnippetsTest keeps the two equal), run against the
 * simulator. Folders are property placeholders so the routes read as they would in an application.
 */
class UserGuideRecipesTest extends SegmindTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folders;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties places = new Properties();
        for (String name : new String[] { "inbox", "outbox", "ids", "failed" }) {
            places.setProperty(name, folders.resolve(name).toString());
        }
        // in production a video may take 15m; here the timeout recipe must run out quickly
        places.setProperty("video-timeout", "300");
        context.getPropertiesComponent().setOverrideProperties(places);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // tag::errors[]
                onException(SegmindValidationException.class)
                        // refused before any call: nothing was sent or billed; the message names the option to fix
                        .handled(true)
                        .to("seda:fix-and-resend");
                onException(SegmindJobFailedException.class)
                        // the job ran and FAILED (safety blocks too): it was billed, and the same payload fails again
                        .handled(true)
                        .log(LoggingLevel.WARN, "Request ${exception.requestId} failed: ${exception.detail}")
                        .to("seda:rejected");
                onException(SegmindTimeoutException.class)
                        // still running at Segmind, which keeps it for an hour: collect it later by its request id
                        .handled(true)
                        .setHeader(SegmindConstants.REQUEST_ID, simple("${exception.requestId}"))
                        .to("seda:collect-later");
                // end::errors[]

                // tag::image-from-text[]
                from("direct:poster")
                        .to("segmind:wan2.7-image-pro?size=2K")    // the text body is the prompt
                        .to("file:{{outbox}}");                     // written as <request id>.png
                // end::image-from-text[]

                // tag::video-from-image[]
                // a file whose job fails moves to inbox/.failed instead of being sent again at every poll
                from("file:{{inbox}}?include=.*\\.(png|jpg)&moveFailed=.failed")
                        // the file is the first frame; the options are the model's parameters
                        .to("segmind:wan2.7-i2v?resolution=1080P&duration=5&prompt=RAW(Waves roll in, slow push-in)")
                        .setHeader(Exchange.FILE_NAME, simple("${file:onlyname.noext}.mp4"))
                        .to("file:{{outbox}}");
                // end::video-from-image[]

                // tag::image-set[]
                from("direct:storyboard")
                        .to("segmind:my-image-set-model")    // several outputs: the body is a List<SegmindMedia>
                        .split(body())
                            .setHeader(Exchange.FILE_NAME, simple("${body.fileName}"))    // <request id>-1.png, ...
                            .to("file:{{outbox}}")
                        .end();
                // end::image-set[]

                // tag::submit-await[]
                from("direct:order-video")
                        .to("segmind:wan2.7-i2v?operation=submit&resolution=720P&duration=5")
                        // back at once: the body and header CamelSegmindRequestId hold the request id
                        .to("file:{{ids}}?fileName=${header.CamelSegmindRequestId}.id");

                from("file:{{ids}}?include=.*\\.id&moveFailed=.failed")    // later, after a restart, or elsewhere
                        .convertBodyTo(String.class)                         // the request id
                        .to("segmind:wan2.7-i2v?operation=await&timeout=15m")
                        .to("file:{{outbox}}");
                // end::submit-await[]

                // tag::collect-later[]
                from("direct:video")
                        .to("segmind:wan2.7-i2v?resolution=720P&duration=5&timeout={{video-timeout}}");

                from("seda:collect-later")                 // jobs that outlived their timeout (see onException)
                        // one that cannot be collected (expired, failed) is kept as a file, not dropped
                        .errorHandler(deadLetterChannel("file:{{failed}}?fileName=${header.CamelSegmindRequestId}.id"))
                        .to("segmind:wan2.7-i2v?operation=await")
                        .to("file:{{outbox}}");
                // end::collect-later[]

                // tag::output-types[]
                from("direct:link-only")
                        .to("segmind:wan2.7-image-pro?outputType=url")     // body: the output URL; nothing downloaded
                        .log("Picture ready at ${body}");
                from("direct:everything")
                        .to("segmind:wan2.7-image-pro?outputType=json")    // body: the whole result as a Map
                        .log("Rendered in ${body[metrics][inference_time]} s");
                // end::output-types[]
            }
        };
    }

    @Test
    void imageFromText() throws Exception {
        Exchange out = template.request("direct:poster", e -> e.getMessage().setBody("A lighthouse at dawn"));
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertPng(Files.readAllBytes(folders.resolve("outbox").resolve(id + ".png")));
        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("prompt", "A lighthouse at dawn")
                .containsEntry("size", "2K");
    }

    @Test
    void videoFromAnImageFile() throws Exception {
        Path inbox = Files.createDirectories(folders.resolve("inbox"));
        byte[] frame = template.requestBody("segmind:wan2.7-image-pro", "a quiet beach", byte[].class);
        sim.reset();
        Files.write(inbox.resolve("beach.png"), frame);

        Path video = folders.resolve("outbox").resolve("beach.mp4");
        await().atMost(WAIT).until(() -> Files.exists(video));
        assertMp4(Files.readAllBytes(video));
        JobView job = sim.jobs().iterator().next();
        assertThat(job.payload()).containsEntry("prompt", "Waves roll in, slow push-in")
                .containsEntry("resolution", "1080P").containsEntry("duration", 5);
        assertThat((String) job.payload().get("image")).startsWith("data:image/png;base64,");
    }

    @Test
    void aFileThatFailsLeavesTheInboxAfterOneCall() throws Exception {
        Path inbox = Files.createDirectories(folders.resolve("inbox"));
        byte[] frame = template.requestBody("segmind:wan2.7-image-pro", "a quiet beach", byte[].class);
        sim.reset();
        // a refused key: not handled by the onException clauses, so the exchange fails
        sim.faults().add(Fault.on(Route.SUBMIT).status(401));
        Files.write(inbox.resolve("beach.png"), frame);

        await().atMost(WAIT).until(() -> Files.exists(inbox.resolve(".failed").resolve("beach.png")));
        // the inbox is polled twice a second: a file left there would have been sent again by now
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> sim.journal().count(Route.SUBMIT) == 1);
        assertThat(inbox.resolve("beach.png")).doesNotExist();
    }

    @Test
    void anIdThatCannotBeCollectedLeavesItsFolderAfterOneCall() throws Exception {
        Path ids = Files.createDirectories(folders.resolve("ids"));
        Files.writeString(ids.resolve("gone.id"), "no-such-request");

        await().atMost(WAIT).until(() -> Files.exists(ids.resolve(".failed").resolve("gone.id")));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> sim.journal().count(Route.STATUS) == 1);
    }

    @Test
    void aJobThatCannotBeCollectedLaterGoesToTheDeadLetterFolder() throws Exception {
        template.sendBodyAndHeader("seda:collect-later", "a very slow pan", SegmindConstants.REQUEST_ID,
                "no-such-request");

        Path dead = folders.resolve("failed").resolve("no-such-request.id");
        await().atMost(WAIT).until(() -> Files.exists(dead));
        assertThat(Files.readString(dead)).isEqualTo("a very slow pan");
        assertThat(sim.journal().count(Route.SUBMIT)).isZero();
    }

    @Test
    void anImageSetIsSplitIntoOneFileEach() throws Exception {
        sim.model("my-image-set-model").outputs(3).outputShape(OutputShape.URL_LIST);
        Exchange out = template.request("direct:storyboard", e -> e.getMessage().setBody("three panels"));
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        for (int i = 1; i <= 3; i++) {
            assertPng(Files.readAllBytes(folders.resolve("outbox").resolve(id + "-" + i + ".png")));
        }
    }

    @Test
    void aRefusedRequestGoesToFixAndResendWithoutACall() {
        // sent in-only, as a file or JMS consumer would: the seda hand-over then does not wait for a reply
        template.sendBody("direct:poster", "{\"prompt\": \"a fox\", \"size\": \"8K\"}");
        Exchange refused = consumer.receive("seda:fix-and-resend", 5_000);
        assertThat(refused).isNotNull();
        assertThat(refused.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(SegmindValidationException.class).hasMessageContaining("size");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aFailedJobGoesToRejected() {
        sim.model("wan2.7-image-pro").failWith("Content blocked by the safety filter");
        template.sendBody("direct:poster", "something blocked");
        Exchange rejected = consumer.receive("seda:rejected", 10_000);
        assertThat(rejected).isNotNull();
        SegmindJobFailedException failure = rejected.getProperty(Exchange.EXCEPTION_CAUGHT,
                SegmindJobFailedException.class);
        assertThat(failure.getDetail()).isEqualTo("Content blocked by the safety filter");
        assertThat(failure.getRequestId()).isNotBlank();
    }

    @Test
    void submitNowAwaitLaterByRequestId() throws Exception {
        Exchange ordered = template.request("direct:order-video", e -> e.getMessage().setBody("a slow pan"));
        String id = ordered.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(Files.readString(folders.resolve("ids").resolve(id + ".id"))).isEqualTo(id);

        Path video = folders.resolve("outbox").resolve(id + ".mp4");
        await().atMost(WAIT).until(() -> Files.exists(video) && Files.size(video) > 0);
        assertMp4(Files.readAllBytes(video));
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aJobThatOutlivesItsTimeoutIsCollectedLater() throws Exception {
        // a render of 2000 simulated seconds takes 2 s here, well past the 300 ms timeout
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(2_000));
        Exchange out = template.send("direct:video", ExchangePattern.InOnly,
                e -> e.getMessage().setBody("a very slow pan"));
        assertThat(out.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(SegmindTimeoutException.class).hasMessageContaining("of wan2.7-i2v did not finish within")
                .hasMessageContaining("It keeps running at Segmind: collect it with operation=await");

        await().atMost(WAIT).until(() -> outbox().anyMatch(p -> p.toString().endsWith(".mp4")));
        Path video = outbox().filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
        assertMp4(Files.readAllBytes(video));
        assertThat(sim.journal().count(Route.SUBMIT)).as("collected, not paid for twice").isEqualTo(1);
    }

    @Test
    void outputTypesUrlAndJson() {
        String url = template.requestBody("direct:link-only", "a red fox", String.class);
        assertThat(url).startsWith(sim.baseUrl() + "/media/");
        Map<?, ?> result = template.requestBody("direct:everything", "a red fox", Map.class);
        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(result.get("metrics")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("inference_time");
        assertThat(sim.journal().count(Route.MEDIA)).isZero();
    }

    @Test
    void payloadPrecedence() {
        // tag::precedence[]
        Exchange out = template.request("segmind:wan2.7-image-pro?size=1K&watermark=true", e -> {
            e.getMessage().setBody(Map.of("prompt", "a red fox", "size", "2K"));                   // beats the URI
            e.getMessage().setHeader(SegmindConstants.PARAMETERS, Map.of("size", "4K", "seed", 7)); // beats the body
            e.getMessage().setHeader(SegmindConstants.SEED, 42L);                                   // beats them all
        });
        // sent: {"prompt": "a red fox", "size": "4K", "seed": 42, "watermark": true}
        // end::precedence[]
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        assertThat(sim.job(id).orElseThrow().payload()).containsEntry("prompt", "a red fox")
                .containsEntry("size", "4K").containsEntry("watermark", true)
                .hasEntrySatisfying("seed", seed -> assertThat(((Number) seed).longValue()).isEqualTo(42L));
    }

    private Stream<Path> outbox() throws IOException {
        Path dir = folders.resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        }
    }

}
