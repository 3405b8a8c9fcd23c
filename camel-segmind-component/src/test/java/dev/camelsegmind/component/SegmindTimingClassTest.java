package dev.camelsegmind.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.camelsegmind.component.engine.JobState;
import dev.camelsegmind.component.engine.PollingPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message's parameters that drive its model's render time name its timing class, and jobs of one model are timed
 * per class: 15 s videos are not read as early as 5 s videos are.
 */
class SegmindTimingClassTest extends SegmindTestSupport {

    private static final String ADAPTIVE = "segmind:wan2.7-i2v?pollStrategy=adaptive&pollInterval=10"
                                           + "&maxPollInterval=1000&outputType=url";

    @Test
    void theClassNamesTheValuesThatTimeTheModelWithItsDefaultsFilledIn() {
        String defaults = "duration=5,resolution=720P";
        assertThat(classOf("segmind:wan2.7-i2v", m -> m.setBody("clip"))).isEqualTo(defaults);
        assertThat(classOf("segmind:wan2.7-i2v?duration=5&resolution=720P", m -> m.setBody("clip")))
                .isEqualTo(defaults);
        assertThat(classOf("segmind:wan2.7-i2v", m -> m.setBody(Map.of("prompt", "clip", "duration", "5"))))
                .isEqualTo(defaults);
        assertThat(classOf("segmind:wan2.7-i2v?duration=5", m -> {
            m.setBody("clip");
            m.setHeader(SegmindConstants.DURATION, 15);
        })).isEqualTo("duration=15,resolution=720P");
        assertThat(classOf("segmind:wan2.7-r2v", m -> m.setBody(Map.of("prompt", "Image1 waves",
                "resolution", "1080P")))).isEqualTo("duration=5,resolution=1080P");
        assertThat(classOf("segmind:wan2.7-image-pro?size=4K", m -> m.setBody("a city"))).isEqualTo("size=4K");
        assertThat(classOf("segmind:wan2.1-i2v-720p?image=https://example.com/a.png&steps=50",
                m -> m.setBody("a face"))).isEqualTo("resolution=720,video_length=3,steps=50");
        // a model outside the catalogue: its parameters are unknown, so its jobs are timed model-wide
        assertThat(classOf("segmind:flux-schnell?parameters.steps=4", m -> m.setBody("a cat"))).isNull();
    }

    @Test
    void aClassWithEnoughFinishedJobsIsTimedByItsOwnWindow() throws Exception {
        // 5 s videos (the default) take 100 ms here, then 15 s videos take 4 s: far enough apart that a loaded machine,
        // which notices the short jobs late and so learns them longer, cannot stretch the short class's window to 2 s
        sim.model("wan2.7-i2v").queueTime(Duration.ZERO).renderTime(Duration.ofSeconds(100));
        sendAll(16, null);
        sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(4000));
        sendAll(4, 15);

        PollingPolicy policy = context.getEndpoint(ADAPTIVE, SegmindEndpoint.class).getPollingPolicy();
        Duration at = Duration.ofMillis(2000);
        Duration tight = Duration.ofMillis(8);
        // 2 s into a job the model-wide window, which spans the 4 s videos, still reads every tight interval
        assertThat(policy.nextDelay("wan2.7-i2v", 5, at, JobState.PROCESSING)).isEqualTo(tight);
        // a 5 s video is long past its own window by then: it is backing off
        assertThat(policy.nextDelay("wan2.7-i2v", "duration=5,resolution=720P", 5, at, JobState.PROCESSING, null))
                .isGreaterThan(tight);
        // four 15 s videos are too few to trust: they keep the model-wide window
        assertThat(policy.nextDelay("wan2.7-i2v", "duration=15,resolution=720P", 5, at, JobState.PROCESSING, null))
                .isEqualTo(tight);
    }

    private void sendAll(int jobs, Integer duration) throws Exception {
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int n = i;
            sent.add(template.asyncSend(ADAPTIVE, e -> {
                e.getMessage().setBody("clip " + n);
                if (duration != null) {
                    e.getMessage().setHeader(SegmindConstants.DURATION, duration);
                }
            }));
        }
        for (Future<Exchange> f : sent) {
            Exchange done = f.get();
            assertThat(done.getException()).isNull();
        }
    }

    private String classOf(String uri, Consumer<Message> message) {
        Exchange exchange = new DefaultExchange(context);
        message.accept(exchange.getMessage());
        return SegmindRequestSupport.resolve(exchange, context.getEndpoint(uri, SegmindEndpoint.class)).timingClass();
    }
}
