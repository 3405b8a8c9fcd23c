package dev.camelsegmind.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata that spring-boot-configuration-processor writes from {@link SegmindComponentConfiguration} lists
 * every option of the component, under the same words as the component's catalog JSON. When someone adds a component
 * option, this fails until the starter has a documented property for it.
 */
class SegmindConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.segmind.";
    // the nested SegmindConfiguration object itself: its options are listed one by one instead
    private static final Set<String> NOT_PROPERTIES = Set.of("configuration");
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyComponentOptionIsADocumentedProperty() throws IOException {
        Map<String, JsonNode> metadata = metadataProperties();
        JsonNode options = read("META-INF/dev/camelsegmind/component/segmind.json").get("componentProperties");

        Set<String> missing = new TreeSet<>();
        options.fields().forEachRemaining(option -> {
            if (NOT_PROPERTIES.contains(option.getKey())) {
                return;
            }
            String property = SegmindComponentCustomizer.dashed(option.getKey());
            JsonNode entry = metadata.get(property);
            if (entry == null) {
                missing.add(PREFIX + property);
                return;
            }
            String catalog = normalized(option.getValue().get("description").asText());
            assertThat(normalized(entry.path("description").asText()))
                    .as("description of %s%s, which must repeat the component's", PREFIX, property)
                    .startsWith(catalog);
        });
        assertThat(missing).as("component options without a property in SegmindComponentConfiguration").isEmpty();

        Set<String> extra = new TreeSet<>(metadata.keySet());
        options.fieldNames().forEachRemaining(name -> extra.remove(SegmindComponentCustomizer.dashed(name)));
        extra.removeAll(STARTER_ONLY);
        assertThat(extra).as("properties that configure nothing on the component").isEmpty();
    }

    @Test
    void briefedPropertiesAreTypedWithDefaults() throws IOException {
        Map<String, JsonNode> metadata = metadataProperties();
        for (String name : List.of("api-key", "base-url", "upload-url", "operation", "output-type", "poll-strategy",
                "poll-interval", "max-poll-interval", "timeout", "connect-timeout", "request-timeout", "max-retries",
                "retry-delay", "max-retry-delay", "retry-uncertain-submit", "max-requests-per-minute",
                "max-concurrent-jobs", "pending-job-file", "pending-job-repository", "download-directory",
                "in-memory-threshold", "max-media-size", "upload-inputs", "max-input-size", "enabled",
                "health-check-consumer-enabled", "health-check-producer-enabled")) {
            assertThat(metadata).as(PREFIX + name).containsKey(name);
            assertThat(metadata.get(name).path("description").asText()).as(PREFIX + name).isNotBlank();
        }
        assertThat(metadata.get("poll-interval").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(metadata.get("poll-interval").path("defaultValue").asText()).isEqualTo("1s");
        assertThat(metadata.get("in-memory-threshold").path("defaultValue").asText()).isEqualTo("4MB");
        assertThat(metadata.get("poll-strategy").path("type").asText())
                .isEqualTo("dev.camelsegmind.component.SegmindPollStrategy");
        assertThat(metadata.get("base-url").path("defaultValue").asText()).isEqualTo("https://api.segmind.com");
        // a key has no default, and its description says how to keep it out of files
        assertThat(metadata.get("api-key").has("defaultValue")).isFalse();
        assertThat(metadata.get("api-key").path("description").asText()).contains("never logged");
    }

    private Map<String, JsonNode> metadataProperties() throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode p : read("META-INF/spring-configuration-metadata.json").get("properties")) {
            String name = p.get("name").asText();
            assertThat(name).startsWith(PREFIX);
            byName.put(name.substring(PREFIX.length()), p);
        }
        return byName;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return json.readTree(in);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
