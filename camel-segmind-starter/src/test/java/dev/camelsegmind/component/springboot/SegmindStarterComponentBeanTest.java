package dev.camelsegmind.component.springboot;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that builds its own component in code still gets the properties it set, and keeps every setting the
 * properties do not mention: the starter applies only what was written, never the defaults of unset options.
 */
@CamelSpringBootTest
@SpringBootTest(classes = SegmindStarterComponentBeanTest.App.class,
                properties = { "camel.component.segmind.api-key=SG_00aa11bb", "camel.component.segmind.poll-interval=2s",
                        "camel.component.segmind.max-media-size=64MB", "camel.component.segmind.operation=submit",
                        "camel.component.segmind.parameters.guidance_scale=7" })
@DirtiesContext
class SegmindStarterComponentBeanTest {

    // no component scan: the example application in the sub-package is another test's
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean("segmind")
        SegmindComponent segmind() {
            SegmindComponent component = new SegmindComponent();
            component.getConfiguration().setMaxRetries(2);
            component.getConfiguration().setUploadUrl("http://localhost:1/upload-asset");
            component.setIoThreads(2);
            return component;
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    SegmindComponent segmind;

    @Test
    void propertiesLandOnTheApplicationsComponentWithoutResettingItsOwnSettings() {
        SegmindComponent component = camelContext.getComponent("segmind", SegmindComponent.class);
        assertThat(component).isSameAs(segmind);
        SegmindConfiguration c = component.getConfiguration();

        assertThat(c.getApiKey()).isEqualTo("SG_00aa11bb");
        assertThat(c.getPollInterval()).isEqualTo(2000L);
        assertThat(c.getMaxMediaSize()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.getOperation()).hasToString("submit");
        assertThat(c.getParameters()).containsEntry("guidance_scale", "7");

        assertThat(c.getMaxRetries()).isEqualTo(2);
        assertThat(c.getUploadUrl()).isEqualTo("http://localhost:1/upload-asset");
        assertThat(component.getIoThreads()).isEqualTo(2);
    }
}
