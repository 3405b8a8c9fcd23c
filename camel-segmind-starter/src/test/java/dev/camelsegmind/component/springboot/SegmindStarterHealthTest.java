package dev.camelsegmind.component.springboot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.camelsegmind.component.springboot.example.GenerateApplication;
import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.junit.SegmindSimulatorExtension;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer health check as Spring Boot's Actuator shows it: with producer checks on, a key Segmind rejects makes
 * the application's health DOWN, and the reason is in the details of Camel's health indicator (which shows a check's
 * details and error, not its message), under the check's readable id.
 */
@CamelSpringBootTest
@SpringBootTest(classes = GenerateApplication.class, properties = {
        "camel.health.producers-enabled=true",
        "management.endpoint.health.show-details=always",
        "management.endpoints.web.exposure.include=health",
        "spring.main.banner-mode=off",
        // the warning about the refused key is asserted in the component's tests
        "logging.level.dev.camelsegmind.component.SegmindComponent=ERROR" })
@DirtiesContext
class SegmindStarterHealthTest {

    static final String KEY = "SG_5a17e4c0ffee1234";
    static final String WRONG_KEY = "SG_0000deadbeef0000";

    @RegisterExtension
    static SegmindSimulatorExtension sim = SegmindSimulatorExtension.builder().timeFactor(0.001).apiKey(KEY).build();

    @DynamicPropertySource
    static void segmindSimulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.segmind.api-key", () -> WRONG_KEY);
        registry.add("camel.component.segmind.base-url", sim::baseUrl);
    }

    @Autowired
    HealthEndpoint health;

    @Test
    void aRejectedKeyIsDownWithItsReasonInActuatorsOutput() throws Exception {
        Health camel = awaitDown();

        assertThat(camel.getDetails()).containsEntry("producer:segmind-wan2.7-image-pro", "DOWN");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) camel.getDetails()
                .get("producer:segmind-wan2.7-image-pro.data");
        assertThat(data).isNotNull();
        assertThat((String) data.get("reason")).contains("Segmind rejected the API key (HTTP 401)",
                "camel.component.segmind.api-key", "SEGMIND_API_KEY");
        assertThat(camel.getDetails().toString()).doesNotContain(WRONG_KEY);
        assertThat(sim.simulator().journal().count(Route.CREDITS)).isPositive();
    }

    private Health awaitDown() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            HealthComponent component = health.healthForPath("camelHealth");
            if (component instanceof Health h && Status.DOWN.equals(h.getStatus())
                    && h.getDetails().containsKey("producer:segmind-wan2.7-image-pro.data")) {
                return h;
            }
            assertThat(Instant.now()).as("camel health DOWN, last: %s", component).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
