package dev.camelsegmind.component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ParameterSpec;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.CaseInsensitiveMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output of one segmind step never steers the next: chained steps call the model their endpoint names with the
 * picture the step before made, and no header the producer writes for generate is one it reads for generate.
 */
class SegmindChainTest extends SegmindTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // tag::text-picture-video[]
                from("direct:storyboard")
                        .to("segmind:wan2.7-image-pro")                         // the prompt becomes a picture
                        .setProperty("picture", body())                         // (kept for the test only)
                        .to("segmind:wan2.7-i2v?prompt=The fox looks up as snow starts to fall&duration=2");
                // end::text-picture-video[]

                // tag::picture-two-videos[]
                from("direct:teaser")
                        .to("segmind:wan2.7-image-pro")
                        .multicast().to("direct:short", "direct:long");
                from("direct:short").to("segmind:wan2.7-i2v?prompt=A slow zoom&duration=2").to("mock:videos");
                from("direct:long").to("segmind:wan2.7-i2v?prompt=A slow pan&duration=5").to("mock:videos");
                // end::picture-two-videos[]
            }
        };
    }

    @Test
    void textThenPictureThenVideoCallsBothModelsWithThePictureAsTheImage() {
        Exchange out = template.request("direct:storyboard", e -> e.getMessage().setBody("a red fox in fresh snow"));
        assertThat(out.getException()).isNull();
        assertMp4(out.getMessage().getBody(byte[].class));

        List<JournalEntry> submits = sim.journal().entries(Route.SUBMIT);
        assertThat(submits).extracting(JournalEntry::model).containsExactly("wan2.7-image-pro", "wan2.7-i2v");
        assertThat(submits.get(0).payload()).containsEntry("prompt", "a red fox in fresh snow");
        String videoId = submits.get(1).requestId();
        Map<String, Object> video = sim.job(videoId).orElseThrow().payload();
        assertThat(video).containsOnlyKeys("prompt", "image", "duration")
                .containsEntry("prompt", "The fox looks up as snow starts to fall").containsEntry("duration", 2);
        byte[] picture = out.getProperty("picture", SegmindMedia.class).toBytes();
        assertPng(picture);
        assertThat(dataUriBytes(video.get("image"))).as("the video's image is the picture").isEqualTo(picture);

        assertThat(out.getMessage().getHeader(SegmindConstants.JOB_MODEL)).isEqualTo("wan2.7-i2v");
        assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(videoId);
    }

    @Test
    void onePictureBecomesTwoVideosOfDifferentLengths() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(2);
        Exchange out = template.request("direct:teaser", e -> e.getMessage().setBody("a lighthouse in a storm"));
        assertThat(out.getException()).isNull();
        videos.assertIsSatisfied();

        List<JournalEntry> submits = sim.journal().entries(Route.SUBMIT);
        assertThat(submits).extracting(JournalEntry::model)
                .containsExactly("wan2.7-image-pro", "wan2.7-i2v", "wan2.7-i2v");
        String pictureId = submits.get(0).requestId();
        Set<Object> durations = new TreeSet<>();
        Set<Object> images = new java.util.HashSet<>();
        for (JournalEntry video : submits.subList(1, 3)) {
            Map<String, Object> payload = sim.job(video.requestId()).orElseThrow().payload();
            durations.add(payload.get("duration"));
            images.add(payload.get("image"));
        }
        assertThat(durations).containsExactly(2, 5);
        assertThat(images).as("both videos start from the one picture").hasSize(1);
        assertPng(dataUriBytes(images.iterator().next()));
        for (Exchange v : videos.getExchanges()) {
            assertMp4(v.getMessage().getBody(byte[].class));
            assertThat(v.getMessage().getHeader(SegmindConstants.JOB_MODEL)).isEqualTo("wan2.7-i2v");
            assertThat(v.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isNotEqualTo(pictureId);
        }
        assertThat(videos.getExchanges()).extracting(v -> v.getMessage().getHeader(SegmindConstants.REQUEST_ID))
                .doesNotHaveDuplicates();
    }

    /**
     * Every header the producer touches while it runs generate, recorded from the message's header map itself, in
     * each way generate can end: media in memory, a picture turned into a video, URLs, JSON, a resumed job. The two
     * sets must not meet: a header one step writes must never be one the next step reads.
     */
    @Test
    void noHeaderThatGenerateWritesIsOneThatGenerateReads() throws Exception {
        Set<String> reads = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> writes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

        Exchange picture = generate("segmind:wan2.7-image-pro", "a fox", Map.of(), reads, writes);
        Object media = picture.getMessage().getBody();
        assertThat(media).isInstanceOf(SegmindMedia.class);
        generate("segmind:wan2.7-i2v?prompt=it moves&duration=2", media, Map.of(), reads, writes);
        generate("segmind:wan2.7-image-pro?outputType=url", "a fox", Map.of(
                "kafka.TOPIC", "prompts", "kafka.PARTITION", 0, "kafka.OFFSET", 42L), reads, writes);
        generate("segmind:wan2.7-image-pro?outputType=json", "a fox", Map.of(
                Exchange.FILE_PATH, "/in/fox.txt", Exchange.FILE_LAST_MODIFIED, 1L, Exchange.FILE_LENGTH, 5L,
                "JMSMessageID", "ID:1"), reads, writes);
        // a message whose key names a job accepted earlier resumes it
        String earlier = picture.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        Instant now = Instant.now();
        context.getComponent("segmind", SegmindComponent.class).getEngine().store().put(new PendingJob(
                "wan2.7-image-pro:resume-me", PendingJob.State.ACCEPTED, "segmind", "wan2.7-image-pro", earlier, null,
                now, now.plus(Duration.ofHours(1)), null, null, null));
        try (LogCapture log = LogCapture.of(org.apache.logging.log4j.Level.INFO,
                "dev.camelsegmind.component.engine.JobEngine")) {
            Exchange resumed = generate("segmind:wan2.7-image-pro", "a fox",
                    Map.of(SegmindConstants.JOB_KEY, "resume-me"), reads, writes);
            assertThat(resumed.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
            assertThat(log.text()).contains("Resuming pending Segmind job " + earlier);
        }

        // the sets are real: what a step reads and what it writes, as documented
        assertThat(reads).contains(SegmindConstants.OPERATION, SegmindConstants.MODEL, SegmindConstants.OUTPUT_TYPE,
                SegmindConstants.PARAMETERS, SegmindConstants.JOB_KEY, SegmindConstants.JOB_ATTRIBUTES,
                "JMSMessageID", "kafka.TOPIC", "kafka.OFFSET", Exchange.FILE_PATH);
        for (ParameterSpec p : ModelCatalog.typedParameters()) {
            assertThat(reads).contains(p.header());
        }
        assertThat(writes).contains(SegmindConstants.JOB_MODEL, SegmindConstants.REQUEST_ID, SegmindConstants.STATUS,
                SegmindConstants.RESUMED, SegmindConstants.OUTPUT_URL, SegmindConstants.OUTPUT_URLS,
                SegmindConstants.CONTENT_TYPE, SegmindConstants.JOB_LOCATOR, Exchange.FILE_NAME);

        Set<String> both = new TreeSet<>(reads);
        both.retainAll(writes);
        assertThat(both).as("headers generate writes and also reads: a step's output would steer the next step")
                .isEmpty();

        // and every one of them is documented in SegmindConstants (the catalog's header list)
        Set<String> documented = documentedHeaders();
        for (String header : union(reads, writes)) {
            if (header.startsWith("CamelSegmind")) {
                assertThat(documented).as("header %s is in SegmindConstants", header).contains(header);
            }
        }
    }

    private Exchange generate(String uri, Object body, Map<String, Object> headers, Set<String> reads,
                              Set<String> writes) {
        Exchange exchange = new DefaultExchange(context);
        RecordingMessage message = new RecordingMessage(context);
        message.setBody(body);
        headers.forEach(message::setHeader);
        exchange.setIn(message);
        message.recording = true;
        Exchange out = template.send(uri, exchange);
        message.recording = false;
        assertThat(out.getException()).as(uri).isNull();
        assertThat(out.getMessage()).as("the producer wrote to the message it was given").isSameAs(message);
        reads.addAll(message.reads);
        writes.addAll(message.writes);
        return out;
    }

    private static Set<String> documentedHeaders() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : SegmindConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(Metadata.class)) {
                names.add((String) f.get(null));
            }
        }
        assertThat(names).hasSizeGreaterThan(20);
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] dataUriBytes(Object dataUri) {
        String uri = String.valueOf(dataUri);
        assertThat(uri).startsWith("data:image/png;base64,");
        return Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
    }

    /** A message whose header map notes every name read and every name written while recording is on. */
    private static final class RecordingMessage extends DefaultMessage {
        final Set<String> reads = ConcurrentHashMap.newKeySet();
        final Set<String> writes = ConcurrentHashMap.newKeySet();
        volatile boolean recording;

        RecordingMessage(CamelContext context) {
            super(context);
        }

        @Override
        protected Map<String, Object> createHeaders() {
            return new CaseInsensitiveMap() {
                @Override
                public Object get(Object key) {
                    if (recording) {
                        reads.add(String.valueOf(key));
                    }
                    return super.get(key);
                }

                @Override
                public boolean containsKey(Object key) {
                    if (recording) {
                        reads.add(String.valueOf(key));
                    }
                    return super.containsKey(key);
                }

                @Override
                public Object put(String key, Object value) {
                    if (recording) {
                        writes.add(key);
                    }
                    return super.put(key, value);
                }

                @Override
                public Object remove(Object key) {
                    if (recording) {
                        writes.add(String.valueOf(key));
                    }
                    return super.remove(key);
                }
            };
        }
    }
}
