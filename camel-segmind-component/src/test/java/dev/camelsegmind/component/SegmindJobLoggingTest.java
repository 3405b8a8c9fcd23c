package dev.camelsegmind.component;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job can be followed in the log: one DEBUG line per status change, each naming the request id and the model. */
class SegmindJobLoggingTest extends SegmindTestSupport {

    @Test
    void everyStatusChangeIsADebugLineWithRequestIdAndModel() {
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dev.camelsegmind.component.jobs")) {
            Exchange out = template.request("segmind:wan2.7-image-pro", e -> e.getMessage().setBody("a quiet harbour"));
            assertThat(out.getException()).isNull();
            String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);

            List<String> lines = log.lines().stream().filter(l -> l.contains(id)).toList();
            assertThat(lines).allMatch(l -> l.startsWith("DEBUG") && l.contains("wan2.7-image-pro"));
            assertThat(lines).anyMatch(l -> l.contains("submitted"));
            assertThat(lines).anyMatch(l -> l.contains("-> COMPLETED"));
            assertThat(lines).anyMatch(l -> l.contains("delivered 1 output(s)"));
        }
    }
}
