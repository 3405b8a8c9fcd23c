package dev.camelsegmind.component;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated component JSON is the user's reference: every option documented, grouped, the key secret. */
class SegmindMetadataTest {

    // "health" is the group Camel itself gives the inherited health-check options
    private static final Set<String> GROUPS = Set.of("common", "producer", "security", "advanced", "health",
            "producer (advanced)");
    private static JsonNode json;
    private static String text;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SegmindMetadataTest.class
                .getResourceAsStream("/META-INF/dev/camelsegmind/component/segmind.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            text = new String(in.readAllBytes());
            json = new ObjectMapper().readTree(text);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescriptionAndAGroup() {
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            json.get(section).fields().forEachRemaining(e -> {
                assertThat(e.getValue().path("description").asText()).as(section + " " + e.getKey()).isNotBlank();
                if (!section.equals("headers") && !e.getKey().equals("model")) {
                    assertThat(e.getValue().path("group").asText()).as(section + " " + e.getKey()).isIn(GROUPS);
                }
            });
        }
        assertThat(json.get("properties").size()).isGreaterThan(40);
        assertThat(json.get("headers").size()).isGreaterThan(30);
    }

    @Test
    void apiKeyIsSecretAtBothLevels() {
        assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/apiKey/group").asText()).isEqualTo("security");
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        assertThat(json.at("/properties/pollInterval/defaultValue").asText()).isEqualTo("1000");
        assertThat(json.at("/properties/maxPollInterval/defaultValue").asText()).isEqualTo("10000");
        assertThat(json.at("/properties/timeout/defaultValue").asText()).isEqualTo("600000");
        assertThat(json.at("/properties/baseUrl/defaultValue").asText()).isEqualTo("https://api.segmind.com");
        assertThat(json.at("/properties/operation/enum").toString()).contains("generate", "submit", "status",
                "await", "sync");
    }

    @Test
    void catalogValidatesEndpointUris() throws Exception {
        DefaultCamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("segmind", SegmindComponent.class.getName(), text);
        EndpointValidationResult ok = catalog.validateEndpointProperties(
                "segmind:wan2.7-i2v?resolution=1080P&duration=5&pollInterval=2s&timeout=900s");
        assertThat(ok.isSuccess()).as(ok.summaryErrorMessage(false)).isTrue();
        EndpointValidationResult bad = catalog.validateEndpointProperties("segmind:wan2.7-i2v?operation=render");
        assertThat(bad.isSuccess()).isFalse();
        EndpointValidationResult unknown = catalog.validateEndpointProperties("segmind:wan2.7-i2v?resolutoin=1080P");
        assertThat(unknown.getUnknown()).contains("resolutoin");
        Map<String, String> parsed = catalog.endpointProperties("segmind:wan2.7-i2v?parameters.guidance_scale=7");
        assertThat(parsed).containsEntry("model", "wan2.7-i2v");
    }
}
