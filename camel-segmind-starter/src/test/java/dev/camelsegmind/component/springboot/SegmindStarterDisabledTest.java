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
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.segmind.enabled=false} switches the starter off. It also shows that nothing else in Camel
 * Spring Boot 4.18 applies {@code camel.component.segmind.*}: without the starter the properties do not reach the
 * component, so there is no second binding for the starter to race with.
 */
@CamelSpringBootTest
@SpringBootTest(classes = SegmindStarterDisabledTest.App.class,
                properties = { "camel.component.segmind.enabled=false", "camel.component.segmind.api-key=SG_0000",
                        "camel.component.segmind.max-retries=2" })
@DirtiesContext
class SegmindStarterDisabledTest {

    // no component scan: the example application in the sub-package is another test's
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ApplicationContext applicationContext;

    @Test
    void disabledStarterLeavesTheComponentAtItsDefaults() {
        assertThat(applicationContext.getBeansOfType(SegmindComponentAutoConfiguration.class)).isEmpty();

        SegmindConfiguration c = camelContext.getComponent("segmind", SegmindComponent.class).getConfiguration();
        assertThat(c.getApiKey()).isNull();
        assertThat(c.getMaxRetries()).isEqualTo(new SegmindConfiguration().getMaxRetries());
    }
}
