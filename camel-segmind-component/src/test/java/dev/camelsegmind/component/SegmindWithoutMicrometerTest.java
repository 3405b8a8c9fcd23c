package dev.camelsegmind.component;

import dev.camelsegmind.component.observability.SegmindMetricsSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Micrometer is optional. Surefire's execution {@code without-micrometer} runs this class with Micrometer's jars
 * removed from the classpath and {@code segmind.micrometerExcluded=true}; elsewhere it is skipped.
 */
class SegmindWithoutMicrometerTest extends SegmindTestSupport {

    @Test
    void theComponentStartsAndDeliversAJobWithoutMicrometer() {
        assumeTrue(Boolean.getBoolean("segmind.micrometerExcluded"), "run by the without-micrometer execution");
        assertThatThrownBy(() -> Class.forName(SegmindMetricsSupport.MICROMETER_CLASS))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(SegmindMetricsSupport.micrometerPresent()).isFalse();

        Exchange out = template.request("segmind:wan2.7-image-pro", e -> e.getMessage().setBody("a red fox"));

        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(context.getComponent("segmind", SegmindComponent.class).recentFailures().list()).isEmpty();
    }
}
