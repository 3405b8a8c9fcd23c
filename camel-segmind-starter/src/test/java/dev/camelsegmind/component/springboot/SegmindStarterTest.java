package dev.camelsegmind.component.springboot;

import java.util.Arrays;
import java.util.Map;

import dev.camelsegmind.component.SegmindComponent;
import dev.camelsegmind.component.SegmindConfiguration;
import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.SegmindPollStrategy;
import dev.camelsegmind.component.springboot.example.GenerateApplication;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application of docs/runtime-spring-boot.md, configured only through properties: its application.properties,
 * with the key, the URL and faster polling pointed at a simulator. The starter turns them into the component's
 * settings and the routes produce a real image and a real video.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { GenerateApplication.class, SegmindStarterTest.TestBeans.class })
@TestPropertySource(locations = "classpath:example/application.properties")
@DirtiesContext
class SegmindStarterTest {

    static final String KEY = "SG_5a17e4c0ffee1234";

    @RegisterExtension
    static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder().timeFactor(0.001).apiKey(KEY).build();

    // tag::simulator-properties[]
    @DynamicPropertySource
    static void segmindSimulator(DynamicPropertyRegistry registry) {
        // suppliers: read when the context starts, after the extension started the simulator
        registry.add("camel.component.segmind.api-key", () -> KEY);
        registry.add("camel.component.segmind.base-url", sim::baseUrl);
        registry.add("camel.component.segmind.upload-url", () -> sim.baseUrl() + "/upload-asset");
        registry.add("camel.component.segmind.poll-interval", () -> "15ms");
        registry.add("camel.component.segmind.max-poll-interval", () -> "80ms");
        registry.add("camel.component.segmind.timeout", () -> "20s");
        registry.add("camel.component.segmind.max-requests-per-minute", () -> "600");
        registry.add("camel.component.segmind.pending-job-repository", () -> "testPendingJobs");
    }
    // end::simulator-properties[]

    @TestConfiguration
    static class TestBeans {

        @Bean
        StateRepository<String, String> testPendingJobs() {
            return new MemoryStateRepository();
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    StateRepository<String, String> testPendingJobs;

    @Test
    void promptBecomesAPngWithTheKeyAndUrlFromProperties() {
        Exchange out = template.request("direct:gen", e -> e.getMessage().setBody("a lighthouse at dawn"));

        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(out.getMessage().getHeader(SegmindConstants.STATUS)).isEqualTo("COMPLETED");
        // the simulator accepts only KEY, so the accepted submit proves the key travelled from the properties
        assertThat(sim.simulator().journal().count(Route.SUBMIT, "wan2.7-image-pro")).isEqualTo(1);
    }

    @Test
    void dslRouteMakesAVideoWithItsOptions() {
        Exchange out = template.request("direct:video", e -> e.getMessage().setBody("waves"));

        assertThat(out.getException()).isNull();
        byte[] mp4 = out.getMessage().getBody(byte[].class);
        assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        Map<String, Object> sent = sim.simulator().job(id).orElseThrow().payload();
        assertThat(sent).containsEntry("resolution", "1080P").containsEntry("duration", 5);
    }

    @Test
    void componentCarriesTheTypedProperties() {
        SegmindComponent component = camelContext.getComponent("segmind", SegmindComponent.class);
        SegmindConfiguration c = component.getConfiguration();

        // from the test's dynamic properties
        assertThat(c.getApiKey()).isEqualTo(KEY);
        assertThat(c.getBaseUrl()).isEqualTo(sim.baseUrl());
        assertThat(c.getPollInterval()).isEqualTo(15L);
        assertThat(c.getMaxPollInterval()).isEqualTo(80L);
        assertThat(c.getTimeout()).isEqualTo(20_000L);
        assertThat(component.getMaxRequestsPerMinute()).isEqualTo(600);
        assertThat(component.getPendingJobRepository()).isSameAs(testPendingJobs);
        // from the example's application.properties
        assertThat(c.getPollStrategy()).isEqualTo(SegmindPollStrategy.backoff);
        assertThat(component.getMaxConcurrentJobs()).isEqualTo(4);
        assertThat(c.getInMemoryThreshold()).isEqualTo(8L * 1024 * 1024);
        assertThat(c.getDownloadDirectory()).isEqualTo("target/segmind-media");
        assertThat(component.getPendingJobFile()).isEqualTo("target/segmind-pending-jobs.dat");
        // options nobody set keep the component's own defaults
        assertThat(c.getMaxRetries()).isEqualTo(new SegmindConfiguration().getMaxRetries());
        assertThat(c.getRequestTimeout()).isEqualTo(new SegmindConfiguration().getRequestTimeout());
    }
}
